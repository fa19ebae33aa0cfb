/**
 * Every printed document read back through pdf.js (docs/machine-notes.md "Arabic in PDFs"): after NFKC and
 * without whitespace or bidi controls, the text layer must hold names, IDs, dates and key phrases
 * in logical order, and never "undefined", "null" or "NaN". Legibility itself is checked by eye on
 * rendered pages (pdftoppm), not here.
 */
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '@shared/domain/channels';
import { VISIT_REASONS, VISIT_STATES } from '@shared/domain/visit';
import { ar } from '@shared/labels/ar';
import { printingAr } from '@shared/labels/printing-ar';
import { renderDailyRegister } from '../../../electron/core/printing/daily-register';
import { renderDeclaration } from '../../../electron/core/printing/declaration';
import { MM, printedNote } from '../../../electron/core/printing/pdf-page';
import { DEFAULT_TIME_ZONE } from '@shared/dates/calendar';
import { renderReceipt } from '../../../electron/core/printing/receipt';
import { blankRequestForm, renderRequestForm } from '../../../electron/core/printing/request-form';
import { renderTicket } from '../../../electron/core/printing/ticket';
import * as sample from './fixtures';
import { bareWord, bracketsAsOne, filledRects, normaliseText as n, pageImages, pdfText, type PdfText } from './pdf-text';

