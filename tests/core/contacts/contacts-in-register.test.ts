import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactView, InputOf, RegisterFileView, VisitView } from '@shared/contract';
import { beneficiaryInput, walkInInput } from '../../helpers/fixtures';
import { loadCatalogue, unlockAfterClockJump } from '../../helpers/requests';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { openTestCore, type TestCore } from '../../helpers/test-core';
import { normaliseText, pdfText } from '../printing/pdf-text';

/**
 * Contacts on the channels C2–C8 in the day's register: rows of their own kind beside the
 * visits, under their channel, their visit-only columns empty; on both stores.
 */
const DAY = '2025-03-10';

let t: TestCore;
let nora: SignedIn;
let sup: SignedIn;
const visits: VisitView[] = [];
const contacts: ContactView[] = [];
let requestNumber: string;

beforeAll(async () => {
  t = await openTestCore({ now: `${DAY}T05:00:00Z` });
  nora = await signedInAs(t, 'receptionist', { fullName: 'نورة سعد العتيبي' });
  sup = await signedInAs(t, 'supervisor', { deskId: 3, fullName: 'فهد ناصر الدوسري' });
  const hind = await nora.ok('beneficiaries.register', beneficiaryInput(21, ['هند', 'عبدالله', 'سعد', 'الشهري']));
  // 08:00 a walk-in, 08:05 a call from Hind, 08:10 a walk-in by phone reason, 08:15 a letter from a person without a file.
  visits.push(await nora.ok('visits.checkIn', walkInInput('سالم علي الحربي')));
  t.clock.set(`${DAY}T05:05:00Z`);
  contacts.push(await nora.ok('contacts.log', { channel: 'phone', beneficiaryId: hind.id, subject: 'موعد صرف السلة', answer: 'الأحد القادم' }));
  t.clock.set(`${DAY}T05:10:00Z`);
  visits.push(await nora.ok('visits.checkIn', walkInInput('بدر ناصر العنزي', { channel: 'phone' })));
  t.clock.set(`${DAY}T05:15:00Z`);
  contacts.push(await nora.ok('contacts.log', { channel: 'letters', name: 'خالد سعد المطيري', subject: 'طلب زيارة ميدانية', answer: 'أُحيل إلى الباحث' }));
  const cat = await loadCatalogue(nora);
  requestNumber = (await nora.ok('requests.open', { beneficiaryId: hind.id, serviceTypeId: cat.services.food_basket!.id, contactId: contacts[0]!.id })).number;
  await unlockAfterClockJump(sup);
});

afterAll(() => t.cleanup());

const list = (input: Partial<InputOf<'registers.list'>> = {}) => sup.ok('registers.list', { from: DAY, to: DAY, ...input });

