/** The forms of a counted noun, as Arabic counts with digits: 1, 2, 3–10, 11–99, and hundreds. */
export interface CountedNoun {
  /** "حرف واحد" */
  one: string;
  /** "حرفين" (after عن / على, where the limits are said) */
  two: string;
  /** 3–10: "أحرف" */
  few: string;
  /** 11–99: "حرفاً" */
  many: string;
  /** 100, 1,000, 2,000…: "حرف" */
  hundreds: string;
}

/**
 * "3 أحرف", "40 حرفاً", "120 حرفاً", "2,000 حرف": a number said with its noun, in the Western digits
 * the desk uses everywhere, grouped by thousands as the amounts are.
 */
export function countOf(n: number, noun: CountedNoun): string {
  if (n === 1) return noun.one;
  if (n === 2) return noun.two;
  const tail = n % 100;
  const form = tail >= 3 && tail <= 10 ? noun.few : tail >= 11 ? noun.many : noun.hundreds;
  return `${formatCount(n)} ${form}`;
}

/** A limit as a receptionist reads it: "10,000,000", "0.5". */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
