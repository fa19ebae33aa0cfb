/**
 * Realistic inputs for every printed document: used by the tests, by `scripts/printing-samples.ts`
 * (the layout review tool) and by the bench. Names, IDs and dates are invented; IDs pass the check digit.
 */
import { deflateSync } from 'node:zlib';
import { CHANNELS } from '@shared/domain/channels';
import { VISIT_REASONS, type VisitOutcome, type VisitReason, type VisitState } from '@shared/domain/visit';
import type { DailyRegisterInput, RegisterVisit } from '../../../electron/core/printing/daily-register';
import type { DeclarationInput } from '../../../electron/core/printing/declaration';
import type { ReceiptInput } from '../../../electron/core/printing/receipt';
import type { RequestFormInput } from '../../../electron/core/printing/request-form';
import type { AssociationHeader } from '../../../electron/core/printing/pdf-page';
import type { TicketInput } from '../../../electron/core/printing/ticket';

export const header: AssociationHeader = {
  name: 'جمعية البر الخيرية بمحافظة الخرج',
  branch: 'فرع حي النهضة',
  licence: 'مسجلة لدى المركز الوطني لتنمية القطاع غير الربحي برقم 1234',
  address: 'الخرج، طريق الملك عبدالعزيز',
  phone: '011 545 1234',
  website: 'www.birr-alkharj.org.sa',
};

/** The same letterhead with the association's emblem. */
export const headerWithLogo: AssociationHeader = { ...header, logo: logoPng() };

/** The declaration text of the store's first version (migration 0002). */
export const DECLARATION_TEXT =
  'أقر أنا الموقع أدناه بأن جميع البيانات والمعلومات والمستندات التي قدمتها في هذا الطلب صحيحة وكاملة، ' +
  'وأتحمل المسؤولية المباشرة عن صحتها، وألتزم بإبلاغ الجمعية بأي تغيير يطرأ عليها، ' +
  'ويحق للجمعية التحقق منها لدى الجهات المختصة وإلغاء الطلب أو استرداد ما صُرف إذا ثبت خلاف ذلك.';

/** A very long four-part name (with a family name of several words). */
export const LONG_NAME = 'عبدالرحمن بن محمد بن عبدالعزيز بن عبداللطيف آل عبدالكريم القحطاني الدوسري';
/** A name with Latin letters and a digit in it, as some visitors register. */
export const MIXED_NAME = 'محمد Khan 2 الأحمد';

export const ticket: TicketInput = {
  associationName: header.name,
  branch: header.branch,
  deskName: 'مكتب الاستقبال 1',
  ticket: 'A-017',
  reason: 'new_request',
  issuedAt: '2026-03-05T06:05:00Z',
  waitingAhead: 4,
};

export const declaration: DeclarationInput = {
  header,
  request: { number: '1447-00042', openedAt: '2026-03-05T06:20:00Z', serviceName: 'مساعدة إيجار' },
  applicant: { fullName: 'محمد بن عبدالله بن سعد القحطاني', idType: 'national_id', idNumber: '1012345672' },
  declaration: { version: 3, text: DECLARATION_TEXT, publishedAt: '2026-01-12T09:00:00Z' },
  witness: { fullName: 'نورة بنت خالد العتيبي' },
  printedAt: '2026-03-05T06:32:00Z',
  printedBy: 'نورة العتيبي',
};

export const declarationLongName: DeclarationInput = {
  ...declaration,
  applicant: { fullName: LONG_NAME, idType: 'iqama', idNumber: '2345678904' },
};

export const declarationMixedName: DeclarationInput = {
  ...declaration,
  applicant: { fullName: MIXED_NAME, idType: 'passport', idNumber: 'K1234567' },
  witness: null,
};

export const receipt: ReceiptInput = {
  header,
  request: { number: '1447-00042', serviceName: 'مساعدة إيجار', submittedAt: '2026-03-05T07:10:00Z', expectedAnswerDate: '2026-03-19' },
  committeePeriodDays: 14,
  applicant: { fullName: 'محمد بن عبدالله بن سعد القحطاني', idNumber: '1012345672' },
  receivedBy: 'نورة بنت خالد العتيبي',
  contact: { hours: 'من الأحد إلى الخميس، 8 صباحاً – 2 ظهراً' },
  printedAt: '2026-03-05T07:11:00Z',
};

export const receiptLongName: ReceiptInput = {
  ...receipt,
  applicant: { fullName: LONG_NAME, idNumber: '2345678904' },
  receivedBy: null,
};

export const LONG_ADDRESS =
  'حي النهضة، شارع الأمير سلطان بن عبدالعزيز، عمارة رقم 14 الدور الثاني شقة 7، خلف مسجد الرحمة وبجوار مدرسة الخرج الابتدائية الثالثة، الخرج 16278، صندوق بريد 2045';
