/**
 * One hidden unit's heatmap as canvas pixels: blue where the unit's activation is positive,
 * orange where negative (the decision map's colours), fading to the panel colour at 0. Each
 * unit is scaled by its own largest |activation|, so a ReLU unit reaching 5 and a tanh unit
 * reaching 0.3 both show their shape, as TensorFlow Playground's unit pictures do.
 */

/** Colours as 0xRRGGBB (see renderers/themeColors.ts). */
export interface UnitMapColors {
  pos: number;
  neg: number;
  panel: number;
}

/**
 * Fills `out` (straight RGBA, size² · 4 bytes, for ImageData) from the size² activations of
 * one unit starting at `offset` in `values` (row 0 at the plane's bottom, so it is drawn last).
 * Returns the unit's largest |activation|.
 */
export function fillUnitMap(values: Float32Array, offset: number, size: number, colors: UnitMapColors, out: Uint8ClampedArray): number {
  const cells = size * size;
  if (out.length < cells * 4) throw new RangeError(`a ${size}×${size} unit map needs ${cells * 4} bytes, got ${out.length}`);
  let max = 0;
  for (let i = 0; i < cells; i++) {
    const v = Math.abs(values[offset + i]!);
    if (v > max) max = v;
  }
  const scale = max > 0 ? 1 / max : 0;
  const channel = (color: number, shift: number) => (color >> shift) & 0xff;
  for (let row = 0; row < size; row++) {
    const src = offset + (size - 1 - row) * size;
    for (let col = 0; col < size; col++) {
      const v = values[src + col]!;
      const t = Number.isFinite(v) ? Math.abs(v) * scale : 0;
      const color = v > 0 ? colors.pos : colors.neg;
      const o = (row * size + col) * 4;
      for (let k = 0; k < 3; k++) {
        const shift = 16 - 8 * k;
        out[o + k] = channel(colors.panel, shift) + (channel(color, shift) - channel(colors.panel, shift)) * t;
      }
      out[o + 3] = 255;
    }
  }
  return max;
}
