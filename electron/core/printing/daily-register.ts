import { CHANNELS, CONTACT_CHANNELS, type Channel, type ContactChannel } from '@shared/domain/channels';
import { VISIT_REASONS, VISIT_STATES, type VisitOutcome, type VisitReason, type VisitState } from '@shared/domain/visit';
import { DEFAULT_TIME_ZONE, formatDuration, formatGregorian, formatHijri, formatTime, formatWeekday } from '@shared/dates/calendar';
import { ar, fill } from '@shared/labels/ar';
import { printingAr } from '@shared/labels/printing-ar';
import { fieldRow, Flow, paragraph, signatureRow, type Block } from './blocks';
import { FONT } from './fonts';
import {
  A4_LANDSCAPE,
  COLOR,
  maskId,
  printedNote,
  type AssociationHeader,
  type PrintingOptions,
} from './pdf-page';
import { startLetterheadDocument } from './letterhead-document';
import { isolateLtr, layoutRtlText, paintTextLayout } from './rtl-layout';
import { startTable, type TableColumn } from './table';

/** One visit of the day as the register prints it. */
export interface RegisterVisit {
  ticket: string;
  state: VisitState;
  reason: VisitReason;
  channel: Channel;
  name: string;
  idNumber: string | null;
  /** UTC ISO instants. */
  arrivedAt: string;
  calledAt: string | null;
  endedAt: string | null;
  deskName: string;
  /** The employee who served the visit. */
  employee: string | null;
  outcome: VisitOutcome | null;
}

/** A contact of the day on another channel (C2–C8), printed under its channel after the visits. */
export interface RegisterContact {
  channel: ContactChannel;
  /** UTC ISO instant. */
  loggedAt: string;
  name: string;
  idNumber: string | null;
  subject: string;
  /** The desk it was logged at; null when logged away from a desk. */
  deskName: string | null;
  /** The employee who logged it. */
  employee: string;
}

/** السجل اليومي without its visits: what is printed around them. */
export interface DailyRegisterHead {
  header: AssociationHeader;
  /** The business day, YYYY-MM-DD. */
  day: string;
  /** null: all desks. */
  deskName: string | null;
  /** IDs are masked but for their last 4 digits unless the supervisor asks for them in full. */
  showFullIds?: boolean;
  supervisor?: { fullName: string } | null;
  printedAt: string;
  printedBy?: string | null;
}

/** السجل اليومي: every visit of a day, for one desk or all desks, with totals and the supervisor's signature. */
export interface DailyRegisterInput extends DailyRegisterHead {
  visits: readonly RegisterVisit[];
  /** The day's contacts on the other channels, in the order they were logged. */
  contacts?: readonly RegisterContact[];
}

export interface RegisterTotals {
  visits: number;
  byState: Record<VisitState, number>;
  byReason: Record<VisitReason, number>;
  byChannel: Record<Channel, number>;
  /** Mean wait (arrival to call, or to leaving when never called) in ms, over visits with a known wait; null if none. */
  averageWaitMs: number | null;
}

const zero = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Minutes from arrival to being called; for a visitor never called, to leaving; unknown while still waiting. */
export function waitingMs(v: Pick<RegisterVisit, 'state' | 'arrivedAt' | 'calledAt' | 'endedAt'>): number | null {
  const until = v.calledAt ?? (v.state === 'left' || v.state === 'cancelled' ? v.endedAt : null);
  if (!until) return null;
  const ms = Date.parse(until) - Date.parse(v.arrivedAt);
  return Number.isFinite(ms) && ms >= 0 ? ms : null;
}

export function registerTotals(visits: Iterable<RegisterVisit>): RegisterTotals {
  const counter = totalsCounter();
  for (const v of visits) counter.count(v);
  return counter.totals();
}