function expectNoEmptyValueWords(t: PdfText) {
  for (const page of t.raw) expect(page).not.toMatch(/undefined|null|NaN|\[object/i);
}

/** Each phrase, normalised, in the text layer (a failure prints what was read). */
function expectPhrases(text: string, phrases: string[]) {
  for (const p of phrases) expect(text, `missing «${p}»`).toContain(n(p));
}

describe('queue ticket (80 mm)', () => {
  it('holds the association, the ticket number, reason, time and both dates on an 80 mm page', async () => {
    const t = await pdfText(await renderTicket(sample.ticket));
    expect(t.pages).toHaveLength(1);
    expect(t.sizes[0]![0]).toBeCloseTo(80 * MM, 1);
    expectPhrases(t.text, [sample.header.name, 'تذكرة انتظار', 'A-017', 'سبب الزيارة: طلب دعم جديد', '09:05 ص', '16 رمضان 1447 هـ', '5 مارس 2026م', 'عدد المنتظرين قبلك: 4']);
    expectNoEmptyValueWords(t);
  });

  it('S1: tells the visitor to go to the desk their number is called to, not to watch for a number on a screen', async () => {
    const t = await pdfText(await renderTicket(sample.ticket));
    expectPhrases(t.text, ['يُرجى الانتظار حتى يُنادى رقمك، ثم التوجّه إلى المكتب الذي يُنادى إليه.']);
    expect(t.text).not.toContain(n('حتى يظهر رقمك'));
  });

  it('prints without the optional parts (no desk, no queue count) and still says nothing empty', async () => {
    const t = await pdfText(await renderTicket({ ...sample.ticket, branch: null, deskName: undefined, waitingAhead: null }));
    expect(t.text).not.toContain(n('عدد المنتظرين'));
    expectNoEmptyValueWords(t);
  });
});

describe('declaration (S4)', () => {
  it('holds the applicant, ID, request, both dates, the whole text, its version and the witness', async () => {
    const t = await pdfText(await renderDeclaration(sample.declaration));
    expect(t.pages).toHaveLength(1);
    expectPhrases(t.text, [
      'إقرار بصحة البيانات والمسؤولية عنها',
      'اسم المُقِر: محمد بن عبدالله بن سعد القحطاني',
      'رقم هوية وطنية: 1012345672',
      'رقم الطلب: 1447-00042',
      '16 رمضان 1447 هـ — 5 مارس 2026م',
      sample.DECLARATION_TEXT,
      'نص الإقرار: الإصدار 3 — نُشر في 23 رجب 1447 هـ',
      'نورة بنت خالد العتيبي',
      'صفحة 1 من 1',
    ]);
    expectNoEmptyValueWords(t);
  });

  it('keeps a name mixing Latin letters and a digit in logical order, and leaves the missing witness as a line', async () => {
    const t = await pdfText(await renderDeclaration(sample.declarationMixedName));
    expectPhrases(t.text, [sample.MIXED_NAME, 'رقم جواز سفر: K1234567']);
    expect(t.text).not.toContain(n('نورة بنت خالد العتيبي'));
    expectNoEmptyValueWords(t);
  });

  it('wraps a very long four-part name and a 5,000-character text onto a second page in order', async () => {
    const long = `${sample.DECLARATION_TEXT} `.repeat(14).trim();
    const input = { ...sample.declarationLongName, declaration: { ...sample.declaration.declaration, text: long } };
    const t = await pdfText(await renderDeclaration(input));
    expect(t.pages.length).toBeGreaterThan(1);
    // The text continues across the page break; read it without the footers and the running header between.
    const note = bracketsAsOne(n(printedNote(input.printedAt, DEFAULT_TIME_ZONE, input.printedBy)));
    const running = n(`إقرار — ${input.applicant.fullName}`);
    const body = t.pages
      .map((p, i) => bracketsAsOne(p).replace(n(`صفحة ${i + 1} من ${t.pages.length}`), '').replace(note, '').replace(running, ''))
      .join('');
    expectPhrases(body, [sample.LONG_NAME, 'رقم إقامة: 2345678904', long]);
    expect(t.pages.at(-1)).toContain(n(`صفحة ${t.pages.length} من ${t.pages.length}`));
    expectNoEmptyValueWords(t);
  });
});

describe('request receipt (S5)', () => {
  it('holds the request number, masked ID, submission and expected answer dates in both calendars, next steps and how to ask', async () => {
    const t = await pdfText(await renderReceipt(sample.receipt));
    expectPhrases(t.text, [
      'إيصال استلام طلب',
      'رقم الطلب 1447-00042',
      'مقدم الطلب: محمد بن عبدالله بن سعد القحطاني',
      'رقم الهوية: ******5672',
      'تاريخ تقديم الطلب: 16 رمضان 1447 هـ — 5 مارس 2026م',
      'الموعد المتوقع للرد: 30 رمضان 1447 هـ — 19 مارس 2026م',
      'ماذا بعد؟',
      'رُفع طلبك إلى لجنة البحث في الجمعية، وتدرسه وتقرر قبوله أو رفضه.',
      'كيف تستفسر عن طلبك؟',
      'بالاتصال على 011 545 1234',
      'عبر موقع الجمعية www.birr-alkharj.org.sa',
      'استلمه الموظف: نورة بنت خالد العتيبي',
    ]);
    expect(bracketsAsOne(t.text)).toContain(bracketsAsOne(n('مدة الدراسة لا تقل عن أسبوعين (14 يوماً)')));
    expect(t.text).not.toContain('1012345672');
    expectNoEmptyValueWords(t);
  });

  it('draws a QR code that encodes exactly the request number, in black squares on white', async () => {
    const rects = await filledRects(await renderReceipt(sample.receipt), 1);
    const qr = QRCode.create(sample.receipt.request.number, { errorCorrectionLevel: 'M' });
    const size = qr.modules.size;
    // The white square behind the code (one module of quiet zone each side), then its dark modules.
    const ground = rects.find((r) => r.color === '#ffffff' && Math.abs(r.width - r.height) < 0.01 && r.width > 50)!;
    expect(ground).toBeDefined();
    const step = ground.width / (size + 2);
    const dark = rects.filter((r) => r.color === '#000000' && r.x >= ground.x && r.x + r.width <= ground.x + ground.width + 0.01);
    expect(dark.length).toBeGreaterThan(0);
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size; col++) {
        // Module centres; PDF space counts rows from the bottom.
        const px = ground.x + (col + 1.5) * step;
        const py = ground.y + ground.height - (row + 1.5) * step;
        const isDark = dark.some((r) => px > r.x && px < r.x + r.width && py > r.y && py < r.y + r.height);
        expect(isDark, `module ${row},${col}`).toBe(qr.modules.get(row, col) === 1);
      }
    }
  });
});

