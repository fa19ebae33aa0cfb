import { describe, expect, it } from 'vitest';
import { storeChoiceFrom } from '../../../electron/core/core';

/** `--store` / ISTIQBAL_STORE name the store; anything else is refused, never taken for the SQLite file. */
describe('the store a desk opens', () => {
  it('the SQLite file in the data folder when nothing is named (or "sqlite")', () => {
    expect(storeChoiceFrom(undefined)).toEqual({ kind: 'sqlite' });
    expect(storeChoiceFrom('')).toEqual({ kind: 'sqlite' });
    expect(storeChoiceFrom('sqlite')).toEqual({ kind: 'sqlite' });
  });

  it('a PostgreSQL database when a postgres:// (or postgresql://) URL is named', () => {
    expect(storeChoiceFrom('postgres://desk@db.local:5432/istiqbal')).toEqual({ kind: 'postgres', url: 'postgres://desk@db.local:5432/istiqbal' });
    expect(storeChoiceFrom('postgresql://desk@db.local/istiqbal')).toEqual({ kind: 'postgres', url: 'postgresql://desk@db.local/istiqbal' });
  });

  it('anything else is refused, and a password in it is not repeated in the message', () => {
    expect(() => storeChoiceFrom('mysql://desk:s3cret@db.local/istiqbal')).toThrow(/postgres:\/\/user@host/);
    expect(() => storeChoiceFrom('mysql://desk:s3cret@db.local/istiqbal')).not.toThrow(/s3cret/);
    expect(() => storeChoiceFrom('/var/lib/istiqbal')).toThrow(/--store/);
  });
});