/** Totals counted visit by visit, as a register is written. */
function totalsCounter() {
  const t: RegisterTotals = {
    visits: 0,
    byState: zero(VISIT_STATES),
    byReason: zero(VISIT_REASONS),
    byChannel: zero(CHANNELS),
    averageWaitMs: null,
  };
  let waited = 0;
  let sum = 0;
  return {
    count(v: RegisterVisit) {
      t.visits++;
      t.byState[v.state]++;
      t.byReason[v.reason]++;
      t.byChannel[v.channel]++;
      const w = waitingMs(v);
      if (w !== null) {
        waited++;
        sum += w;
      }
    },
    totals(): RegisterTotals {
      return { ...t, averageWaitMs: waited > 0 ? sum / waited : null };
    },
  };
}

const L = printingAr.register;
const MARGINS = { top: 28, bottom: 40, left: 30, right: 30 };

export function renderDailyRegister(input: DailyRegisterInput, options: PrintingOptions = {}): Promise<Buffer> {
  return writeDailyRegister(input, input.visits, options, input.contacts);
}

/**
 * The register written page by page as its visits come (in arrival order), each finished page
 * written out and let go: however long the day, pdfkit holds one page and the totals besides the
 * bytes already written, not every page's objects (a day of 16,000 visits held a gigabyte that way).
 * The day's contacts on the other channels follow, under their channel, as on the screen and in the
 * exports: a day's phone calls and letters are a few dozen, held at once.
 */
export async function writeDailyRegister(
  input: DailyRegisterHead,
  visits: Iterable<RegisterVisit> | AsyncIterable<RegisterVisit>,
  options: PrintingOptions = {},
  contacts: readonly RegisterContact[] = [],
): Promise<Buffer> {
  const tz = options.timeZone ?? DEFAULT_TIME_ZONE;
  const desk = input.deskName ?? printingAr.common.allDesks;
  const dayText = `${formatWeekday(input.day, tz)} ${formatHijri(input.day, tz)} — ${formatGregorian(input.day, tz)}`;
  const dayLine = fill(L.day, { day: dayText });
  const { doc, page: f, flow, newPage, finish } = startLetterheadDocument(
    {
      header: input.header,
      title: L.title,
      pdfTitle: `${L.title} ${input.day}`,
      size: A4_LANDSCAPE,
      margins: MARGINS,
      running: `${L.title} — ${dayLine} — ${desk}`,
      footerNote: printedNote(input.printedAt, tz, input.printedBy),
      pageByPage: true,
    },
    options,
  );
  flow.place(
    fieldRow(
      doc,
      [
        { label: L.dayLabel, value: dayText, weight: 2 },
        { label: L.scopeLabel, value: desk },
      ],
      f.left,
      f.width,
    ),
    4,
  );

  const rows = iterate(visits);
  const first = await rows.next();
  const counter = totalsCounter();
  if (first.done) {
    const message = layoutRtlText(doc, L.empty, { x: f.left, y: 0, width: f.width, font: FONT.bold, fontSize: 14, align: 'center', lineHeight: 1.6 });
    flow.place(
      {
        height: message.height + 40,
        paint(y) {
          doc.save().lineWidth(0.8).strokeColor(COLOR.rule).rect(f.left, y + 6, f.width, message.height + 28).stroke().restore();
          paintTextLayout(doc, message, y + 20);
          doc.fillColor(COLOR.text);
        },
      },
      10,
    );
  } else {
    flow.place(paragraph(doc, input.showFullIds ? L.idsShown : L.idsMasked, f.left, f.width, { fontSize: 8.5, color: COLOR.muted }), 3);
    const id = (v: RegisterVisit) => isolateLtr(input.showFullIds ? (v.idNumber ?? '') : maskId(v.idNumber));
    const time = (t: string | null) => (t ? formatTime(t, tz) : '');
    const c = L.columns;
    const columns: TableColumn<RegisterVisit>[] = [
      { header: c.index, weight: 0.4, cell: (_v, i) => String(i + 1), align: 'center' },
      { header: c.ticket, weight: 0.7, cell: (v) => v.ticket, direction: 'ltr' },
      { header: c.arrived, weight: 0.75, cell: (v) => time(v.arrivedAt), align: 'center' },
      { header: c.ended, weight: 0.75, cell: (v) => time(v.endedAt), align: 'center' },
      { header: c.name, weight: 2.2, cell: (v) => v.name },
      { header: c.id, weight: 1.05, cell: id, direction: 'ltr' },
      { header: c.reason, weight: 1.25, cell: (v) => ar.reasons[v.reason] },
      { header: c.channel, weight: 1.2, cell: (v) => ar.channels[v.channel] },
      ...(input.deskName === null ? [{ header: c.desk, weight: 1.3, cell: (v: RegisterVisit) => v.deskName }] : []),
      { header: c.employee, weight: 1.2, cell: (v) => v.employee },
      { header: c.state, weight: 0.8, cell: (v) => ar.visitStates[v.state], align: 'center' },
      { header: c.outcome, weight: 1.4, cell: (v) => (v.outcome ? ar.outcomes[v.outcome] : '') },
      { header: c.waited, weight: 0.65, cell: (v) => waitDisplay(v), align: 'center' },
    ];
    const table = startTable(doc, {
      columns,
      x: f.left,
      width: f.width,
      y: flow.y,
      bottom: f.bottom,
      newPage,
      fontSize: 8.5,
      headerFontSize: 8.5,
      padding: 2,
      zebra: true,
    });
    for (let row: IteratorResult<RegisterVisit> = first; !row.done; row = await rows.next()) {
      table.add(row.value);
      counter.count(row.value);
    }
    flow.y = table.end().y + 12;
  }

  const shownId = (idNumber: string | null) => isolateLtr(input.showFullIds ? (idNumber ?? '') : maskId(idNumber));
  placeContacts(doc, flow, contacts, { x: f.left, width: f.width, allDesks: input.deskName === null, newPage, id: shownId, time: (t) => formatTime(t, tz) });
  placeTotals(doc, flow, counter.totals(), contacts.length, f.left, f.width);
  flow.place(
    signatureRow(
      doc,
      [
        { label: L.supervisor, name: input.supervisor?.fullName ?? null },
        { label: L.supervisorSignature, name: null },
        { label: printingAr.common.date, name: null },
      ],
      f.left,
      f.width,
    ),
  );

  return finish();
}

