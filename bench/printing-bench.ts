/**
 * The printed documents through core.dispatch, each beside the document function alone
 * (renderRequestForm / renderDeclaration / renderReceipt / renderDailyRegister) on the inputs the
 * handler builds: the ratio is what the core adds around rendering (the dispatcher, the reads that
 * build the input, base64 of the PDF, and for the declaration its write transaction).
 *
 * The bare inputs are rebuilt the way the handlers build them (electron/core/printing/handlers.ts):
 * the same views (requests.get = loadRequestView, beneficiaries.profile = loadProfile, settings.get =
 * readSettings, currentDeclaration, selectVisits + toVisitView) through the same input builders
 * (request-print-inputs.ts). Each pair's PDFs are compared once (pages, size) so a handler that
 * starts building something else is noticed.
 */
import { asSqliteStore } from '../electron/core/store/sqlite/open-sqlite-store';
import { buildRegisterInput } from '../electron/core/printing/register-input';
import type { BeneficiaryProfile, RequestView, SettingsView } from '@shared/contract';
import type { PdfView } from '@shared/contract/printing';
import { addDays } from '@shared/dates/calendar';
import type { FamilyRelation } from '@shared/domain/request';
import { FAMILY, FEMALE_FIRST, MALE_FIRST, mobileFor, nationalIdFor, pick, seededRandom } from '../electron/core/demo/arabic-names';
import { currentDeclaration } from '../electron/core/catalogue/catalogue-views';
import type { Core } from '../electron/core/core';
import { renderDailyRegister, type DailyRegisterInput } from '../electron/core/printing/daily-register';
import { renderDeclaration } from '../electron/core/printing/declaration';
import type { PrintingOptions } from '../electron/core/printing/pdf-page';
import { renderReceipt } from '../electron/core/printing/receipt';
import { renderRequestForm } from '../electron/core/printing/request-form';
import { declarationInput, receiptInput, requestFormInput } from '../electron/core/printing/request-print-inputs';
import { header as sampleLetterhead, logoPng } from '../tests/core/printing/fixtures';
import { BENCH_PASSWORD } from './data';
import type { TimeOptions } from './stats';

/** The targets of docs/performance.md for documents (ms): request form / declaration warm; register of 300 visits. */
export const PRINTING_TARGETS = { form: 100, register: 500 };

/** How many submitted requests the form, declaration and receipt cycle through. */
const REQUESTS = 5;

type Call = (op: string, input: unknown, sessionId: string) => Promise<unknown>;

export interface PrintingBenchEnv {
  core: Core;
  today: string;
  quick: boolean;
  /** The desk's session (a receptionist: prints forms, declarations and receipts). */
  deskSid: string;
  call: Call;
  /** Times a pair (core, bare) and adds the row. */
  measure: (name: string, target: number, core: (i: number) => Promise<unknown>, bare: (i: number) => Promise<unknown>, o: TimeOptions, note?: string) => Promise<void>;
  /** Records the statements of one core call (their plans go under the next row with --explain). */
  record: (fn: () => Promise<unknown>) => Promise<void>;
}

const pagesOf = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;

/**
 * One core PDF beside the bare one: the same number of pages and about the same size (the print
 * time and pdfkit's creation date differ), or the bare side no longer renders what the handler does.
 */
function compare(what: string, core: PdfView, bare: Buffer): string {
  const bytes = Buffer.from(core.pdfBase64, 'base64');
  const [pc, pb] = [pagesOf(bytes), pagesOf(bare)];
  if (pc !== pb || Math.abs(bytes.length - bare.length) > 0.02 * bytes.length) {
    throw new Error(`${what}: the core's PDF (${pc} pages, ${bytes.length} B) differs from the bare one (${pb} pages, ${bare.length} B): update bench/printing-bench.ts`);
  }
  return `${pc} page${pc === 1 ? '' : 's'}, ${Math.round(bytes.length / 1024)} KB`;
}