describe('support request form (T4)', () => {
  it('pre-filled: request, applicant, family, income, service and documents with states and expiry dates', async () => {
    const t = await pdfText(await renderRequestForm(sample.requestForm));
    expectPhrases(t.text, [
      'نموذج طلب دعم مستفيد',
      'رقم الطلب: 1447-00042',
      'تاريخ الطلب: 16 رمضان 1447 هـ — 5 مارس 2026م',
      'الاسم الرباعي: محمد بن عبدالله بن سعد القحطاني',
      'Mohammed Abdullah S. AlQahtani',
      'رقم الهوية / الوثيقة: 1012345672',
      'تاريخ انتهاء الهوية: 12 ربيع الأول 1449 هـ — 14 أغسطس 2027م',
      'الجوال: 055 123 4567',
      'هيا بنت ناصر الدوسري',
      '1087654321',
      'الضمان الاجتماعي، حساب المواطن',
      '18,000',
      'مساعدة إيجار',
      '9,000',
      'صورة الهوية الوطنية',
      'عقد الإيجار منتهي الصلاحية 11 رمضان 1447 هـ 28 فبراير 2026م يلزم العقد المجدد من منصة إيجار',
      'خطاب الآيبان البنكي ناقص',
      'الصلاحية محسوبة بتاريخ 16 رمضان 1447 هـ — 5 مارس 2026م.',
      'نورة بنت خالد العتيبي',
    ]);
    expect(t.pages.length).toBeGreaterThanOrEqual(1);
    t.pages.forEach((p, i) => expect(p).toContain(n(`صفحة ${i + 1} من ${t.pages.length}`)));
    expectNoEmptyValueWords(t);
  });

  it('long name, long address, a mixed Latin/digit name and a long rejection reason all read back whole and in order', async () => {
    const t = await pdfText(await renderRequestForm(sample.requestFormRejected));
    expectPhrases(t.text, [sample.LONG_NAME, sample.LONG_ADDRESS, sample.MIXED_NAME, 'القرار: مرفوض', 'رقم الطلب: 1447-00107']);
    expect(bracketsAsOne(t.text)).toContain(bracketsAsOne(n(`سبب الرفض: ${sample.LONG_REJECTION_REASON}`)));
    expectNoEmptyValueWords(t);
  });

  it('the text layer holds a vowelled applicant name and words such as «الهوية» whole, with no space inside a word', async () => {
    const name = 'مُحَمَّد بن عَبْدِالله بن سَعْدٍ القَحْطَانِيّ';
    const t = await pdfText(await renderRequestForm({ ...sample.requestForm, applicant: { ...sample.requestForm.applicant!, fullName: name } }));
    const words = new Set(t.words.flat().map(bareWord));
    for (const w of [...name.split(' '), 'الهوية', 'الرباعي', 'بالإنجليزية', 'الخيرية', 'طريق', 'عبدالعزيز', 'ربيع']) {
      expect(words.has(bareWord(w)), `«${w}» cut: ${t.raw[0]}`).toBe(true);
    }
  });

  it('the signatures never stand alone on a page: the documents checklist and the date line stay with them', async () => {
    const base = sample.requestForm;
    const documentNames = ['صورة الهوية الوطنية', 'سجل الأسرة', 'إثبات الدخل', 'عقد الإيجار', 'خطاب الآيبان البنكي', 'التقرير الطبي', 'صك الإعالة', 'شهادة الوفاة'];
    // Families long enough to push the end of the form over a page break at every point of it;
    // a checklist too long for one page; and the committee's decision before the signatures.
    const cases = [
      ...[0, 8, 14, 15, 16, 17, 18, 24].map((members) => ({ members, documents: 5, decision: false })),
      { members: 6, documents: 40, decision: false },
      { members: 16, documents: 5, decision: true },
    ];
    for (const c of cases) {
      const family = Array.from({ length: c.members }, (_, i) => base.applicant!.family[i % base.applicant!.family.length]!);
      const documents = Array.from({ length: c.documents }, (_, i) => ({
        ...base.documents[i % base.documents.length]!,
        name: `${documentNames[i % documentNames.length]} ${i + 1}`,
      }));
      const input = {
        ...base,
        applicant: { ...base.applicant!, family },
        documents,
        decision: c.decision ? sample.requestFormRejected.decision : null,
      };
      const t = await pdfText(await renderRequestForm(input));
      const what = `${c.members} family members, ${c.documents} documents${c.decision ? ', a decision' : ''}`;
      const signed = t.pages.findIndex((p) => p.includes(n(printingAr.requestForm.signaturesSection)));
      expect(signed, what).toBeGreaterThanOrEqual(0);
      const page = t.pages[signed]!;
      const at = page.indexOf(n(printingAr.requestForm.signaturesSection));
      // What the signatures attest comes before them on their page: the checklist's last row at least.
      expect(page.slice(0, at), `${what}: page ${signed + 1} of ${t.pages.length}`).toContain(n(documents.at(-1)!.name));
      if (c.decision) expect(page.slice(0, at), what).toContain(n(printingAr.requestForm.decisionSection));
      // And the whole closing part is on that page: both signature spaces, the applicant's name, the date line.
      expect(page.slice(at), what).toContain(n(printingAr.requestForm.applicantSignature));
      expect(page.slice(at), what).toContain(n(base.applicant!.fullName));
      expect(bracketsAsOne(page.slice(at)), what).toContain(bracketsAsOne(n(`${printingAr.common.date} (${ar.dates.hijri}):`)));
      expect(page.slice(at), what).toContain(n(`${ar.dates.gregorian}:`));
    }
  });

  it('blank: every section and the document names to tick, no data and nothing like "undefined"', async () => {
    const t = await pdfText(await renderRequestForm(blankRequestForm(sample.header, sample.DOCUMENT_NAMES, sample.requestForm.printedAt)));
    const L = printingAr.requestForm;
    expect(bracketsAsOne(t.text)).toContain(bracketsAsOne(n(L.blankTitle)));
    expectPhrases(t.text, [L.applicantSection, L.familySection, L.incomeSection, L.serviceSection, L.documentsSection, ...sample.DOCUMENT_NAMES]);
    expect(t.text).not.toContain(n('القحطاني'));
    expect(t.text).not.toContain('1012345672');
    expectNoEmptyValueWords(t);
  });
});