export const LONG_REJECTION_REASON =
  'لم يثبت من دراسة الباحث الاجتماعي والزيارة الميدانية بتاريخ 12 رمضان 1447 هـ أن الدخل الشهري للأسرة يقل عن حد الاستحقاق المعتمد في سياسة الدعم (3,500 ريال للفرد الواحد)، ' +
  'إذ تبين وجود دخل إضافي من عقار مؤجر لم يُذكر في الطلب، ويمكن للمتقدم التقدم بطلب جديد بعد ستة أشهر مع إرفاق ما يثبت تغير الحال (عقد الإيجار أو خطاب جهة العمل).';

export const requestForm: RequestFormInput = {
  header: headerWithLogo,
  request: {
    number: '1447-00042',
    openedAt: '2026-03-05T06:20:00Z',
    channel: 'interview',
    state: 'complete',
    serviceName: 'مساعدة إيجار',
    description: 'الأسرة مكونة من سبعة أفراد، والعائل متوقف عن العمل منذ ثلاثة أشهر بسبب إصابة، وعليه إيجار متأخر لقسطين.',
    requestedAmount: 9000,
  },
  applicant: {
    fullName: 'محمد بن عبدالله بن سعد القحطاني',
    latinName: 'Mohammed Abdullah S. AlQahtani',
    idType: 'national_id',
    idNumber: '1012345672',
    idExpiry: '2027-08-14',
    nationality: 'سعودي',
    gender: 'male',
    birthDate: '1984-11-02',
    maritalStatus: 'married',
    mobile: '055 123 4567',
    mobile2: '050 765 4321',
    city: 'الخرج',
    district: 'النهضة',
    address: 'شارع الأمير سلطان، عمارة 14، شقة 7',
    fileNumber: null,
    monthlyIncome: 3200,
    incomeSources: ['social_security', 'citizen_account'],
    housingType: 'rented',
    rentAmount: 18000,
    family: [
      { name: 'هيا بنت ناصر الدوسري', relation: 'spouse', idNumber: '1087654321', birthDate: '1988-04-19' },
      { name: 'عبدالله', relation: 'son', idNumber: '1122334459', birthDate: '2010-09-01' },
      { name: 'سارة', relation: 'daughter', idNumber: null, birthDate: '2013-01-23' },
      { name: 'فيصل', relation: 'son', idNumber: null, birthDate: '2016-06-30' },
      { name: 'ريم', relation: 'daughter', idNumber: null, birthDate: '2019-12-11' },
      { name: 'لطيفة بنت فهد العتيبي', relation: 'mother', idNumber: '1055667783', birthDate: '1956-03-02' },
    ],
  },
  documents: [
    { name: 'صورة الهوية الوطنية', status: 'provided', hasExpiry: true, expiryDate: '2027-08-14' },
    { name: 'سجل الأسرة', status: 'provided', hasExpiry: false },
    { name: 'إثبات الدخل', status: 'provided', hasExpiry: true, expiryDate: '2026-05-31', note: 'مشهد الضمان الاجتماعي' },
    { name: 'عقد الإيجار', status: 'expired', hasExpiry: true, expiryDate: '2026-02-28', note: 'يلزم العقد المجدد من منصة إيجار' },
    { name: 'خطاب الآيبان البنكي', status: 'missing', hasExpiry: false },
  ],
  documentsAsOf: '2026-03-05',
  decision: null,
  employee: { fullName: 'نورة بنت خالد العتيبي' },
  printedAt: '2026-03-05T06:40:00Z',
  printedBy: 'نورة العتيبي',
};

/** Long name, long address, a mixed Latin/digit family member name, and a long rejection reason. */
export const requestFormRejected: RequestFormInput = {
  ...requestForm,
  request: { ...requestForm.request!, number: '1447-00107', state: 'rejected' },
  applicant: {
    ...requestForm.applicant!,
    fullName: LONG_NAME,
    latinName: null,
    idType: 'iqama',
    idNumber: '2345678904',
    address: LONG_ADDRESS,
    family: [
      { name: MIXED_NAME, relation: 'brother', idNumber: '2055667782', birthDate: '1990-07-07' },
      ...requestForm.applicant!.family,
    ],
  },
  decision: { outcome: 'rejected', reason: LONG_REJECTION_REASON, approvedAmount: null, decidedAt: '2026-03-19T09:15:00Z' },
};

export const DOCUMENT_NAMES = ['صورة الهوية الوطنية', 'سجل الأسرة', 'إثبات الدخل', 'عقد الإيجار', 'خطاب الآيبان البنكي', 'التقرير الطبي'];

// — Daily register —

