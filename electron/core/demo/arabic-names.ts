import { withCheckDigit } from '@shared/validation/national-id';

/**
 * Realistic Saudi names for demo data and the bench store: four-part names from these lists,
 * with the spelling variants people really type (diacritics, ى/ي, ة/ه, أ/ا, عبد الله/عبدالله).
 */
export const MALE_FIRST = [
  'محمد', 'أحمد', 'عبدالله', 'عبد الرحمن', 'خالد', 'فهد', 'سعد', 'سلطان', 'فيصل', 'تركي', 'ناصر', 'سعود',
  'عبدالعزيز', 'إبراهيم', 'يوسف', 'عمر', 'علي', 'حسن', 'ماجد', 'بندر', 'نايف', 'مشعل', 'راشد', 'منصور',
  'صالح', 'حمد', 'عادل', 'وليد', 'ياسر', 'طلال', 'هاني', 'مصطفى', 'مُحمّد', 'عبد الإله', 'زياد', 'مازن',
];
export const FEMALE_FIRST = [
  'فاطمة', 'نورة', 'سارة', 'عائشة', 'مريم', 'هيا', 'ريم', 'لطيفة', 'منيرة', 'حصة', 'أمل', 'هند',
  'الجوهرة', 'نوف', 'شيخة', 'جواهر', 'أسماء', 'خديجة', 'لمى', 'رهف', 'غادة', 'سلمى', 'ليلى', 'بشرى',
];
export const FAMILY = [
  'القحطاني', 'العتيبي', 'الشهري', 'الغامدي', 'الزهراني', 'الدوسري', 'الحربي', 'المطيري', 'العنزي', 'الشمري',
  'السبيعي', 'البقمي', 'الرشيدي', 'الجهني', 'المالكي', 'العمري', 'الأحمدي', 'السهلي', 'اليامي', 'الخالدي',
  'آل سعود', 'الفيفي', 'العسيري', 'الثبيتي', 'الحارثي', 'الشهراني', 'البلوي', 'التميمي', 'السلمي', 'القرني',
  'القحطانى', 'الهاجري', 'النعيمي', 'الصاعدي', 'العصيمي', 'الرويلي', 'السديري', 'الجبرين', 'المحمدي', 'الزهرانى',
];

/** A small deterministic PRNG so generated stores are the same on every run. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(random() * list.length)]!;
}

export interface GeneratedPerson {
  firstName: string;
  fatherName: string;
  grandfatherName: string;
  familyName: string;
}

export function generatePerson(random: () => number): GeneratedPerson {
  const female = random() < 0.4;
  return {
    firstName: pick(female ? FEMALE_FIRST : MALE_FIRST, random),
    fatherName: pick(MALE_FIRST, random),
    grandfatherName: pick(MALE_FIRST, random),
    familyName: pick(FAMILY, random),
  };
}

/** A valid Saudi national ID (1…) or iqama (2…) with its Luhn check digit, from a serial number. */
export function nationalIdFor(serial: number, kind: 1 | 2 = 1): string {
  return withCheckDigit(`${kind}${String(serial).padStart(8, '0')}`);
}

export function mobileFor(serial: number): string {
  return `+9665${String(50_000_000 + (serial % 50_000_000)).padStart(8, '0')}`;
}
