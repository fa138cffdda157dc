import { describe, expect, it } from 'vitest';
import { linspace } from './linspace';

describe('linspace', () => {
  it('includes both ends like numpy, with the last point exactly stop', () => {
    expect(linspace(0, 1, 5)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    const pts = linspace(0, Math.PI, 7);
    expect(pts).toHaveLength(7);
    expect(pts[6]).toBe(Math.PI);
    expect(pts[3]).toBe(3 * (Math.PI / 6));
  });

  it('gives [start] for one point and nothing for zero', () => {
    expect(linspace(0, Math.PI, 1)).toEqual([0]);
    expect(linspace(0, Math.PI, 0)).toEqual([]);
  });

  it('leaves out stop when endpoint is false', () => {
    expect(linspace(0, 4, 4, false)).toEqual([0, 1, 2, 3]);
    expect(linspace(0, 4, 1, false)).toEqual([0]);
  });
});