export async function benchPrinting(env: PrintingBenchEnv): Promise<void> {
  const { core, today, quick, deskSid, call, measure, record } = env;
  const raw = asSqliteStore(core.store).raw;
  const forms: TimeOptions = quick ? { warmup: 3, reps: 10 } : { warmup: 5, reps: 50 };
  const registers: TimeOptions = quick ? { warmup: 1, reps: 5 } : { warmup: 3, reps: 20 };

  // An association prints on its letterhead: fill it on the run copy (as the administrator does in
  // the settings) for these cases, and put the settings back as they were afterwards, so the cases
  // after these read the same settings as before (the dispatcher reads them on every call).
  const settingsBefore = raw.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const adminSid = core.createSession();
  await call('auth.signIn', { username: 'admin', password: BENCH_PASSWORD, deskId: 1 }, adminSid);
  const logoSide = 256; // about 2 cm at 300 dpi, the size the letterhead prints it
  const logo = logoPng(logoSide);
  await call(
    'settings.update',
    {
      associationName: sampleLetterhead.name,
      associationBranch: sampleLetterhead.branch,
      associationLicence: sampleLetterhead.licence,
      associationAddress: sampleLetterhead.address,
      associationPhone: sampleLetterhead.phone,
      associationWebsite: sampleLetterhead.website,
      associationLogoBase64: logo.toString('base64'),
    },
    adminSid,
  );
  core.endSession(adminSid);
  const letterheadNote = `letterhead filled on the run copy for these rows (branch, licence, address, phone, website, a ${logoSide} px PNG logo of ${(logo.length / 1024).toFixed(1)} KB)`;

  try {
    const settings = (await call('settings.get', {}, deskSid)) as SettingsView;
    const options: PrintingOptions = { timeZone: settings.timeZone, fontsDir: undefined }; // as createCore without resourcesDir
    const employee = ((await call('auth.session', {}, deskSid)) as { user: { fullName: string } }).user.fullName;
    const printedAt = () => new Date().toISOString();

    // Submitted requests (the receipt needs one) of different services, with a description and an
    // amount, whose applicants get a full file on the run copy (family, income, housing, …: the
    // generated store has only the desk's minimum).
    const candidates = raw
      .prepare(
        `SELECT r.id, r.beneficiary_id, r.service_type_id FROM requests r JOIN beneficiaries b ON b.id = r.beneficiary_id
         WHERE r.state = 'submitted' AND r.description IS NOT NULL AND r.requested_amount IS NOT NULL AND b.mobile IS NOT NULL
         ORDER BY r.id DESC`,
      )
      .all() as { id: number; beneficiary_id: number; service_type_id: number }[];
    const chosen: typeof candidates = [];
    for (const c of candidates) {
      if (chosen.length === REQUESTS) break;
      if (!chosen.some((x) => x.service_type_id === c.service_type_id || x.beneficiary_id === c.beneficiary_id)) chosen.push(c);
    }
    if (chosen.length < REQUESTS) throw new Error(`only ${chosen.length} submitted requests to print: regenerate the store (--regenerate)`);
    const random = seededRandom(13);
    for (const [k, c] of chosen.entries()) await completeProfile(call, deskSid, c.beneficiary_id, today, random, k);

    const requests: RequestView[] = [];
    const profiles: BeneficiaryProfile[] = [];
    for (const c of chosen) {
      const r = (await call('requests.get', { requestId: c.id }, deskSid)) as RequestView;
      requests.push(r);
      profiles.push((await call('beneficiaries.profile', { beneficiaryId: r.beneficiaryId }, deskSid)) as BeneficiaryProfile);
    }
    const at = <T>(list: T[], i: number) => list[i % list.length]!;
    const ids = requests.map((r) => r.id);
    const family = profiles.map((p) => p.family.length);
    const docs = requests.map((r) => r.documents.length);
    const which = `${REQUESTS} submitted requests (${requests.map((r) => r.number).join(', ')}; ${Math.min(...docs)}–${Math.max(...docs)} documents, families of ${Math.min(...family)}–${Math.max(...family)})`;
    const bareNote = (what: string) => `bare = ${what} alone on the inputs the handler builds (so the ratio is the core's overhead around rendering)`;

    // --- نموذج طلب دعم مستفيد, pre-filled (documents.requestForm)
    const formInputs = requests.map((r, k) => requestFormInput(r, profiles[k]!, settings, employee, printedAt()));
    const form = (i: number) => call('documents.requestForm', { requestId: at(ids, i) }, deskSid) as Promise<PdfView>;
    const formShape = compare('request form', await form(0), await renderRequestForm(formInputs[0]!, options));
    await record(() => form(0));
    await measure(
      'request form PDF (warm)',
      PRINTING_TARGETS.form,
      form,
      (i) => renderRequestForm(at(formInputs, i), options),
      forms,
      `${which}; ${formShape} (first); ${bareNote('renderRequestForm')}; ${letterheadNote}`,
    );

    // --- الإقرار (documents.declaration): a mutation, each call records a printing on the run copy
    const declaration = await currentDeclaration(core.store.db);
    const declarationInputs = requests.map((r) =>
      declarationInput(r, settings, { version: declaration.version, text: declaration.text, createdAt: declaration.created_at }, employee, printedAt()),
    );
    const declare = (i: number) => call('documents.declaration', { requestId: at(ids, i) }, deskSid) as Promise<PdfView>;
    const declarationShape = compare('declaration', await declare(0), await renderDeclaration(declarationInputs[0]!, options));
    await record(() => declare(0));
    await measure(
      'declaration PDF (printing recorded)',
      PRINTING_TARGETS.form,
      declare,
      (i) => renderDeclaration(at(declarationInputs, i), options),
      forms,
      `the same ${REQUESTS} requests; ${declarationShape}; a mutation: the printing row and the audit row in one write transaction, which stays open while the PDF is drawn; ${bareNote('renderDeclaration')}`,
    );

    // --- إيصال استلام طلب (documents.receipt): docs/performance.md has no row, held to the form's target
    const receiptInputs = requests.map((r) => receiptInput(r, settings, employee, printedAt()));
    const receipt = (i: number) => call('documents.receipt', { requestId: at(ids, i) }, deskSid) as Promise<PdfView>;
    const receiptShape = compare('receipt', await receipt(0), await renderReceipt(receiptInputs[0]!, options));
    await record(() => receipt(0));
    await measure(
      'receipt PDF (QR code)',
      PRINTING_TARGETS.form,
      receipt,
      (i) => renderReceipt(at(receiptInputs, i), options),
      forms,
      `the same ${REQUESTS} requests; ${receiptShape}; docs/performance.md has no row for it, held to the form / declaration target; ${bareNote('renderReceipt')}`,
    );

    // --- السجل اليومي of today (documents.dailyRegister): a supervisor's, all desks, IDs masked
    const supervisorSid = core.createSession();
    await call('auth.signIn', { username: 'super1', password: BENCH_PASSWORD, deskId: 3 }, supervisorSid);
    const supervisor = ((await call('auth.session', {}, supervisorSid)) as { user: { fullName: string } }).user.fullName;
    const registerInput = await buildBenchRegisterInput(core, today, settings, supervisor, printedAt());
    const register = () => call('documents.dailyRegister', { day: today }, supervisorSid) as Promise<PdfView>;
    const registerShape = compare('daily register', await register(), await renderDailyRegister(registerInput, options));
    await record(() => register());
    await measure(
      `daily register PDF (${registerInput.visits.length} visits)`,
      PRINTING_TARGETS.register,
      () => register(),
      () => renderDailyRegister(registerInput, options),
      registers,
      `today, all desks, IDs masked, as super1; ${registerShape}; ${bareNote('renderDailyRegister')}`,
    );
    core.endSession(supervisorSid);
  } finally {
    raw.transaction(() => {
      raw.prepare('DELETE FROM settings').run();
      const put = raw.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
      for (const s of settingsBefore) put.run(s.key, s.value);
    })();
  }
}