function iterate<T>(source: Iterable<T> | AsyncIterable<T>): AsyncIterator<T> | Iterator<T> {
  return Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
}

function waitDisplay(v: RegisterVisit): string {
  const ms = waitingMs(v);
  return ms === null ? '' : formatDuration(ms);
}

interface ContactsLayout {
  x: number;
  width: number;
  allDesks: boolean;
  newPage: () => number;
  id: (idNumber: string | null) => string;
  time: (instant: string) => string;
}

/** The day's contacts, one table per channel in the policy's order, each under its channel and count. */
function placeContacts(doc: PDFKit.PDFDocument, flow: Flow, contacts: readonly RegisterContact[], at: ContactsLayout) {
  if (contacts.length === 0) return;
  const c = { ...L.columns, ...L.contactColumns };
  const columns: TableColumn<RegisterContact>[] = [
    { header: c.index, weight: 0.4, cell: (_v, i) => String(i + 1), align: 'center' },
    { header: c.time, weight: 0.75, cell: (v) => at.time(v.loggedAt), align: 'center' },
    { header: c.name, weight: 2.2, cell: (v) => v.name },
    { header: c.id, weight: 1.05, cell: (v) => at.id(v.idNumber), direction: 'ltr' },
    { header: c.subject, weight: 4.2, cell: (v) => v.subject },
    ...(at.allDesks ? [{ header: c.desk, weight: 1.3, cell: (v: RegisterContact) => v.deskName }] : []),
    { header: c.loggedBy, weight: 1.2, cell: (v) => v.employee },
  ];
  const title = paragraph(doc, L.contactsTitle, at.x, at.width, { font: FONT.bold, fontSize: 11 });
  let first = true;
  for (const channel of CONTACT_CHANNELS) {
    const rows = contacts.filter((r) => r.channel === channel);
    if (rows.length === 0) continue;
    const heading = paragraph(doc, fill(L.contactsChannel, { channel: ar.channels[channel], count: rows.length }), at.x, at.width, { font: FONT.bold, fontSize: 9.5 });
    // A channel's heading stays with its table's header and first rows (the section's title with the first).
    const lead = first ? [title, { height: 4, paint() {} }, heading] : [heading];
    flow.ensure(lead.reduce((h, b) => h + b.height, 0) + 48);
    for (const b of lead) flow.place(b);
    flow.y += 2;
    first = false;
    const table = startTable(doc, { columns, x: at.x, width: at.width, y: flow.y, bottom: flow.bottom, newPage: at.newPage, fontSize: 8.5, headerFontSize: 8.5, padding: 2, zebra: true });
    for (const row of rows) table.add(row);
    flow.y = table.end().y + 10;
  }
}

