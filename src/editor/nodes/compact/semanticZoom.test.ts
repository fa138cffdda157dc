import { describe, expect, it } from 'vitest';
import { COMPACT_BELOW_ZOOM, compactHead, compactNumber, compactOperand, FIT_MIN_ZOOM, hoverLift, isCompactZoom, magnitudeTint, MIN_LEGIBLE_PX, CARD_NUMBER_PX, COMPACT_TEXT_PX } from './semanticZoom';

describe('the compact threshold', () => {
  it('switches exactly where a full card’s numbers drop under 11 px on screen', () => {
    expect(CARD_NUMBER_PX * COMPACT_BELOW_ZOOM).toBeCloseTo(MIN_LEGIBLE_PX, 10);
    expect(isCompactZoom(1)).toBe(false);
    expect(isCompactZoom(0.85)).toBe(false);
    expect(isCompactZoom(0.84)).toBe(true);
    expect(isCompactZoom(0.1)).toBe(true);
  });

  it('never lets a fit go below the zoom where compact text is 11 px', () => {
    expect(COMPACT_TEXT_PX * FIT_MIN_ZOOM).toBeCloseTo(MIN_LEGIBLE_PX, 10);
    expect(FIT_MIN_ZOOM).toBeLessThan(COMPACT_BELOW_ZOOM);
  });
});

describe('hoverLift', () => {
  it('brings a hovered card back to at least its zoom-1 size, up to 4×, in quarter steps', () => {
    expect(hoverLift(1)).toBe(1);
    expect(hoverLift(2)).toBe(1);
    expect(hoverLift(0.5)).toBe(2);
    expect(hoverLift(0.3)).toBe(3.5);
    expect(hoverLift(0.1)).toBe(4);
    expect(hoverLift(0)).toBe(1);
    for (const zoom of [0.26, 0.33, 0.61, 0.8]) {
      expect(hoverLift(zoom) * zoom).toBeGreaterThanOrEqual(1);
      expect((hoverLift(zoom) * 4) % 1).toBe(0);
    }
  });
});

describe('compactNumber', () => {
  it('prints the lecture’s numbers in three significant digits with a true minus', () => {
    expect(compactNumber(24.704081632653)).toBe('24.7');
    expect(compactNumber(-6)).toBe('\u22126.00');
    expect(compactNumber(0.5)).toBe('0.50');
    expect(compactNumber(138.83381924)).toBe('139');
    expect(compactNumber(645.577259)).toBe('646');
    expect(compactNumber(0)).toBe('0');
    expect(compactNumber(-0)).toBe('0');
  });

  it('keeps every number within five characters after the sign', () => {
    for (const x of [0.001, 0.0049, 0.005, 9.994, 9.996, 99.94, 99.96, 9999.4, 9999.6, 12345, 99_949, 99_951, 999_499, 999_501, 12_345_678, 1e9]) {
      expect(compactNumber(x).length, String(x)).toBeLessThanOrEqual(5);
      expect(compactNumber(-x)).toBe(`\u2212${compactNumber(x)}`);
    }
    expect(compactNumber(12345)).toBe('12.3k');
    expect(compactNumber(2_500_000)).toBe('2.5M');
    expect(compactNumber(0.0004)).toBe('4e-4');
  });

  it('spells NaN and infinities as the cards do', () => {
    expect(compactNumber(NaN)).toBe('NaN');
    expect(compactNumber(Infinity)).toBe('∞');
    expect(compactNumber(-Infinity)).toBe('\u2212∞');
  });
});

describe('magnitudeTint', () => {
  it('grows with |x| on a log scale, the same for both signs, capped at 0.55', () => {
    expect(magnitudeTint(0)).toBe(0);
    expect(magnitudeTint(10)).toBe(0.55);
    expect(magnitudeTint(600)).toBe(0.55);
    expect(magnitudeTint(-2)).toBe(magnitudeTint(2));
    const steps = [0.01, 0.5, 2, 8].map(magnitudeTint);
    for (let i = 1; i < steps.length; i++) expect(steps[i]! - steps[i - 1]!).toBeGreaterThan(0.05);
    expect(magnitudeTint(NaN)).toBe(0);
    expect(magnitudeTint(-Infinity)).toBe(0.55);
  });
});

describe('compactHead', () => {
  it('keeps the glyph and the name when both fit, else what says most', () => {
    expect(compactHead('+', 'c', true)).toBe('+ c');
    expect(compactHead('×', 't1', false)).toBe('× t1');
    expect(compactHead('ReLU', 't9', false)).toBe('ReLUt9');
    expect(compactHead('softplus', 't3', false)).toBe('softplus');
    expect(compactHead('tanh', 'out', true)).toBe('out');
    expect(compactHead('ℒ', 'loss', true)).toBe('ℒ loss');
  });
});

describe('compactOperand', () => {
  it('drops trailing zeros, never digits that count', () => {
    expect(compactOperand(2)).toBe('2');
    expect(compactOperand(-1)).toBe('\u22121');
    expect(compactOperand(0.5)).toBe('0.5');
    expect(compactOperand(10)).toBe('10');
    expect(compactOperand(100)).toBe('100');
    expect(compactOperand(2.25)).toBe('2.25');
    expect(compactOperand(0.0004)).toBe('4e-4');
    expect(compactOperand(12000)).toBe('12k');
  });
});
