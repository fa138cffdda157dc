import { HEATMAP_MAX_ALPHA } from '../plotMapping';
import type { ThemeColors } from '../themeColors';

/**
 * A label's colour on the plot: two classes keep the sign colours (+1 pos, −1 neg, as the
 * heatmap of one score), k classes take colours[j] for class j (pos, neg, then --class-2 …).
 */
export function classColour(label: number, classes: number, colors: ThemeColors): number {
  if (classes <= 2) return label > 0 ? colors.pos : colors.neg;
  return colors.classes[label] ?? colors.zero;
}

/**
 * Writes a k-class decision map into `out` as premultiplied RGBA bytes (rows flipped, as
 * fillHeatmap): each cell in its argmax class's colour, its opacity growing from 0 where the
 * network is no surer than a guess (probability 1/k) to full where it is certain (1), so
 * the borders between classes show as fades and confident regions as solid colour.
 */
export function fillClassMap(
  argmax: Uint8Array,
  probability: Float32Array,
  size: number,
  classes: number,
  colors: ThemeColors,
  out: Uint8Array,
): Uint8Array {
  if (out.length < size * size * 4) throw new RangeError(`a ${size}×${size} map needs ${size * size * 4} bytes, got ${out.length}`);
  const chance = 1 / Math.max(2, classes);
  const rgb = Array.from({ length: Math.max(2, classes) }, (_, j) => classColour(j, classes, colors));
  for (let row = 0; row < size; row++) {
    const src = (size - 1 - row) * size;
    let o = row * size * 4;
    for (let col = 0; col < size; col++, o += 4) {
      const p = probability[src + col]!;
      const colour = rgb[argmax[src + col]!] ?? colors.zero;
      const sure = Number.isNaN(p) ? 0 : Math.min(1, Math.max(0, (p - chance) / (1 - chance)));
      const a = HEATMAP_MAX_ALPHA * Math.sqrt(sure);
      out[o] = Math.round(((colour >> 16) & 0xff) * a);
      out[o + 1] = Math.round(((colour >> 8) & 0xff) * a);
      out[o + 2] = Math.round((colour & 0xff) * a);
      out[o + 3] = Math.round(255 * a);
    }
  }
  return out;
}