describe('contacts in the daily register (P4, C2–C8)', () => {
  it('C2, C4: each contact is a row of its own kind beside the visits, in time order, its visit-only columns empty', async () => {
    const page = await list();
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => [r.kind, r.ticket])).toEqual([
      ['visit', visits[0]!.ticket],
      ['contact', ''],
      ['visit', visits[1]!.ticket],
      ['contact', ''],
    ]);
    expect(page.rows[1]).toMatchObject({
      kind: 'contact',
      contactId: contacts[0]!.id,
      visitId: null,
      channel: 'phone',
      name: 'هند عبدالله سعد الشهري',
      state: null,
      reason: null,
      outcome: null,
      calledAt: null,
      waitedMinutes: null,
      servedMinutes: null,
      outcomeNote: 'موعد صرف السلة',
      employee: 'نورة سعد العتيبي',
      deskName: 'مكتب الاستقبال 1',
      requestNumbers: [requestNumber],
      arrivedAt: `${DAY}T05:05:00.000Z`,
    });
    expect(page.rows[1]!.idNumber).toMatch(/^\*+\d{4}$/);
    expect(page.rows[3]).toMatchObject({ name: 'خالد سعد المطيري', channel: 'letters', idNumber: null, fileNumber: null });
  });

  it('C2, C4: the printed register lists the contacts after the visits, each under its channel with its subject and person', async () => {
    const printed = await sup.ok('documents.dailyRegister', { day: DAY });
    const { text } = await pdfText(Buffer.from(printed.pdfBase64, 'base64'));
    const at = (s: string, from = 0) => text.indexOf(normaliseText(s), from);
    const lastTicket = Math.max(...visits.map((v) => at(v.ticket)));
    expect(lastTicket).toBeGreaterThan(-1);
    const section = at('التواصل عبر القنوات الأخرى', lastTicket);
    expect(section).toBeGreaterThan(lastTicket);
    // Each channel's heading with its count (pdf.js reads the parentheses of right-to-left text mirrored),
    // then its contact: the phone call before the letter, in the policy's order of channels.
    const heading = (channel: string, from: number) => {
      const i = at(channel, from);
      expect(text.slice(i + normaliseText(channel).length)).toMatch(/^[()]1[()]/);
      return i;
    };
    const phone = heading('الاتصالات الهاتفية', section);
    expect(phone).toBeGreaterThan(section);
    const call = at('هند عبدالله سعد الشهري', phone);
    expect(at('موعد صرف السلة', phone)).toBeGreaterThan(call);
    const letters = heading('الخطابات', call);
    expect(letters).toBeGreaterThan(call);
    expect(at('خالد سعد المطيري', letters)).toBeGreaterThan(letters);
    expect(at('طلب زيارة ميدانية', letters)).toBeGreaterThan(letters);
    // Counted in the totals beside the visits.
    expect(at('التواصل عبر القنوات الأخرى: 2', letters)).toBeGreaterThan(letters);
  });

  it('C2: under their channel: a channel filter keeps its visits and contacts; a state, reason or outcome filter is visits only', async () => {
    const phone = await list({ channels: ['phone'] });
    expect(phone.rows.map((r) => r.kind)).toEqual(['contact', 'visit']);
    expect(phone.total).toBe(2);
    expect((await list({ channels: ['interview'] })).rows.map((r) => r.kind)).toEqual(['visit']);
    expect((await list({ states: ['waiting'] })).rows.every((r) => r.kind === 'visit')).toBe(true);
    expect((await list({ reasons: ['inquiry'] })).total).toBe(2);
    // The employee of a contact is who logged it; of a visit, who served it (nobody yet: both wait).
    expect((await list({ employeeId: nora.user.id })).rows.map((r) => r.kind)).toEqual(['contact', 'contact']);
    expect((await list({ deskId: 2 })).total).toBe(0);
  });

  it('sorting and paging run over visits and contacts together on both stores', async () => {
    const byName = await list({ sort: { column: 'name', direction: 'asc' } });
    const names = byName.rows.map((r) => r.name);
    expect(names).toHaveLength(4);
    for (const column of ['ticket', 'waited', 'reason', 'channel', 'state', 'requestNumber', 'desk', 'employee', 'fileNumber', 'calledAt'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const page = await list({ sort: { column, direction } });
        expect(page.rows, `${column} ${direction}`).toHaveLength(4);
      }
    }
    // Unknown values last either way: the contacts have no ticket.
    const tickets = await list({ sort: { column: 'ticket', direction: 'desc' } });
    expect(tickets.rows.map((r) => r.kind)).toEqual(['visit', 'visit', 'contact', 'contact']);
    const second = await list({ offset: 1, limit: 2 });
    expect(second.rows.map((r) => r.contactId ?? r.visitId)).toEqual([contacts[0]!.id, visits[1]!.id]);
    expect(second.total).toBe(4);
  });

  it('C2: the exports carry the contacts: a row each in the spreadsheet and the CSV, counted apart in the totals', async () => {
    const xlsx = await sup.ok('registers.export', { format: 'xlsx', from: DAY, to: DAY });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.dataBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('السجل')!;
    expect(sheet.rowCount).toBe(5);
    const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1) as string[];
    const contactRow = sheet.getRow(3);
    const cell = (header: string) => contactRow.getCell(headers.indexOf(header) + 1).value;
    expect(cell('الحالة')).toBe('تواصل');
    expect(cell('قناة التواصل')).toBe('الاتصالات الهاتفية');
    expect(cell('سبب الزيارة')).toBeNull();
    expect(cell('ملاحظة النتيجة')).toBe('موعد صرف السلة');
    const totals: Record<string, ExcelJS.CellValue> = {};
    book.getWorksheet('الإجماليات')!.eachRow((row) => (totals[String(row.getCell(1).value)] = row.getCell(2).value));
    expect(totals['عدد الزيارات']).toBe(2);
    expect(totals['التواصل عبر القنوات الأخرى']).toBe(2);
    expect(totals['الخطابات']).toBe(1);

    const csv = await sup.ok('registers.export', { format: 'csv', from: DAY, to: DAY });
    const lines = Buffer.from((csv as RegisterFileView).dataBase64, 'base64').toString('utf8').trim().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[4]).toContain('طلب زيارة ميدانية');
    expect(lines[4]).toContain('الخطابات');
    expect(lines[4]!.startsWith(',')).toBe(true); // no ticket
  });
});