/** The register's input exactly as documents.dailyRegister builds it (today, all desks, IDs masked). */
function buildBenchRegisterInput(core: Core, day: string, settings: SettingsView, supervisor: string, printedAt: string): Promise<DailyRegisterInput> {
  return buildRegisterInput(core.store.db, { day, deskId: null, deskName: null, showFullIds: false, settings, supervisor, printedAt });
}

const LATIN_FIRST = ['Mohammed', 'Abdullah', 'Khalid', 'Fahad', 'Saad', 'Sultan', 'Faisal', 'Nasser', 'Noura', 'Sarah', 'Maryam', 'Haya'];
const LATIN_FAMILY = ['AlQahtani', 'AlOtaibi', 'AlShehri', 'AlGhamdi', 'AlZahrani', 'AlDosari', 'AlHarbi', 'AlMutairi', 'AlJuhani'];
const DISTRICTS = ['النهضة', 'الخالدية', 'الفيصلية', 'العزيزية', 'الروضة', 'السلام'];
const STREETS = ['شارع الأمير سلطان', 'طريق الملك عبدالعزيز', 'شارع الملك فهد', 'شارع عمر بن الخطاب', 'شارع الستين'];

/**
 * Gives a beneficiary the full file a researched applicant has (Latin name, ID expiry, nationality,
 * birth date, second mobile, address, income, housing, a family of 3–7), through beneficiaries.update
 * as the desk saves it.
 */
