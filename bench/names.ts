/**
 * Names as they are really written into a ten-year-old register, and queries as a receptionist
 * really types them. The name lists themselves come from the core's demo generator.
 */
import { FAMILY, FEMALE_FIRST, MALE_FIRST, pick, type GeneratedPerson } from '../electron/core/demo/arabic-names';

export type Random = () => number;

const FATHA = '\u064E';
const DAMMA = '\u064F';
const KASRA = '\u0650';
const SHADDA = '\u0651';
const SUKUN = '\u0652';
const TATWEEL = '\u0640';
const MARKS_RE = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;

/** The plain spelling a receptionist types: no diacritics, no tatweel, letters as they are. */
export function plain(word: string): string {
  return word.replace(MARKS_RE, '');
}

/** Letters that carry no short vowel of their own in a name (long vowels, hamza seats, ta marbuta). */
const NO_MARK = new Set([...'اأإآوؤيىئءة ']);

/** Fully vowelled spellings of common names, as some clerks typed them. */
const VOWELLED: Record<string, string> = {
  محمد: 'مُحَمَّد',
  أحمد: 'أَحْمَد',
  عبدالله: 'عَبْدُالله',
  'عبد الله': 'عَبْدُ الله',
  'عبد الرحمن': 'عَبْدُ الرَّحْمَن',
  عبدالعزيز: 'عَبْدُالعَزِيز',
  إبراهيم: 'إِبْرَاهِيم',
  فاطمة: 'فَاطِمَة',
  نورة: 'نُورَة',
  عائشة: 'عَائِشَة',
  مريم: 'مَرْيَم',
  صالح: 'صَالِح',
  علي: 'عَلِيّ',
  حسن: 'حَسَن',
  يوسف: 'يُوسُف',
  سعد: 'سَعْد',
  خالد: 'خَالِد',
  القحطاني: 'القَحْطَانِيّ',
  الزهراني: 'الزَّهْرَانِيّ',
  الشهري: 'الشَّهْرِيّ',
  العتيبي: 'العُتَيْبِيّ',
};

/** Harakat the way some clerks wrote them: the full vowelling of a common name, or a few marks on another. */
function withTashkeel(word: string, random: Random): string {
  const known = VOWELLED[plain(word)];
  if (known && random() < 0.8) return known;
  const letters = [...plain(word)];
  const marks = [FATHA, DAMMA, KASRA, SUKUN];
  return letters
    .map((ch, i) => {
      if (NO_MARK.has(ch) || i === letters.length - 1 || (i === 1 && letters[0] === 'ا' && ch === 'ل')) return ch;
      const r = random();
      if (i > 0 && r < 0.1) return ch + SHADDA + FATHA;
      if (r < 0.5) return ch + pick(i === 0 ? [FATHA, DAMMA, KASRA] : marks, random);
      return ch;
    })
    .join('');
}

/** One word of a stored name, sometimes written with one of the common variants. */
export function variantOf(word: string, random: Random): string {
  let w = word;
  // عبد الله ↔ عبدالله, عبد الرحمن ↔ عبدالرحمن
  if (random() < 0.35) {
    if (/^عبد /.test(w)) w = w.replace(/^عبد /, 'عبد');
    else if (/^عبد(?! )/.test(w) && w.length > 4) w = w.replace(/^عبد/, 'عبد ');
  }
  // أحمد → احمد, إبراهيم → ابراهيم, الأحمدي → الاحمدي
  if (random() < 0.25) w = w.replace(/[أإآ]/g, 'ا');
  // final ي written ى (القحطانى, علي → على)
  if (/ي$/.test(w) && random() < 0.15) w = w.replace(/ي$/, 'ى');
  // final ة written ه (فاطمه, نوره)
  if (/ة$/.test(w) && random() < 0.3) w = w.replace(/ة$/, 'ه');
  // diacritics on a few names, a tatweel on fewer
  if (random() < 0.06) w = withTashkeel(w, random);
  else if (random() < 0.01 && w.length > 3) w = w.slice(0, 2) + TATWEEL + w.slice(2);
  return w;
}

/** A four-part person from the core's lists, and the same person as written in the register. */
export function personWithVariants(random: Random): { base: GeneratedPerson; written: GeneratedPerson } {
  const female = random() < 0.4;
  const base: GeneratedPerson = {
    firstName: pick(female ? FEMALE_FIRST : MALE_FIRST, random),
    fatherName: pick(MALE_FIRST, random),
    grandfatherName: pick(MALE_FIRST, random),
    familyName: pick(FAMILY, random),
  };
  const written: GeneratedPerson = {
    firstName: variantOf(base.firstName, random),
    fatherName: variantOf(base.fatherName, random),
    grandfatherName: variantOf(base.grandfatherName, random),
    familyName: variantOf(base.familyName, random),
  };
  return { base, written };
}

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';
const toArabicIndic = (s: string) => s.replace(/\d/g, (d) => ARABIC_INDIC[Number(d)]!);

/** A stored +9665XXXXXXXX as people type it: 05…, 5…, +9665…, 009665…, spaced, or in Arabic-Indic digits. */
export function typedMobile(e164: string, random: Random): string {
  const local = e164.slice(4); // 5XXXXXXXX
  const forms = [
    `0${local}`,
    `0${local}`,
    local,
    e164,
    `00966${local}`,
    `0${local.slice(0, 2)} ${local.slice(2, 5)} ${local.slice(5)}`,
    toArabicIndic(`0${local}`),
  ];
  return pick(forms, random);
}

/** One fragment of a name typed plainly: a whole word, or the first letters of one (search as you type). */
export function oneFragment(p: GeneratedPerson, random: Random): string {
  const word = plain(pick([p.firstName, p.firstName, p.familyName, p.familyName, p.fatherName], random));
  if (random() < 0.3 && word.length >= 5) return word.slice(0, 3 + Math.floor(random() * (word.length - 3)));
  return word;
}

/** Two fragments typed plainly, in either order: first name and family name, or first and father's name. */
export function twoFragments(p: GeneratedPerson, random: Random): string {
  const r = random();
  const [a, b] =
    r < 0.6 ? [p.firstName, p.familyName] : r < 0.8 ? [p.familyName, p.firstName] : [p.firstName, p.fatherName];
  return `${plain(a)} ${plain(b)}`;
}
