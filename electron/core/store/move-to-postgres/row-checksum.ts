import { createHash, type Hash } from 'node:crypto';

/**
 * A table's checksum, computed the same way on both sides of a move: SHA-256 over its rows in primary
 * key order, each row its values in the source's column order as a JSON array and a line feed. Both
 * stores read values alike — whole numbers and sums as numbers, flags as 1 / 0 (PostgreSQL's pool reads
 * them so: postgres/value-types.ts), text as text, null as null — so equal rows give equal lines.
 */
export class RowChecksum {
  private readonly hash: Hash = createHash('sha256');
  rows = 0;

  add(row: readonly unknown[]): void {
    this.hash.update(JSON.stringify(row.map(canonical)));
    this.hash.update('\n');
    this.rows += 1;
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

function canonical(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (Buffer.isBuffer(value)) return { bytes: value.toString('base64') };
  throw new Error(`a value of an unexpected kind in a row: ${typeof value}`);
}