async function completeProfile(call: Call, sid: string, beneficiaryId: number, today: string, random: () => number, k: number): Promise<void> {
  const p = (await call('beneficiaries.profile', { beneficiaryId }, sid)) as BeneficiaryProfile;
  const female = FEMALE_FIRST.includes(p.firstName);
  const birthYear = 1962 + Math.floor(random() * 33);
  const child = (n: number) => {
    const girl = random() < 0.5;
    const year = Math.min(birthYear + 20 + n * 2 + Math.floor(random() * 2), Number(today.slice(0, 4)) - 1);
    return {
      name: pick(girl ? FEMALE_FIRST : MALE_FIRST, random),
      relation: girl ? ('daughter' as const) : ('son' as const),
      idNumber: year <= Number(today.slice(0, 4)) - 15 ? nationalIdFor(1_000_000 + k * 100 + n) : null,
      birthDate: `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
    };
  };
  const children = 2 + Math.floor(random() * 5);
  const family: { name: string; relation: FamilyRelation; idNumber: string | null; birthDate: string }[] = [
    {
      name: `${pick(female ? MALE_FIRST : FEMALE_FIRST, random)} ${female ? 'بن' : 'بنت'} ${pick(MALE_FIRST, random)} ${pick(FAMILY, random)}`,
      relation: 'spouse',
      idNumber: nationalIdFor(1_000_000 + k * 100 + 99),
      birthDate: `${birthYear + 2}-04-19`,
    },
    ...Array.from({ length: children }, (_, n) => child(n)),
  ];
  if (random() < 0.4) {
    family.push({ name: `${pick(FEMALE_FIRST, random)} ${pick(MALE_FIRST, random)} ${p.familyName}`, relation: 'mother', idNumber: nationalIdFor(1_000_000 + k * 100 + 98), birthDate: `${birthYear - 25}-03-02` });
  }
  const rented = random() < 0.7;
  await call(
    'beneficiaries.update',
    {
      beneficiaryId,
      version: p.version,
      confirmDuplicates: true,
      profile: {
        firstName: p.firstName,
        fatherName: p.fatherName,
        grandfatherName: p.grandfatherName,
        familyName: p.familyName,
        latinName: `${pick(LATIN_FIRST, random)} ${pick(LATIN_FIRST, random).slice(0, 1)}. ${pick(LATIN_FAMILY, random)}`,
        identity: { idType: p.idType, idNumber: p.idNumber },
        idExpiry: addDays(today, 100 + Math.floor(random() * 1500)),
        nationality: p.idType === 'iqama' ? 'يمني' : 'سعودي',
        gender: female ? 'female' : 'male',
        birthDate: `${birthYear}-11-02`,
        maritalStatus: 'married',
        mobile: p.mobile,
        mobile2: mobileFor(7_000_000 + k),
        city: 'الخرج',
        district: pick(DISTRICTS, random),
        address: `${pick(STREETS, random)}، عمارة ${1 + Math.floor(random() * 40)}، شقة ${1 + Math.floor(random() * 12)}`,
        monthlyIncome: 1500 + Math.floor(random() * 40) * 100,
        incomeSources: random() < 0.5 ? ['social_security', 'citizen_account'] : ['salary'],
        housingType: rented ? 'rented' : 'family',
        rentAmount: rented ? 12_000 + Math.floor(random() * 16) * 1000 : null,
        notes: null,
        family,
      },
    },
    sid,
  );
}
