import { describe, expect, it } from 'vitest';
import type { ThemeColors } from '../themeColors';
import { classColour, fillClassMap } from './classMap';

const colors: ThemeColors = {
  pos: 0x0000ff,
  neg: 0xff0000,
  accent: 0,
  zero: 0x808080,
  text: 0,
  panel: 0,
  classes: [0x0000ff, 0xff0000, 0x00ff00, 0x800080, 0xff00ff, 0, 0, 0],
};

describe('the k-class decision map', () => {
  it('keeps the sign colours for two classes and numbers them for more', () => {
    expect(classColour(1, 2, colors)).toBe(colors.pos);
    expect(classColour(-1, 2, colors)).toBe(colors.neg);
    expect([0, 1, 2].map((j) => classColour(j, 3, colors))).toEqual([0x0000ff, 0xff0000, 0x00ff00]);
  });

  it('paints each cell its argmax colour, clear at chance and strongest when certain, rows flipped', () => {
    // A 2 × 2 grid, row 0 at the bottom: class 2 sure, class 0 at chance; class 1 half sure, class 2 NaN.
    const argmax = Uint8Array.from([2, 0, 1, 2]);
    const probability = Float32Array.from([1, 1 / 3, 2 / 3, NaN]);
    const out = fillClassMap(argmax, probability, 2, 3, colors, new Uint8Array(16));
    // Texture row 0 is the grid's top row (cells 2 and 3).
    const cell = (row: number, col: number) => Array.from(out.slice((row * 2 + col) * 4, (row * 2 + col) * 4 + 4));
    expect(cell(1, 0)[1]).toBeGreaterThan(150); // class 2 is green, certain
    expect(cell(1, 0)[0]).toBe(0);
    expect(cell(1, 1)[3]).toBe(0); // chance: transparent
    expect(cell(0, 0)[0]).toBeGreaterThan(0); // class 1 red, partly sure
    expect(cell(0, 0)[3]).toBeLessThan(cell(1, 0)[3]!);
    expect(cell(0, 1)).toEqual([0, 0, 0, 0]);
  });
});
