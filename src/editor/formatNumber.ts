/**
 * Formats a scalar the way micrograd's `draw_dot` does (four decimals), with a true minus
 * sign so signed columns of tabular digits line up.
 */
export function formatNumber(value: number, digits = 4): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  const text = Math.abs(value).toFixed(digits);
  return value < 0 && Number(text) !== 0 ? `−${text}` : `\u2007${text}`;
}

/** The sign class for the colour language: `pos`, `neg` or `zero`. */
export function signOf(value: number): 'pos' | 'neg' | 'zero' {
  if (value > 0) return 'pos';
  if (value < 0) return 'neg';
  return 'zero';
}
