import { MINUS } from '../../formatNumber';

/**
 * The numbers behind semantic zoom: below which zoom a card's own text is too small to read,
 * how a compact card prints its one number, and how strongly it is tinted by that number.
 * Pure (no DOM, no React), so the rules are tested in Node and shared by every compact card.
 */

/** The smallest on-screen text a person reads without effort, in CSS pixels. */
export const MIN_LEGIBLE_PX = 11;

/** The font size of a full card's numbers (`.node-row__num`), in flow pixels. */
export const CARD_NUMBER_PX = 13;

/**
 * Below this zoom a full card's numbers would be under {@link MIN_LEGIBLE_PX} on screen, so the
 * canvas draws compact cards instead (11 / 13 ≈ 0.846).
 */
export const COMPACT_BELOW_ZOOM = MIN_LEGIBLE_PX / CARD_NUMBER_PX;

/** True when the canvas at this zoom draws compact cards. */
export function isCompactZoom(zoom: number): boolean {
  return zoom < COMPACT_BELOW_ZOOM;
}

/**
 * The size of a compact card's text in the shortest two-line card (a value or op card, ~96
 * flow px tall: two lines of ~45 px), in flow pixels. Fits never zoom out below the zoom where that text is
 * still {@link MIN_LEGIBLE_PX} on screen, so a fitted graph is always readable; a graph too big
 * for the screen at that zoom is centred and the rest is a pan (or the minimap) away.
 */
export const COMPACT_TEXT_PX = 44;

/** The lowest zoom a fit (Tidy, Fit view, an example or a network landing) goes to. */
export const FIT_MIN_ZOOM = MIN_LEGIBLE_PX / COMPACT_TEXT_PX;

/**
 * How much a hovered or focused compact card grows so that its full text is readable: back to
 * its size at zoom 1, at most 4×. Quantised to quarter steps so the CSS variable changes only
 * at a few zooms, not on every frame of a pinch.
 */
export function hoverLift(zoom: number): number {
  if (!(zoom > 0)) return 1;
  const lift = Math.min(4, Math.max(1, 1 / zoom));
  return Math.ceil(lift * 4) / 4;
}

/**
 * The one number of a compact card, in at most five characters plus the sign: three
 * significant digits where they fit (24.7, 0.50, −6.00), whole numbers from 100 on, k and M
 * for thousands and millions, exponent form for tiny values that would print as 0.00.
 */
export function compactNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : `${MINUS}∞`;
  const abs = Math.abs(x);
  let text: string;
  if (abs === 0) text = '0';
  else if (abs >= 999_500) text = `${trim((abs / 1e6).toFixed(abs >= 99_950_000 ? 0 : 1))}M`;
  else if (abs >= 9_999.5) text = `${trim((abs / 1e3).toFixed(abs >= 99_950 ? 0 : 1))}k`;
  else if (abs >= 99.95) text = abs.toFixed(0);
  else if (abs >= 9.995) text = abs.toFixed(1);
  else if (abs >= 0.005) text = abs.toFixed(2);
  else text = abs.toExponential(0);
  const negative = x < 0 && text !== '0';
  return negative ? `${MINUS}${text}` : text;
}

/** A round operand (a constant, a target's ±1) as people write it: compactNumber without trailing zeros (2, −1, 0.5). */
export function compactOperand(x: number): string {
  const text = compactNumber(x);
  return /^[^e]*\.\d*$/.test(text) ? text.replace(/\.?0+$/, '') : text;
}

function trim(fixed: string): string {
  return fixed.endsWith('.0') ? fixed.slice(0, -2) : fixed;
}

/**
 * How strongly a compact card is washed in its sign's colour, from 0 (the number is 0) to
 * 0.55 (|x| ≥ 10): a log scale, as the lecture's numbers span 0.01 to hundreds, so 0.5, 2 and
 * 8 look different while 600 does not swamp the card.
 */
export function magnitudeTint(x: number): number {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 0 : 0.55;
  const share = Math.log10(1 + Math.abs(x)) / Math.log10(11);
  return Math.round(Math.min(1, share) * 0.55 * 1000) / 1000;
}

/** The most characters a compact card's head line holds at full size (a value or op card's width). */
export const COMPACT_HEAD_CHARS = 6;

/**
 * The head line of a compact op card: its glyph and its name ("+ c", "× t1") when both fit in
 * {@link COMPACT_HEAD_CHARS}; else the name the person gave it, or for an unnamed op its glyph
 * (ReLU says more than the code's t9). The hovered full card shows both in any case.
 */
export function compactHead(glyph: string, name: string, named: boolean): string {
  const both = `${glyph} ${name}`;
  if ([...both].length <= COMPACT_HEAD_CHARS) return both;
  const tight = `${glyph}${name}`;
  if (!named && [...tight].length <= COMPACT_HEAD_CHARS) return tight;
  return named ? name : glyph;
}
