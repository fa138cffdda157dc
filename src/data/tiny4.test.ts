import { describe, expect, it } from 'vitest';
import { tiny4 } from './tiny4';

describe('tiny4', () => {
  it("is the lecture's four 3-input samples", () => {
    expect(tiny4()).toEqual({
      name: 'tiny4',
      x: [
        [2, 3, -1],
        [3, -1, 0.5],
        [0.5, 1, 1],
        [1, 1, -1],
      ],
      y: [1, -1, -1, 1],
    });
  });

  it('returns fresh arrays, so a caller mutating one cannot corrupt the next', () => {
    const a = tiny4();
    (a.x[0] as number[])[0] = 99;
    a.y[0] = -1;
    const b = tiny4();
    expect(b.x[0]).toEqual([2, 3, -1]);
    expect(b.y[0]).toBe(1);
  });
});
