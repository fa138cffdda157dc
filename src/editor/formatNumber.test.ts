import { describe, expect, it } from 'vitest';
import { formatExact, formatFixed, formatLecture, formatNumber, formatSignificant, MINUS } from './formatNumber';

/** Step leaves prints six decimals, as the lecture prints its output after the step. */
const step = (x: number) => formatLecture(x, 6);

describe('formatNumber: the cards, draw_dot style', () => {
  it('prints four decimals, a true minus, and a figure space before positives', () => {
    expect(formatNumber(-8)).toBe(`${MINUS}8.0000`);
    expect(formatNumber(6)).toBe('\u20076.0000');
    expect(formatNumber(-0.00001)).toBe('\u20070.0000');
    expect(formatNumber(0.70710678, 3)).toBe('\u20070.707');
    expect(formatNumber(NaN)).toBe('NaN');
    expect(formatNumber(-Infinity)).toBe(`${MINUS}∞`);
  });
});

describe('formatLecture: a line of working, as the lecture prints it', () => {
  it('prints integers with one decimal and others trimmed to four decimals, with a true minus', () => {
    expect(formatLecture(-2)).toBe(`${MINUS}2.0`);
    expect(formatLecture(6)).toBe('6.0');
    expect(formatLecture(Math.SQRT1_2)).toBe('0.7071');
    expect(formatLecture(-1.5)).toBe(`${MINUS}1.5`);
    expect(formatLecture(0.99999)).toBe('1.0');
    expect(formatLecture(-3e-6)).toBe(`${MINUS}3.000e-6`);
  });
  it('uses the same minus as the cards', () => {
    expect(formatLecture(-4)[0]).toBe(formatNumber(-4)[0]);
  });
});

describe('sig: about six significant digits for the gradient check', () => {
  it('keeps digits so columns line up', () => {
    expect(formatSignificant(14)).toBe('14.0000');
    expect(formatSignificant(14.003000000002)).toBe('14.0030');
    expect(formatSignificant(13.999999999999346)).toBe('14.0000');
    expect(formatSignificant(-0.0415660427473)).toBe(`${MINUS}0.0415660`);
  });
  it('prints zero plainly and uses exponents outside [1e-3, 1e6)', () => {
    expect(formatSignificant(0)).toBe('0');
    expect(formatSignificant(-0)).toBe('0');
    expect(formatSignificant(3.58804780891053e-5)).toBe('3.58805e-5');
    expect(formatSignificant(-1234567)).toBe(`${MINUS}1.23457e+6`);
    expect(formatSignificant(0.000107641434)).toBe('1.07641e-4');
    expect(formatSignificant(0.00224282)).toBe('0.00224282');
  });
  it('names non-finite values', () => {
    expect(formatSignificant(NaN)).toBe('NaN');
    expect(formatSignificant(Infinity)).toBe('∞');
    expect(formatSignificant(-Infinity)).toBe(`${MINUS}∞`);
  });
});

describe('fixed: draw_dot style decimals', () => {
  it('prints four decimals with a true minus', () => {
    expect(formatFixed(14)).toBe('14.0000');
    expect(formatFixed(14.75)).toBe('14.7500');
    expect(formatFixed(-8)).toBe(`${MINUS}8.0000`);
  });
  it('never shows a minus on a rounded zero, and keeps tiny values visible', () => {
    expect(formatFixed(-0)).toBe('0.0000');
    expect(formatFixed(-1e-9)).toBe(`${MINUS}1.000e-9`);
    expect(formatFixed(0.00001234)).toBe('1.234e-5');
  });
});

describe('stepNumber: the lecture printing a step', () => {
  it('prints integers with one decimal and others with up to six, trimmed', () => {
    expect(step(-8)).toBe(`${MINUS}8.0`);
    expect(step(-7.286496000000001)).toBe(`${MINUS}7.286496`);
    expect(step(2.06)).toBe('2.06');
    expect(step(0.1 + 0.2)).toBe('0.3');
    expect(step(1.9999999999)).toBe('2.0');
  });
  it('keeps tiny and non-finite values readable', () => {
    expect(step(1.5e-8)).toBe('1.500e-8');
    expect(step(NaN)).toBe('NaN');
  });
  it('exact gives the round-tripping digits', () => {
    expect(Number(formatExact(0.1 + 0.2))).toBe(0.1 + 0.2);
  });
});

