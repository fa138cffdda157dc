/**
 * The renderers' view of the design tokens in src/styles/theme.css.
 *
 * pixi wants numbers, CSS owns the palette: reading the custom properties at mount keeps one
 * source of truth. The fallbacks match theme.css so a renderer still draws sensibly if it is
 * mounted outside the themed document (a test page, a story).
 */
export interface ThemeColors {
  /** Positive values and gradients. */
  pos: number;
  /** Negative values and gradients. */
  neg: number;
  /** The accent: selection, the loss. */
  accent: number;
  /** Zero / no signal. */
  zero: number;
  /** Text, for labels drawn on the canvas. */
  text: number;
  /** Panel background, behind labels. */
  panel: number;
  /** Colours of classes 0..7 of a many-class dataset: pos, neg, then --class-2 … --class-7. */
  classes: readonly number[];
}

/** The dark theme's --class-2 … --class-7. */
const FALLBACK_CLASSES = [0x5ad27f, 0xb98cff, 0xff6fae, 0x36d1c4, 0xe6d85a, 0xa3a9bb];
const FALLBACK: ThemeColors = {
  pos: 0x4fb3ff,
  neg: 0xff7a59,
  accent: 0xf5d04c,
  zero: 0x8d92a6,
  text: 0xe8e9f0,
  panel: 0x181b25,
  classes: [0x4fb3ff, 0xff7a59, ...FALLBACK_CLASSES],
};

/** Parses `#rgb` / `#rrggbb` into 0xRRGGBB, or returns null for anything else. */
export function parseHexColor(text: string): number | null {
  const hex = text.trim().replace(/^#/, '');
  if (/^[0-9a-f]{3}$/i.test(hex)) {
    return parseInt(
      hex
        .split('')
        .map((c) => c + c)
        .join(''),
      16,
    );
  }
  if (/^[0-9a-f]{6}$/i.test(hex)) return parseInt(hex, 16);
  return null;
}

/** Reads the colour tokens as inherited by `element`. */
export function readThemeColors(element: Element): ThemeColors {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: number) => parseHexColor(style.getPropertyValue(name)) ?? fallback;
  const pos = read('--pos', FALLBACK.pos);
  const neg = read('--neg', FALLBACK.neg);
  return {
    pos,
    neg,
    classes: [pos, neg, ...FALLBACK_CLASSES.map((c, j) => read(`--class-${j + 2}`, c))],
    accent: read('--accent', FALLBACK.accent),
    zero: read('--zero', FALLBACK.zero),
    text: read('--text', FALLBACK.text),
    panel: read('--panel', FALLBACK.panel),
  };
}