/** The totals: a summary line, then three small tables side by side (state, reason, channel). */
function placeTotals(doc: PDFKit.PDFDocument, flow: Flow, totals: RegisterTotals, contacts: number, x: number, width: number) {
  const summary = [
    fill(L.totalVisits, { count: totals.visits }),
    contacts > 0 ? fill(L.totalContacts, { count: contacts }) : '',
    totals.averageWaitMs !== null ? fill(L.averageWait, { duration: formatDuration(totals.averageWaitMs) }) : '',
  ]
    .filter((s) => s !== '')
    .join('   —   ');
  const title = paragraph(doc, `${L.totalsTitle}: ${summary}`, x, width, { font: FONT.bold, fontSize: 11 });
  const gap = 14;
  const w = (width - 2 * gap) / 3;
  const groups: { title: string; rows: [string, number][] }[] = [
    { title: L.byState, rows: VISIT_STATES.map((s) => [ar.visitStates[s], totals.byState[s]]) },
    { title: L.byReason, rows: VISIT_REASONS.map((r) => [ar.reasons[r], totals.byReason[r]]) },
    { title: L.byChannel, rows: CHANNELS.map((c) => [ar.channels[c], totals.byChannel[c]]) },
  ];
  const rowH = 14.5;
  const lay = (text: string, bx: number, bw: number, bold: boolean, align: 'right' | 'center') =>
    layoutRtlText(doc, text, { x: bx, y: 0, width: bw, font: bold ? FONT.bold : FONT.regular, fontSize: 8.5, lineHeight: 1.5, align });
  const tables = groups.map((g, i) => {
    const bx = x + width - (i + 1) * w - i * gap;
    const countW = 44;
    const head = [lay(g.title, bx + countW + 4, w - countW - 8, true, 'right'), lay(L.count, bx, countW, true, 'center')];
    const rows = g.rows.map(([label, n]) => [lay(label, bx + countW + 4, w - countW - 8, false, 'right'), lay(String(n), bx, countW, false, 'center')]);
    return { bx, countW, head, rows };
  });
  const height = Math.max(...tables.map((t) => (t.rows.length + 1) * rowH)) + 4;
  const block: Block = {
    height,
    paint(y) {
      for (const t of tables) {
        const all = [t.head, ...t.rows];
        all.forEach((cells, r) => {
          const ry = y + r * rowH;
          if (r === 0) doc.rect(t.bx, ry, w, rowH).fillColor(COLOR.fill).fill();
          doc.fillColor(COLOR.text).lineWidth(0.4).strokeColor(COLOR.light).rect(t.bx, ry, w, rowH).stroke();
          doc.moveTo(t.bx + t.countW, ry).lineTo(t.bx + t.countW, ry + rowH).stroke();
          for (const cell of cells) paintTextLayout(doc, cell, ry + (rowH - cell.height) / 2);
        });
      }
      doc.fillColor(COLOR.text);
    },
  };
  flow.placeTogether([title, { height: 4, paint() {} }, block], 16);
}
