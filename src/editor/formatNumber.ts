/**
 * How the playground prints numbers, in one place: the cards, the chain rule, the backward
 * order, step leaves, the gradient check, the derivative explorer and the inspector all use
 * these. The rules they share:
 * - a true minus sign (U+2212), as wide as a digit in tabular figures, so signed columns line up;
 * - the lecture's digits: four decimals as micrograd's `draw_dot` prints them, unless a panel
 *   says why it shows others (step leaves: six, as the lecture prints −7.286496; the gradient
 *   check: six significant digits, to compare autograd with its estimates digit by digit; the
 *   inspector: every digit);
 * - NaN and ±∞ spelled the same everywhere.
 */

/** The true minus sign. */
export const MINUS = '\u2212';

function signed(negative: boolean, text: string): string {
  return negative ? `${MINUS}${text}` : text;
}

function nonFinite(x: number): string {
  return Number.isNaN(x) ? 'NaN' : x > 0 ? '∞' : `${MINUS}∞`;
}

/**
 * A card's number, as `draw_dot` prints it: four decimals (`digits`), positives led by a
 * figure space so a column of signed numbers lines up.
 */
export function formatNumber(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return nonFinite(value);
  const text = Math.abs(value).toFixed(digits);
  return value < 0 && Number(text) !== 0 ? `${MINUS}${text}` : `\u2007${text}`;
}

/**
 * A number as the lecture prints it in a line of working: integers with one decimal (−8.0),
 * others with up to `decimals` decimals, trailing zeros trimmed (0.7071), exponent form for
 * values too small to show. The chain rule and the backward order use four decimals, like
 * the cards; step leaves uses six, as the lecture's −7.286496.
 */
export function formatLecture(x: number, decimals = 4): string {
  if (!Number.isFinite(x)) return nonFinite(x);
  if (Number.isInteger(x)) return signed(x < 0, Math.abs(x).toFixed(1));
  const abs = Math.abs(x);
  if (abs < 10 ** -decimals) return signed(x < 0, abs.toExponential(3));
  const trimmed = Number(abs.toFixed(decimals));
  return signed(x < 0, Number.isInteger(trimmed) ? trimmed.toFixed(1) : String(trimmed));
}

/**
 * A fixed number of decimals, without the cards' figure space ("14.0000"), with exponent form
 * for tiny non-zero values that would otherwise print as zero.
 */
export function formatFixed(x: number, decimals = 4): string {
  if (!Number.isFinite(x)) return nonFinite(x);
  const abs = Math.abs(x);
  if (abs !== 0 && abs < 10 ** -decimals) return signed(x < 0, abs.toExponential(3));
  const text = abs.toFixed(decimals);
  return signed(x < 0 && Number(text) !== 0, text);
}

/**
 * About `digits` significant digits, for the gradient check's columns: 14 → "14.0000",
 * −0.0415660 → "−0.0415660", and exponent form outside [1e-3, 1e6). Digits are kept (not
 * trimmed) so autograd and its estimates line up digit for digit.
 */
export function formatSignificant(x: number, digits = 6): string {
  if (!Number.isFinite(x)) return nonFinite(x);
  if (x === 0) return '0';
  const abs = Math.abs(x);
  const text = abs >= 1e6 || abs < 1e-3 ? abs.toExponential(digits - 1) : abs.toPrecision(digits);
  return signed(x < 0, text);
}

/** Every digit: the shortest that read back exactly, for the inspector and tooltips. */
export function formatExact(x: number): string {
  if (!Number.isFinite(x)) return nonFinite(x);
  return signed(x < 0, String(Math.abs(x)));
}

/** The sign class for the colour language: `pos`, `neg` or `zero`. */
export function signOf(value: number): 'pos' | 'neg' | 'zero' {
  if (value > 0) return 'pos';
  if (value < 0) return 'neg';
  return 'zero';
}
