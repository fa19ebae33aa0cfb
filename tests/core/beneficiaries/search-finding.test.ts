import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BeneficiaryHit, BeneficiaryView, RequestView } from '@shared/contract';
import { ar, fill } from '@shared/labels/ar';
import { beneficiaryInput } from '../../helpers/fixtures';
import { loadCatalogue, profileInput, requestIn, unlockAfterClockJump } from '../../helpers/requests';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * Finding the person (P2, docs/architecture.md#search), on a real store through the dispatcher: lineage words
 * and the article, invisible characters, file and request numbers in any digits, and the order of
 * the results (whole words before prefixes, the latest visitor first).
 */
let t: TestCore;
let desk: SignedIn;
let supervisor: SignedIn;
let serial = 700;

beforeAll(async () => {
  t = await openTestCore({ now: '2025-03-10T06:00:00Z' });
  desk = await signedInAs(t, 'receptionist');
  supervisor = await signedInAs(t, 'supervisor', { deskId: 2 });
});
afterAll(() => t.cleanup());

const register = (name: [string, string, string, string], overrides: Parameters<typeof beneficiaryInput>[2] = {}) =>
  desk.ok('beneficiaries.register', beneficiaryInput(serial++, name, overrides));
const search = (text: string, limit = 20) => desk.ok('beneficiaries.search', { text, limit });
const ids = (hits: { id: number }[]) => hits.map((h) => h.id);
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const toArabicDigits = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));

describe('P2: «بن» / «بنت» / «ابن» are ignored in what is typed and in what is stored', () => {
  let plain: BeneficiaryView;
  let withParticles: BeneficiaryView;
  let daughter: BeneficiaryView;

  beforeAll(async () => {
    plain = await register(['حمدان', 'عبدالله', 'سعد', 'الشهراني']);
    withParticles = await register(['مشاري', 'بن عبدالله', 'بن ناصر', 'الشهراني']);
    daughter = await register(['هيفاء', 'سعد', 'حمدان', 'الشهراني']);
  });

  it('"حمدان بن عبدالله" finds «حمدان عبدالله سعد الشهراني» (the particle only in the query)', async () => {
    expect(ids(await search('حمدان بن عبدالله'))).toEqual([plain.id]);
    expect(ids(await search('حمدان ابن عبدالله الشهراني'))).toEqual([plain.id]);
  });

  it('"مشاري عبدالله ناصر" finds «مشاري بن عبدالله بن ناصر الشهراني» (the particles only in the stored name)', async () => {
    expect(ids(await search('مشاري عبدالله ناصر'))).toEqual([withParticles.id]);
    expect(ids(await search('مشاري بن عبدالله'))).toEqual([withParticles.id]);
  });

  it('"هيفاء بنت سعد" finds the daughter; "ابن" or "بن" typed before a family name still finds it', async () => {
    expect(ids(await search('هيفاء بنت سعد'))).toEqual([daughter.id]);
    expect(sorted(ids(await search('بن الشهراني')))).toEqual(sorted([plain.id, withParticles.id, daughter.id]));
  });

  it('a name stored with particles and the same name without them are one name for the duplicate check', async () => {
    const birthDate = '1990-01-01';
    const first = await register(['بدر', 'عبدالله', 'سعد', 'الشهراني'], { birthDate });
    const env = await desk.call('beneficiaries.register', beneficiaryInput(serial++, ['بدر', 'بن عبدالله', 'بن سعد', 'الشهراني'], { birthDate }));
    expect(!env.ok && env.error).toMatchObject({ code: 'duplicate', duplicates: [{ beneficiaryId: first.id, reason: 'name_birth' }] });
  });
});

