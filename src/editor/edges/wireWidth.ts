/**
 * Stroke width for a wire carrying `value`: thin near 0, thicker for larger magnitudes, capped.
 * One rule for the canvas (ValueEdge) and the SVG export (graphSvg), so a picture's wires weigh
 * what the screen's do.
 */
export function strokeWidthFor(value: number): number {
  if (!Number.isFinite(value)) return 1.5;
  return 1.25 + Math.min(3, Math.log10(1 + Math.abs(value)) * 1.5);
}