const FIRST = ['محمد', 'عبدالله', 'فهد', 'سارة', 'نورة', 'خالد', 'عبدالرحمن', 'هيا', 'سلطان', 'منيرة', 'تركي', 'لطيفة', 'ناصر', 'ريم', 'فيصل', 'أمل'];
const FATHER = ['عبدالعزيز', 'سعد', 'ناصر', 'إبراهيم', 'علي', 'حمد', 'سليمان', 'عبدالله'];
const FAMILY = ['القحطاني', 'الدوسري', 'العتيبي', 'الشمري', 'المطيري', 'السبيعي', 'الحربي', 'الزهراني', 'آل سعود الكبير', 'الغامدي'];
const EMPLOYEES = ['نورة العتيبي', 'فهد الشهري', 'منى القرني', 'سالم اليامي'];
const DESKS = ['مكتب الاستقبال 1', 'مكتب الاستقبال 2'];
const STATES: VisitState[] = ['done', 'done', 'done', 'done', 'done', 'done', 'done', 'left', 'cancelled', 'referred', 'serving', 'waiting'];
const OUTCOME_BY_REASON: Record<VisitReason, VisitOutcome> = {
  inquiry: 'answered',
  new_request: 'request_opened',
  follow_up: 'answered',
  missing_documents: 'documents_received',
  receive_aid: 'aid_delivered',
  complaint: 'complaint_recorded',
  volunteering: 'referred_elsewhere',
  other: 'other',
};

/** A small deterministic generator (mulberry32), so a sample day is the same every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` visits of 2026-03-05 from 08:00 (Riyadh), in arrival order, over both desks. */
export function registerVisits(count: number, seed = 7): RegisterVisit[] {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const visits: RegisterVisit[] = [];
  let arrival = Date.parse('2026-03-05T05:00:00Z');
  for (let i = 0; i < count; i++) {
    arrival += Math.floor(rnd() * 110_000) + 10_000;
    const state = i === 3 ? 'left' : pick(STATES);
    const reason = pick(VISIT_REASONS);
    const desk = i % 2;
    const called = state === 'waiting' || state === 'left' ? null : arrival + Math.floor(rnd() * 40 + 2) * 60_000;
    const ended =
      state === 'done' || state === 'cancelled'
        ? (called ?? arrival) + Math.floor(rnd() * 20 + 4) * 60_000
        : state === 'left'
          ? arrival + Math.floor(rnd() * 50 + 5) * 60_000
          : null;
    const name =
      i === 5 ? MIXED_NAME : i === 9 ? LONG_NAME : `${pick(FIRST)} ${pick(FATHER)} ${pick(FAMILY)}`;
    visits.push({
      ticket: `${desk === 0 ? 'A' : 'B'}-${String(Math.floor(i / 2) + 1).padStart(3, '0')}`,
      state,
      reason,
      channel: rnd() < 0.8 ? 'interview' : pick(CHANNELS),
      name,
      idNumber: rnd() < 0.1 ? null : `${rnd() < 0.85 ? 1 : 2}${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}`,
      arrivedAt: new Date(arrival).toISOString(),
      calledAt: called === null ? null : new Date(called).toISOString(),
      endedAt: ended === null ? null : new Date(ended).toISOString(),
      deskName: DESKS[desk]!,
      employee: state === 'waiting' || state === 'left' ? null : pick(EMPLOYEES),
      outcome: state === 'done' ? OUTCOME_BY_REASON[reason] : null,
    });
  }
  return visits;
}

export const register: DailyRegisterInput = {
  header,
  day: '2026-03-05',
  deskName: null,
  visits: registerVisits(300),
  supervisor: { fullName: 'عبدالله بن سعد المطيري' },
  printedAt: '2026-03-05T14:05:00Z',
  printedBy: 'عبدالله المطيري',
};

export const registerOneDesk: DailyRegisterInput = {
  ...register,
  deskName: DESKS[0]!,
  visits: registerVisits(40, 11).filter((v) => v.deskName === DESKS[0]),
  showFullIds: true,
};

export const registerEmpty: DailyRegisterInput = { ...register, day: '2026-03-06', visits: [] };

/** A small emblem (PNG, drawn here so the fixtures need no binary file): a green disc with a white crescent. */
export function logoPng(size = 96): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const c = size / 2;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const inDisc = (x - c) ** 2 + (y - c) ** 2 < (c - 2) ** 2;
      const inCrescent = (x - c * 0.9) ** 2 + (y - c) ** 2 < (c * 0.55) ** 2 && (x - c * 1.1) ** 2 + (y - c) ** 2 > (c * 0.45) ** 2;
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const [r, g, b, a] = !inDisc ? [0, 0, 0, 0] : inCrescent ? [255, 255, 255, 255] : [22, 110, 60, 255];
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let k = n;
    for (let i = 0; i < 8; i++) k = k & 1 ? 0xedb88320 ^ (k >>> 1) : k >>> 1;
    return k >>> 0;
  });
  const crc = (buf: Buffer) => {
    let v = 0xffffffff;
    for (const byte of buf) v = crcTable[(v ^ byte) & 0xff]! ^ (v >>> 8);
    return (v ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
