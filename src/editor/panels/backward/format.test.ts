import { describe, expect, it } from 'vitest';
import { DocBuilder } from '../../../document/presets';
import { exact, fixed, gradcheckSummary, MINUS, nameOf, relativeError, sig, stepNumber } from './format';

describe('sig: about six significant digits for the gradient check', () => {
  it('keeps digits so columns line up', () => {
    expect(sig(14)).toBe('14.0000');
    expect(sig(14.003000000002)).toBe('14.0030');
    expect(sig(13.999999999999346)).toBe('14.0000');
    expect(sig(-0.0415660427473)).toBe(`${MINUS}0.0415660`);
  });
  it('prints zero plainly and uses exponents outside [1e-3, 1e6)', () => {
    expect(sig(0)).toBe('0');
    expect(sig(-0)).toBe('0');
    expect(sig(3.58804780891053e-5)).toBe('3.58805e-5');
    expect(sig(-1234567)).toBe(`${MINUS}1.23457e+6`);
    expect(sig(0.000107641434)).toBe('1.07641e-4');
    expect(sig(0.00224282)).toBe('0.00224282');
  });
  it('names non-finite values', () => {
    expect(sig(NaN)).toBe('NaN');
    expect(sig(Infinity)).toBe('∞');
    expect(sig(-Infinity)).toBe(`${MINUS}∞`);
  });
});

describe('fixed: draw_dot style decimals', () => {
  it('prints four decimals with a true minus', () => {
    expect(fixed(14)).toBe('14.0000');
    expect(fixed(14.75)).toBe('14.7500');
    expect(fixed(-8)).toBe(`${MINUS}8.0000`);
  });
  it('never shows a minus on a rounded zero, and keeps tiny values visible', () => {
    expect(fixed(-0)).toBe('0.0000');
    expect(fixed(-1e-9)).toBe(`${MINUS}1.000e-9`);
    expect(fixed(0.00001234)).toBe('1.234e-5');
  });
});

describe('stepNumber: the lecture printing a step', () => {
  it('prints integers with one decimal and others with up to six, trimmed', () => {
    expect(stepNumber(-8)).toBe('-8.0');
    expect(stepNumber(-7.286496000000001)).toBe('-7.286496');
    expect(stepNumber(2.06)).toBe('2.06');
    expect(stepNumber(0.1 + 0.2)).toBe('0.3');
    expect(stepNumber(1.9999999999)).toBe('2.0');
  });
  it('keeps tiny and non-finite values readable', () => {
    expect(stepNumber(1.5e-8)).toBe('1.500e-8');
    expect(stepNumber(NaN)).toBe('NaN');
  });
  it('exact gives the round-tripping digits', () => {
    expect(Number(exact(0.1 + 0.2))).toBe(0.1 + 0.2);
  });
});

describe('nameOf', () => {
  it('uses labels, constants by value, ops by symbol', () => {
    const g = new DocBuilder();
    const a = g.value(2, 'a');
    const unnamed = g.value(1, '');
    const m = g.op('mul', [a, 3]);
    const e = g.op('add', [m, unnamed], 'e');
    const doc = g.output(e).build();
    const constant = Object.values(doc.nodes).find((n) => n.kind === 'constant')!;
    expect(nameOf(doc, a)).toBe('a');
    expect(nameOf(doc, constant.id)).toBe('3.0');
    expect(nameOf(doc, m)).toBe('*');
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
