import { describe, expect, it } from 'vitest';
import { isCanonicalBase64 } from '@shared/contract/uploads';

/**
 * Strict base64 (docs/architecture.md#security): the contract takes a file's text only when it is the one encoding of its
 * bytes — the test a re-encoding makes (Node's decoder is lenient: it skips what it does not know and
 * guesses at missing padding). Checked against that definition on many texts, valid and not.
 */
const reencodes = (text: string) => Buffer.from(text, 'base64').toString('base64') === text;

/** A small deterministic generator (mulberry32): the same texts on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

describe('isCanonicalBase64', () => {
  it.each([
    ['JVBERi0xLjQ=', true],
    ['JVBERi0x', true],
    ['JVBERi0', false],
    ['JVBERi0xLjR=', false],
    ['JVBE=i0xLjQ=', false],
    ['JVBE Ri0xLjQ', false],
    ['JVBERi0xLjQ=\n', false],
    ['iVBO_w0K', false],
    ['====', false],
    ['QQ==', true],
    ['QR==', false],
  ])('%j → %s', (text, expected) => {
    expect(isCanonicalBase64(text)).toBe(expected);
    expect(reencodes(text)).toBe(expected);
  });

  it('agrees with re-encoding on 20,000 texts: every encoding of bytes, and each with one character changed, added or removed', () => {
    const next = random(8);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ \n.';
    let canonical = 0;
    for (let i = 0; i < 5_000; i++) {
      const bytes = Buffer.from(Array.from({ length: Math.floor(next() * 40) }, () => Math.floor(next() * 256)));
      const text = bytes.toString('base64');
      expect(isCanonicalBase64(text), text).toBe(true);
      const at = Math.floor(next() * (text.length + 1));
      const char = alphabet[Math.floor(next() * alphabet.length)]!;
      for (const variant of [text.slice(0, at) + char + text.slice(at + 1), text.slice(0, at) + char + text.slice(at), text.slice(0, at) + text.slice(at + 1)]) {
        const strict = isCanonicalBase64(variant);
        expect(strict, JSON.stringify(variant)).toBe(reencodes(variant));
        if (strict) canonical += 1;
      }
    }
    // Both answers occur among the variants, so the comparison can fail either way.
    expect(canonical).toBeGreaterThan(500);
    expect(canonical).toBeLessThan(14_000);
  });
});
