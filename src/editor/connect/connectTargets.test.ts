import { describe, expect, it } from 'vitest';
import { docOf, lecture, op, val, wire } from '../../document/testDocs';
import { connectTargets, matchesQuery } from './connectTargets';

describe('the inputs an output can feed', () => {
  it('lists free and occupied ports, never one that would make a cycle', () => {
    const names = connectTargets(lecture(), 'e').map((t) => t.name);
    // e already feeds d · a; it may replace c in d · b or feed L; never e's own inputs (a cycle).
    expect(names).toEqual(['d · b', 'L · a', 'L · b']);
    const dB = connectTargets(lecture(), 'e').find((t) => t.name === 'd · b')!;
    expect(dB.detail).toBe('add, now from c');
    expect(dB.connection).toEqual({ source: 'e', target: 'd', port: 'b' });
  });

  it('says which ports are free', () => {
    const doc = docOf([val('a', 2), op('e', 'mul')], [wire('a', 'e', 'a')]);
    const [only] = connectTargets(doc, 'a');
    expect(only).toMatchObject({ name: 'e · b', detail: 'multiply, free' });
  });

  it('finds targets by the start of words typed', () => {
    const targets = connectTargets(lecture(), 'f');
    const found = (q: string) => targets.filter((t) => matchesQuery(t, q)).map((t) => t.name);
    expect(found('d b')).toEqual(['d · b']);
    // f already feeds L · b: that one is not offered again.
    expect(found('l')).toEqual(['L · a']);
    expect(found('mul')).toContain('e · a');
    expect(found('zz')).toEqual([]);
  });
});