describe('P2: a family name with or without its article «ال», both ways', () => {
  let withArticle: BeneficiaryView;
  let withoutArticle: BeneficiaryView;

  beforeAll(async () => {
    withArticle = await register(['راكان', 'فهد', 'سعود', 'القحطاني']);
    withoutArticle = await register(['راكان', 'ماجد', 'سلطان', 'قحطاني']);
  });

  it('«قحطاني» finds «القحطاني», and «القحطاني» finds «قحطاني»', async () => {
    const both = sorted([withArticle.id, withoutArticle.id]);
    expect(sorted(ids(await search('راكان قحطاني')))).toEqual(both);
    expect(sorted(ids(await search('راكان القحطاني')))).toEqual(both);
    expect(ids(await search('فهد قحطاني'))).toEqual([withArticle.id]);
    expect(ids(await search('ماجد القحطاني'))).toEqual([withoutArticle.id]);
  });

  it('prefixes still work, typed with the article or without, down to one letter after it', async () => {
    const both = sorted([withArticle.id, withoutArticle.id]);
    expect(sorted(ids(await search('راكان القحط')))).toEqual(both);
    expect(sorted(ids(await search('راكان قحط')))).toEqual(both);
    expect(sorted(ids(await search('راكان الق')))).toEqual(both);
    expect(sorted(ids(await search('راكان ال')))).toEqual(both);
    // A fragment still starts a word: the middle of «قحطاني» is no match.
    expect(await search('راكان حطاني')).toEqual([]);
  });

  it('«عبدالله» and «الله» are not cut', async () => {
    const b = await register(['ضيف', 'الله', 'عبدالله', 'العتيبي']);
    expect(ids(await search('ضيف الله العتيبي'))).toEqual([b.id]);
    expect(ids(await search('ضيف عبدالله عتيبي'))).toEqual([b.id]);
  });
});

describe('P2: invisible characters are stripped on input and in the search column', () => {
  const BIRTH = '1982-06-15';
  // Three copies that look exactly like «خالد منصور فهد البقمي»: a zero-width space in the first name,
  // an RLM and an isolate around the family name, a zero-width non-joiner and a BOM in the father's name.
  const copies: [string, string, string, string][] = [
    ['خا\u200Bلد', 'منصور', 'فهد', 'البقمي'],
    ['خالد', 'منصور', 'فهد', '\u2067البقمي\u2069\u200F'],
    ['خالد', 'من\u200Cصور\uFEFF', 'فهد', 'البقمي'],
  ];
  let original: BeneficiaryView;
  const saved: BeneficiaryView[] = [];

  beforeAll(async () => {
    original = await register(['خالد', 'منصور', 'فهد', 'البقمي'], { birthDate: BIRTH });
  });

  it.each(copies.map((c, i) => [i + 1, c] as const))('copy %i: the duplicate check warns, naming the existing file', async (_n, name) => {
    const env = await desk.call('beneficiaries.register', beneficiaryInput(serial++, name, { birthDate: BIRTH }));
    expect(!env.ok && env.error).toMatchObject({ code: 'duplicate', duplicates: [{ beneficiaryId: original.id, fullName: original.fullName, reason: 'name_birth' }] });
    expect(!env.ok && env.error.message).toContain(fill(ar.messages.duplicateNameBirth, { name: original.fullName }));
  });

  it('confirmed anyway, each copy is stored without its invisible characters', async () => {
    for (const name of copies) saved.push(await register(name, { birthDate: BIRTH, confirmDuplicates: true }));
    for (const b of saved) {
      expect(b).toMatchObject({ fullName: original.fullName, firstName: 'خالد', fatherName: 'منصور', familyName: 'البقمي' });
      const names = (id: number) => t.db.selectFrom('beneficiaries').select(['full_name', 'family_name', 'name_norm']).where('id', '=', id).executeTakeFirstOrThrow();
      expect(await names(b.id)).toEqual(await names(original.id));
    }
  });

  it('the search finds all four, typed plainly or with a hidden character of its own', async () => {
    const all = sorted([original.id, ...saved.map((b) => b.id)]);
    expect(sorted(ids(await search('خالد البقمي')))).toEqual(all);
    expect(sorted(ids(await search('خالد\u200B منصور البق\u200Dمي')))).toEqual(all);
  });

  it('free text is cleaned too: a walk-in visitor\'s name and a file\'s notes and address', async () => {
    const visit = await desk.ok('visits.checkIn', { visitorName: 'سالم\u200F \u202Bالحربي\u202C', visitorMobile: '0551234567', reason: 'inquiry' });
    expect(visit.name).toBe('سالم الحربي');
    expect(await t.db.selectFrom('visits').select('visitor_name').where('id', '=', visit.id).executeTakeFirst()).toEqual({ visitor_name: 'سالم الحربي' });
    const p = await desk.ok('beneficiaries.profile', { beneficiaryId: original.id });
    const updated = await desk.ok('beneficiaries.update', {
      beneficiaryId: original.id,
      version: p.version,
      confirmDuplicates: true, // the three confirmed copies above look like this file
      profile: profileInput(p, { notes: '\u200Bيراجع\u00AD شهرياً', address: '\u2066حي النسيم\u2069' }),
    });
    expect(updated).toMatchObject({ notes: 'يراجع شهرياً', address: 'حي النسيم' });
  });

  it('a name of invisible characters only is an empty name, refused with its message', async () => {
    const env = await desk.call('beneficiaries.register', beneficiaryInput(serial++, ['\u200B\u200C\u200D', 'منصور', 'فهد', 'البقمي']));
    expect(!env.ok && env.error.code).toBe('validation');
    expect(!env.ok && env.error.issues?.find((i) => i.path.join('.') === 'firstName')?.message).toBe(ar.messages.namePartRequired);
  });
});

