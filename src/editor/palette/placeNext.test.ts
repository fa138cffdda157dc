import { describe, expect, it } from 'vitest';
import { NEW_CARD, placeNext } from './placeNext';

const a = { x: 100, y: 200, width: 180, height: 90 };

describe('placeNext', () => {
  it('puts an op to the right of the selected card, at its height', () => {
    const at = placeNext(a, true, [a]);
    expect(at.y).toBe(a.y);
    expect(at.x).toBeGreaterThan(a.x + a.width);
  });

  it('puts a leaf below the selected card, in its column', () => {
    const at = placeNext(a, false, [a]);
    expect(at.x).toBe(a.x);
    expect(at.y).toBeGreaterThan(a.y + a.height);
  });

  it('moves down past cards already there, so nothing is covered', () => {
    const first = placeNext(a, false, [a]);
    const b = { ...first, ...NEW_CARD };
    const second = placeNext(a, false, [a, b]);
    expect(second.x).toBe(a.x);
    expect(second.y).toBeGreaterThanOrEqual(b.y + b.height);
  });
});
