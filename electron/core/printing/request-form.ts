import type { Channel } from '@shared/domain/channels';
import type { IdType } from '@shared/domain/identity';
import type {
  DocumentStatus,
  FamilyRelation,
  Gender,
  HousingType,
  IncomeSource,
  MaritalStatus,
  RequestState,
} from '@shared/domain/request';
import { DEFAULT_TIME_ZONE } from '@shared/dates/calendar';
import { ar, fill } from '@shared/labels/ar';
import { printingAr } from '@shared/labels/printing-ar';
import { checkbox, fieldRow, paragraph, sectionTitle, signatureRow, type Block, type FieldSpec } from './blocks';
import {
  A4,
  bothCalendars,
  bothCalendarsStacked,
  COLOR,
  printedNote,
  type AssociationHeader,
  type PrintingOptions,
} from './pdf-page';
import { startLetterheadDocument } from './letterhead-document';
import { isolateLtr, printable } from './rtl-layout';
import { drawTable, measureTable, type TableColumn } from './table';

/** نموذج طلب دعم مستفيد (T4): pre-filled from a request, or blank for a visitor to fill by hand. */
export interface RequestFormInput {
  header: AssociationHeader;
  /** null: the blank form. */
  request: {
    number: string;
    /** UTC ISO instant the request was opened. */
    openedAt: string;
    channel: Channel;
    state?: RequestState | null;
    serviceName: string;
    description?: string | null;
    requestedAmount?: number | null;
  } | null;
  applicant: {
    fullName: string;
    latinName?: string | null;
    idType: IdType;
    idNumber: string;
    idExpiry?: string | null;
    nationality?: string | null;
    gender?: Gender | null;
    birthDate?: string | null;
    maritalStatus?: MaritalStatus | null;
    /** As people write it: 05X XXX XXXX. */
    mobile?: string | null;
    mobile2?: string | null;
    city?: string | null;
    district?: string | null;
    address?: string | null;
    fileNumber?: string | null;
    monthlyIncome?: number | null;
    incomeSources?: readonly IncomeSource[];
    housingType?: HousingType | null;
    rentAmount?: number | null;
    family: readonly { name: string; relation: FamilyRelation; idNumber: string | null; birthDate: string | null }[];
  } | null;
  /** The service's checklist (S2); on the blank form, the names only (status null). */
  documents: readonly {
    name: string;
    status: DocumentStatus | null;
    hasExpiry: boolean;
    expiryDate?: string | null;
    note?: string | null;
  }[];
  /** The day document validity was judged on (the submission date, or today while open). */
  documentsAsOf?: string | null;
  decision?: {
    outcome: 'accepted' | 'rejected';
    reason: string | null;
    approvedAmount: number | null;
    decidedAt: string;
  } | null;
  employee: { fullName: string } | null;
  printedAt: string;
  printedBy?: string | null;
}

const L = printingAr.requestForm;
const MARGINS = { top: 38, bottom: 52, left: 42, right: 42 };
const amount = (n: number | null | undefined) => (typeof n === 'number' && Number.isFinite(n) ? new Intl.NumberFormat('en-US').format(n) : '');
const ltr = (s: string | null | undefined) => isolateLtr(printable(s));

/** The blank form: the association's header and the catalogue's document names to tick by hand. */
export function blankRequestForm(header: AssociationHeader, documentNames: readonly string[], printedAt: string): RequestFormInput {
  return {
    header,
    request: null,
    applicant: null,
    documents: documentNames.map((name) => ({ name, status: null, hasExpiry: true })),
    employee: null,
    printedAt,
  };
}