describe('P2: file numbers and request numbers, in any digits, from the search box and requests.list', () => {
  let person: BeneficiaryView;
  let other: BeneficiaryView;
  let registered: RequestView;
  let later: RequestView;

  beforeAll(async () => {
    const cat = await loadCatalogue(desk);
    person = await register(['عبدالمجيد', 'صالح', 'محمد', 'المطيري']);
    other = await register(['وليد', 'صالح', 'محمد', 'العنزي']);
    registered = await requestIn('registered', { desk, committee: supervisor }, { beneficiaryId: person.id, serviceTypeId: cat.services.food_basket!.id });
    later = await requestIn('draft', { desk, committee: supervisor }, { beneficiaryId: person.id, serviceTypeId: cat.services.food_basket!.id });
    await requestIn('draft', { desk, committee: supervisor }, { beneficiaryId: other.id, serviceTypeId: cat.services.food_basket!.id });
    person = await desk.ok('beneficiaries.get', { beneficiaryId: person.id });
  });

  it.each(['F-1001', 'f-1001', 'F1001', 'ف-1001', 'ف-١٠٠١', 'ف ١٠٠١'])('the file number typed %s finds its holder', async (text) => {
    expect(person.fileNumber).toBe('F-1001');
    const hits = await search(text);
    expect(hits.map((h) => [h.id, h.match])).toEqual([[person.id, 'file']]);
  });

  it('a file number no one has finds no one (and its «ف» is not taken for a name)', async () => {
    expect(await search('ف-٩٩٩٩')).toEqual([]);
  });

  it('a request number in Arabic-Indic digits, or without its leading zeros, gives the applicant with the request', async () => {
    const [year, seq] = registered.number.split('-') as [string, string];
    for (const text of [registered.number, toArabicDigits(registered.number), `${year}-${Number(seq)}`, toArabicDigits(`${year}-${Number(seq)}`)]) {
      const hits: BeneficiaryHit[] = await search(text);
      expect(hits, text).toEqual([expect.objectContaining({ id: person.id, match: 'request', request: { id: registered.id, number: registered.number } })]);
    }
    expect(await search(`${year}-99999`)).toEqual([]);
  });

  it('requests.list: the number in any digits is that one request; the file number lists the holder\'s requests', async () => {
    expect(ids(await desk.ok('requests.list', { number: toArabicDigits(registered.number) }))).toEqual([registered.id]);
    expect(ids(await desk.ok('requests.list', { text: toArabicDigits(registered.number) }))).toEqual([registered.id]);
    expect(ids(await desk.ok('requests.list', { text: 'ف-١٠٠١' }))).toEqual([later.id, registered.id]);
    expect(await desk.ok('requests.list', { text: 'F-9999' })).toEqual([]);
  });

  it('requests.list: a name lists the requests of the people the search box finds', async () => {
    const byName = await desk.ok('requests.list', { text: 'عبدالمجيد مطيري' });
    expect(ids(byName)).toEqual([later.id, registered.id]);
    expect(new Set(byName.map((r) => r.beneficiaryId))).toEqual(new Set([person.id]));
    expect(sorted((await desk.ok('requests.list', { text: 'صالح محمد' })).map((r) => r.beneficiaryId)).filter((v, i, a) => a.indexOf(v) === i)).toEqual(
      sorted([person.id, other.id]),
    );
  });
});