describe('daily register', () => {
  const header = n(Object.values(printingAr.register.columns).join(''));
  const ticketOnPage = /[AB]-\d{3}/;

  it('300 visits: several pages, the table header on every page with rows, every visit once and in order, "صفحة i من n"', async () => {
    const t = await pdfText(await renderDailyRegister(sample.register));
    expect(t.pages.length).toBeGreaterThan(1);
    t.pages.forEach((page, i) => {
      expect(page).toContain(n(`صفحة ${i + 1} من ${t.pages.length}`));
      if (ticketOnPage.test(page)) expect(page, `page ${i + 1} has rows but no header`).toContain(header);
    });
    const tickets = [...t.text.matchAll(/[AB]-\d{3}/g)].map((m) => m[0]);
    expect(tickets).toEqual(sample.register.visits.map((v) => v.ticket));
    expectPhrases(t.text, [sample.LONG_NAME, sample.MIXED_NAME, 'عبدالله بن سعد المطيري', 'الخميس 16 رمضان 1447 هـ — 5 مارس 2026م']);
    expectNoEmptyValueWords(t);
  });

  it('300 visits: totals by state, reason and channel match the visits', async () => {
    const visits = sample.register.visits;
    const t = await pdfText(await renderDailyRegister(sample.register));
    const totals = t.text.slice(t.text.indexOf(n(printingAr.register.totalsTitle)));
    expect(totals).toContain(n(`إجمالي الزيارات: ${visits.length}`));
    const count = (label: string) => {
      const m = new RegExp(`${n(label).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(\\d+)`).exec(totals);
      return m ? Number(m[1]) : null;
    };
    for (const s of VISIT_STATES) expect(count(ar.visitStates[s]), s).toBe(visits.filter((v) => v.state === s).length);
    for (const r of VISIT_REASONS) expect(count(ar.reasons[r]), r).toBe(visits.filter((v) => v.reason === r).length);
    for (const c of CHANNELS) expect(count(ar.channels[c]), c).toBe(visits.filter((v) => v.channel === c).length);
  });

  it('masks IDs but for the last 4 digits, unless the supervisor asks for them in full', async () => {
    const masked = await pdfText(await renderDailyRegister(sample.register));
    const withId = sample.register.visits.find((v) => v.idNumber)!;
    expect(masked.text).toContain(`******${withId.idNumber!.slice(-4)}`);
    for (const v of sample.register.visits) if (v.idNumber) expect(masked.text).not.toContain(v.idNumber);
    const full = await pdfText(await renderDailyRegister(sample.registerOneDesk));
    for (const v of sample.registerOneDesk.visits) if (v.idNumber) expect(full.text).toContain(v.idNumber);
    expectPhrases(full.text, ['المكتب: مكتب الاستقبال 1', printingAr.register.idsShown]);
  });

  it('a day without visits prints one valid page that says so', async () => {
    const t = await pdfText(await renderDailyRegister(sample.registerEmpty));
    expect(t.pages).toHaveLength(1);
    expectPhrases(t.text, [printingAr.register.empty, 'إجمالي الزيارات: 0', 'صفحة 1 من 1', 'الجمعة 17 رمضان 1447 هـ — 6 مارس 2026م', printingAr.register.supervisor]);
    expect(t.text).not.toContain(header);
    expectNoEmptyValueWords(t);
  });
});

describe('letterhead', () => {
  it('prints the logo when there is one, and leaves out a logo that is not an image instead of failing', async () => {
    const withLogo = await renderRequestForm(sample.requestForm);
    expect(await pageImages(withLogo, 1)).toHaveLength(1);
    const broken = await renderDeclaration({ ...sample.declaration, header: { ...sample.header, logo: Buffer.from('not an image') } });
    const t = await pdfText(broken);
    expectPhrases(t.text, [sample.header.name, 'محمد بن عبدالله بن سعد القحطاني']);
    expect(await pageImages(broken, 1)).toHaveLength(0);
  });
});
