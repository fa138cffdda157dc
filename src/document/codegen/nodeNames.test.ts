import { describe, expect, it } from 'vitest';
import { unlabelledOpsDoc } from '../testDocs';
import { toPython } from './python';
import { unnamedOpNames } from './nodeNames';

describe('unnamedOpNames', () => {
  it('names each unlabelled op as the exported code does, and leaves labelled ones alone', () => {
    const { doc, unlabelled: [prod, sum] } = unlabelledOpsDoc();
    const names = unnamedOpNames(doc);
    expect([...names.keys()].sort()).toEqual([prod, sum].sort());
    const code = toPython(doc);
    for (const name of names.values()) expect(code).toMatch(new RegExp(`^${name} = `, 'm'));
    expect(names.get(prod)).not.toBe(names.get(sum));
    expect(unnamedOpNames(doc)).toBe(names);
  });
});