describe('P2, P8: an acknowledgement number from the search box, in any digits, with or without its letter', () => {
  let complainant: BeneficiaryView;
  let complaint: { id: number; number: string };

  beforeAll(async () => {
    // Her name starts with «ش»: the number's letter must not be taken for a name and list her besides.
    await register(['شريفة', 'سالم', 'حمد', 'الدوسري']);
    complainant = await register(['نوال', 'سالم', 'حمد', 'القحطاني']);
    const c = await desk.ok('complaints.create', { channel: 'phone', text: 'تأخر الرد على طلبي', beneficiaryId: complainant.id });
    complaint = { id: c.id, number: c.number };
  });

  it('the number typed with its letter, in Latin or Arabic-Indic digits, without its zeros, gives the complainant with the complaint', async () => {
    const [, year, seq] = complaint.number.split('-') as [string, string, string];
    for (const text of [complaint.number, toArabicDigits(complaint.number), `ش ${toArabicDigits(`${year}-${Number(seq)}`)}`, `ش${year}-${Number(seq)}`]) {
      const hits: BeneficiaryHit[] = await search(text);
      expect(hits, text).toEqual([expect.objectContaining({ id: complainant.id, match: 'complaint', complaint })]);
    }
  });

  it('without its letter it reads as a request number too: the complainant is among the hits, with the complaint', async () => {
    const [, year, seq] = complaint.number.split('-') as [string, string, string];
    for (const text of [`${year}-${seq}`, toArabicDigits(`${year}-${Number(seq)}`)]) {
      const hits: BeneficiaryHit[] = await search(text);
      expect(hits.find((h) => h.match === 'complaint'), text).toEqual(expect.objectContaining({ id: complainant.id, complaint }));
      expect(hits.every((h) => h.match === 'complaint' || h.match === 'request'), text).toBe(true);
    }
  });

  it('a number no complaint has finds no one; complaints.list finds the complaint by the number without its letter', async () => {
    expect(await search('ش-1446-99999')).toEqual([]);
    const [, year, seq] = complaint.number.split('-') as [string, string, string];
    const page = await supervisor.ok('complaints.list', { number: toArabicDigits(`${year}-${Number(seq)}`) });
    expect(page.rows.map((r) => r.id)).toEqual([complaint.id]);
  });
});

describe('P2: ranking — every typed word whole first, then prefixes; the latest visitor first in each', () => {
  const people: Record<string, BeneficiaryView> = {};

  beforeAll(async () => {
    // Registered in this order, so file-creation order would put "oldFile" first.
    people.oldFile = await register(['سلمان', 'راشد', 'مطلق', 'الرويلي']);
    people.visitedLongAgo = await register(['سلمان', 'عايد', 'مطلق', 'الرويلي']);
    people.visitedToday = await register(['سلمان', 'حمود', 'مطلق', 'الرويلي']);
    people.prefixOnly = await register(['سلمانه', 'راشد', 'مطلق', 'الرويلي']);
    people.newFile = await register(['سلمان', 'فواز', 'مطلق', 'الرويلي']);
    people.prefixOlderVisit = await register(['سلماني', 'فواز', 'مطلق', 'الرويلي']);

    const visit = (b: BeneficiaryView) => desk.ok('visits.checkIn', { beneficiaryId: b.id, reason: 'follow_up' });
    await visit(people.visitedLongAgo);
    await visit(people.prefixOlderVisit);
    t.clock.advance({ days: 40 });
    await unlockAfterClockJump(desk, supervisor);
    await visit(people.prefixOnly);
    t.clock.advance({ days: 1 });
    await unlockAfterClockJump(desk, supervisor);
    await visit(people.visitedToday);
    t.clock.advance({ minutes: 5 });
    // The newest visit of all is a prefix match: it still comes after every whole-word match.
    await supervisor.ok('visits.checkIn', { beneficiaryId: people.prefixOnly.id, reason: 'inquiry' });
  });

  const order = (keys: string[]) => keys.map((k) => people[k]!.id);

  it('"سلمان": whole-word matches by last visit (never visited: newest file first), then prefix matches by last visit', async () => {
    expect(ids(await search('سلمان مطلق'))).toEqual(
      order(['visitedToday', 'visitedLongAgo', 'newFile', 'oldFile', 'prefixOnly', 'prefixOlderVisit']),
    );
  });

  it('two words: a person whose second word only starts with what was typed is in the prefix tier', async () => {
    expect(ids(await search('سلمان فواز'))).toEqual(order(['newFile', 'prefixOlderVisit']));
    // Both only start «فواز» here: the one who visited comes first.
    expect(ids(await search('سلمان فو'))).toEqual(order(['prefixOlderVisit', 'newFile']));
    expect(ids(await search('سلمان راشد'))).toEqual(order(['oldFile', 'prefixOnly']));
  });

  it('the limit keeps the best: the first of the order above', async () => {
    expect(ids(await search('سلمان الرويلي', 2))).toEqual(order(['visitedToday', 'visitedLongAgo']));
  });

  it('a visit makes a person the first of their namesakes', async () => {
    await desk.ok('visits.checkIn', { beneficiaryId: people.oldFile!.id, reason: 'inquiry' });
    expect(ids(await search('سلمان مطلق')).slice(0, 2)).toEqual(order(['oldFile', 'visitedToday']));
  });

  it('no internal errors were logged', () => {
    expect(t.internalErrors).toEqual([]);
  });
});
