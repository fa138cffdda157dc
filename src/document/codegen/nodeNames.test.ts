import { describe, expect, it } from 'vitest';
import { DocBuilder } from '../presets/DocBuilder';
import { toPython } from './python';
import { unnamedOpNames } from './nodeNames';

describe('unnamedOpNames', () => {
  it('names each unlabelled op as the exported code does, and leaves labelled ones alone', () => {
    const g = new DocBuilder();
    const a = g.value(2, 'a');
    const b = g.value(-3, 'b');
    const prod = g.op('mul', [a, b]);
    const sum = g.op('add', [prod, a]);
    const out = g.op('tanh', [sum], 'o');
    const doc = g.output(out).build();
    const names = unnamedOpNames(doc);
    expect([...names.keys()].sort()).toEqual([prod, sum].sort());
    const code = toPython(doc);
    for (const name of names.values()) expect(code).toMatch(new RegExp(`^${name} = `, 'm'));
    expect(names.get(prod)).not.toBe(names.get(sum));
    expect(unnamedOpNames(doc)).toBe(names);
  });
});
