import { describe, expect, it } from 'vitest';
import { DocBuilder } from '../../../document/presets';
import { gradcheckSummary, nameOf, relativeError } from './format';

describe('nameOf', () => {
  it('uses labels, constants by value, unlabelled ops by their name in the exported code', () => {
    const g = new DocBuilder();
    const a = g.value(2, 'a');
    const unnamed = g.value(1, '');
    const m = g.op('mul', [a, 3]);
    const e = g.op('add', [m, unnamed], 'e');
    const doc = g.output(e).build();
    const constant = Object.values(doc.nodes).find((n) => n.kind === 'constant')!;
    expect(nameOf(doc, a)).toBe('a');
    expect(nameOf(doc, constant.id)).toBe('3.0');
    // The unnamed leaf takes n1 in the code, so the multiply is n2 there and here.
    expect(nameOf(doc, m)).toBe('n2');
    expect(nameOf(doc, e)).toBe('e');
    expect(nameOf(doc, unnamed)).toBe('value');
    expect(nameOf(doc, 'missing')).toBe('output');
  });
});

describe('gradcheckSummary', () => {
  it('reads as a sentence for every count', () => {
    expect(gradcheckSummary(4, 0)).toBe('All 4 leaves agree');
    expect(gradcheckSummary(4, 2)).toBe('2 of 4 differ');
    expect(gradcheckSummary(4, 1)).toBe('1 of 4 differs');
    expect(gradcheckSummary(1, 0)).toBe('The 1 leaf agrees');
    expect(gradcheckSummary(1, 1)).toBe('The 1 leaf differs');
    expect(gradcheckSummary(0, 0)).toBe('No leaves to check');
  });
  it('relativeError measures as gradcheck does, with a floor of 1', () => {
    expect(relativeError(14, 14.003)).toBeCloseTo(0.003 / 14.003, 12);
    expect(relativeError(0.001, 0.002)).toBeCloseTo(0.001, 12);
  });
});