export async function renderRequestForm(input: RequestFormInput, options: PrintingOptions = {}): Promise<Buffer> {
  const tz = options.timeZone ?? DEFAULT_TIME_ZONE;
  const blank = input.request === null;
  const title = blank ? L.blankTitle : L.title;
  const { doc, page: f, flow, newPage, freshPageRoom, finish } = startLetterheadDocument(
    {
      header: input.header,
      title,
      pdfTitle: input.request ? `${L.title} ${input.request.number}` : L.blankTitle,
      size: A4,
      margins: MARGINS,
      running: input.request ? `${L.title} — ${isolateLtr(input.request.number)} — ${input.applicant?.fullName ?? ''}` : L.blankTitle,
      footerNote: printedNote(input.printedAt, tz, input.printedBy),
    },
    options,
  );
  const blankHeight = blank ? 24 : undefined;
  const row = (fields: FieldSpec[], gap = 3) => flow.place(fieldRow(doc, fields, f.left, f.width, { blankHeight }), gap);
  const section = (name: string, first: Block) => flow.placeTogether([sectionTitle(doc, name, f.left, f.width), first]);

  const r = input.request;
  const a = input.applicant;
  row([
    { label: L.requestNumber, value: r ? ltr(r.number) : '', weight: 0.8 },
    { label: L.requestDate, value: bothCalendars(r?.openedAt, tz), weight: 1.4 },
  ]);
  row(
    [
      { label: L.channel, value: r ? ar.channels[r.channel] : '' },
      { label: L.fileNumber, value: ltr(a?.fileNumber) },
      ...(r?.state ? [{ label: L.state, value: ar.requestStates[r.state] }] : []),
    ],
    10,
  );

  // أولاً: بيانات المتقدم
  section(L.applicantSection, fieldRow(doc, [{ label: L.fullName, value: a?.fullName }], f.left, f.width, { blankHeight }));
  flow.y += 3;
  row([{ label: L.latinName, value: a?.latinName ?? '', direction: 'ltr' }]);
  row([
    { label: L.idType, value: a ? ar.idTypes[a.idType] : '', weight: 0.9 },
    { label: L.idNumber, value: ltr(a?.idNumber), weight: 1.2 },
    { label: L.nationality, value: a?.nationality, weight: 0.9 },
  ]);
  row([
    { label: L.idExpiry, value: bothCalendars(a?.idExpiry, tz) },
    { label: L.birthDate, value: bothCalendars(a?.birthDate, tz) },
  ]);
  row([
    { label: L.gender, value: a?.gender ? ar.genders[a.gender] : '', weight: 0.7 },
    { label: L.maritalStatus, value: a?.maritalStatus ? ar.maritalStatuses[a.maritalStatus] : '', weight: 1.3 },
    { label: L.mobile, value: ltr(a?.mobile) },
    { label: L.mobile2, value: ltr(a?.mobile2) },
  ]);
  row([
    { label: L.city, value: a?.city },
    { label: L.district, value: a?.district },
  ]);
  row([{ label: L.address, value: a?.address }], 10);

  // ثانياً: أفراد الأسرة
  flow.ensure(90); // the title with the table's header and first row
  flow.place(sectionTitle(doc, L.familySection, f.left, f.width));
  const family = a?.family ?? [];
  if (!blank && family.length === 0) {
    flow.place(paragraph(doc, L.noFamily, f.left, f.width, { color: COLOR.muted }), 10);
  } else {
    type Member = (typeof family)[number];
    const columns: TableColumn<Member>[] = [
      { header: L.memberIndex, weight: 0.35, cell: (_m, i) => String(i + 1), align: 'center' },
      { header: L.memberName, weight: 3, cell: (m) => m.name },
      { header: L.relation, weight: 1.1, cell: (m) => ar.familyRelations[m.relation], align: 'center' },
      { header: L.memberId, weight: 1.3, cell: (m) => m.idNumber, direction: 'ltr' },
      { header: L.memberBirth, weight: 2.2, cell: (m) => bothCalendarsStacked(m.birthDate, tz), align: 'center' },
    ];
    const t = drawTable(doc, {
      columns,
      rows: family,
      x: f.left,
      width: f.width,
      y: flow.y,
      bottom: f.bottom,
      newPage,
      fontSize: 9.5,
      blankRows: blank ? 6 : 0,
    });
    flow.y = t.y + 10;
  }

  // ثالثاً: الدخل والسكن
  flow.placeTogether(
    [
      sectionTitle(doc, L.incomeSection, f.left, f.width),
      fieldRow(
        doc,
        [
          { label: L.monthlyIncome, value: amount(a?.monthlyIncome), weight: 0.8 },
          { label: L.incomeSources, value: (a?.incomeSources ?? []).map((s) => ar.incomeSources[s]).join('، '), weight: 1.4 },
        ],
        f.left,
        f.width,
        { blankHeight },
      ),
      fieldRow(
        doc,
        [
          { label: L.housingType, value: a?.housingType ? ar.housingTypes[a.housingType] : '' },
          { label: L.rentAmount, value: amount(a?.rentAmount) },
        ],
        f.left,
        f.width,
        { blankHeight },
      ),
    ],
    10,
  );

  // رابعاً: الخدمة المطلوبة
  flow.placeTogether(
    [
      sectionTitle(doc, L.serviceSection, f.left, f.width),
      fieldRow(
        doc,
        [
          { label: L.service, value: r?.serviceName, weight: 1.4 },
          { label: L.requestedAmount, value: amount(r?.requestedAmount), weight: 0.8 },
        ],
        f.left,
        f.width,
        { blankHeight },
      ),
      fieldRow(doc, [{ label: L.description, value: r?.description }], f.left, f.width, { blankHeight: blank ? 70 : undefined }),
    ],
    10,
  );

  // The closing part — the committee's decision when there is one, the signatures and the date —
  // is laid out first: it stays on one page, and never on a page of its own, away from what the
  // signatures attest (the documents table's last row at least goes over with it).
  const gap = (height: number): Block => ({ height, paint() {} });
  const closing: Block[] = [];
  const d = input.decision;
  if (d) {
    closing.push(
      sectionTitle(doc, L.decisionSection, f.left, f.width),
      fieldRow(
        doc,
        [
          { label: L.decision, value: d.outcome === 'accepted' ? L.decisionAccepted : L.decisionRejected },
          { label: L.decidedAt, value: bothCalendars(d.decidedAt, tz), weight: 1.6 },
        ],
        f.left,
        f.width,
      ),
      gap(3),
      fieldRow(
        doc,
        d.outcome === 'rejected' ? [{ label: L.rejectionReason, value: d.reason }] : [{ label: L.approvedAmount, value: amount(d.approvedAmount) }],
        f.left,
        f.width,
        { blankHeight },
      ),
      gap(3 + 8),
    );
  }
  const signatures = signatureRow(
    doc,
    [
      { label: L.applicantSignature, name: a?.fullName ?? null },
      { label: `${L.employee} — ${L.employeeSignature}`, name: input.employee?.fullName ?? null },
    ],
    f.left,
    f.width,
  );
  closing.push(
    sectionTitle(doc, L.signaturesSection, f.left, f.width),
    paragraph(doc, L.declarationNote, f.left, f.width, { fontSize: 9.5, color: COLOR.muted }),
    signatures,
    gap(8),
    fieldRow(
      doc,
      [
        { label: `${printingAr.common.date} (${ar.dates.hijri})`, value: '' },
        { label: ar.dates.gregorian, value: '' },
      ],
      f.left,
      f.width,
      { blankHeight },
    ),
  );
  const closingHeight = closing.reduce((h, b) => h + b.height, 0);

  // خامساً: المستندات المطلوبة (S2)
  type Doc = (typeof input.documents)[number];
  const box = 9;
  const docColumns: TableColumn<Doc>[] = [
    {
      header: '',
      weight: 0.4,
      cell: () => '',
      paint: (d, b) => {
        const mark = !d || d.status === null ? 'none' : d.status === 'provided' ? 'tick' : 'cross';
        checkbox(doc, b.x + (b.width - box) / 2, b.y + (b.height - box) / 2, box, mark);
      },
    },
    { header: L.document, weight: 2.6, cell: (d) => d.name },
    { header: L.documentState, weight: 1.2, cell: (d) => (d.status ? ar.documentStatuses[d.status] : ''), align: 'center' },
    { header: L.expiry, weight: 2.2, cell: (d) => (d.hasExpiry ? bothCalendarsStacked(d.expiryDate, tz) : '—'), align: 'center' },
    { header: L.note, weight: 1.6, cell: (d) => d.note },
  ];
  const tableGap = 10;
  const docsTable = { columns: docColumns, rows: input.documents, x: f.left, width: f.width, bottom: f.bottom, newPage, fontSize: 9.5, blankRows: blank ? 2 : 0 };
  const docsTitle = sectionTitle(doc, L.documentsSection, f.left, f.width);
  const asOf = input.documentsAsOf
    ? paragraph(doc, fill(L.documentsAsOf, { date: bothCalendars(input.documentsAsOf, tz) }), f.left, f.width, { fontSize: 9, color: COLOR.muted })
    : null;
  // The checklist is what the applicant signs for: when it and the closing part do not both fit
  // here but do on a fresh page, they go over together. A checklist longer than that breaks as a
  // table does, and its last row still goes with the signatures (keepWithLast).
  const together = docsTitle.height + (asOf ? asOf.height + 3 : 0) + measureTable(doc, { ...docsTable, y: 0 }) + tableGap + closingHeight;
  if (together > flow.room && together <= freshPageRoom) flow.breakPage();
  else flow.ensure(90 + (input.documents.length + docsTable.blankRows <= 1 ? tableGap + closingHeight : 0));
  flow.place(docsTitle);
  if (asOf) flow.place(asOf, 3);
  flow.y = drawTable(doc, { ...docsTable, y: flow.y, keepWithLast: tableGap + closingHeight }).y + tableGap;
  flow.placeTogether(closing);

  return finish();
}
