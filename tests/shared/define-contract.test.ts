import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from '@shared/contract';
import { defineContract, mutation, query } from '@shared/contract/define';

/** The contract is the one list of operations: it refuses, as it is built, what would silently go wrong later. */
describe('defineContract', () => {
  const read = { 'things.list': query<unknown>()({ input: z.object({}), access: 'signed-in' }) };

  it('refuses an operation declared twice and a name not of the form area.verb', () => {
    expect(() => defineContract(read, read)).toThrow('operation declared twice: things.list');
    expect(() => defineContract({ list: read['things.list'] })).toThrow('area.verb');
  });

  it('refuses an invalidation target that names no operation and no domain (a typo leaves a screen stale)', () => {
    const save = (invalidates: string[]) => ({ 'things.save': mutation<unknown>()({ input: z.object({}), access: 'signed-in', invalidates }) });
    expect(() => defineContract(read, save(['things.lsit']))).toThrow('things.save invalidates things.lsit');
    expect(() => defineContract(read, save(['others.']))).toThrow('things.save invalidates others.');
    expect(() => defineContract(read, save(['things.list', 'things.']))).not.toThrow();
  });

  it('the real contract passes its own checks: every invalidation target is an operation or a domain', () => {
    const names = new Set(Object.keys(contract));
    const domains = new Set([...names].map((n) => `${n.split('.')[0]}.`));
    const targets = Object.values(contract).flatMap((def) => (def as { invalidates?: readonly string[] }).invalidates ?? []);
    expect(targets.length).toBeGreaterThan(20);
    expect(targets.filter((t) => !names.has(t) && !domains.has(t))).toEqual([]);
  });
});
