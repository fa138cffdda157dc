/**
 * The text primitives of the SVG export: XML escaping, short coordinates, numbers as the cards
 * show them, and lines of text with a rough width estimate. Nothing here knows about cards or
 * the theme, so the card drawing and the card geometry can both lean on it.
 */
import { formatNumber } from '../formatNumber';

export const MONO_ADVANCE = 0.6;
export const SANS_ADVANCE = 0.56;

/** Escapes text for XML content and attribute values, dropping characters XML cannot hold. */
export function esc(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

interface TextStyle {
  cls: 'sans' | 'mono';
  size: number;
  fill: string;
  anchor?: 'start' | 'middle' | 'end';
  weight?: number;
  italic?: boolean;
  spacing?: number;
  testId?: string;
}

/** A line of text vertically centred on y. */
export function text(x: number, y: number, content: string, style: TextStyle): string {
  const attrs = [
    `class="${style.cls}${style.testId ? ` ${style.testId}` : ''}"`,
    `x="${n(x)}"`,
    `y="${n(y)}"`,
    `dominant-baseline="central"`,
    `font-size="${style.size}"`,
    `fill="${esc(style.fill)}"`,
  ];
  if (style.anchor && style.anchor !== 'start') attrs.push(`text-anchor="${style.anchor}"`);
  if (style.weight) attrs.push(`font-weight="${style.weight}"`);
  if (style.italic) attrs.push(`font-style="italic"`);
  if (style.spacing) attrs.push(`letter-spacing="${style.spacing}"`);
  return `<text ${attrs.join(' ')}>${esc(content)}</text>`;
}

/** A number as the cards show it (four decimals, true minus), without the figure-space padding. */
export function num(value: number, digits = 4): string {
  return formatNumber(value, digits).replace(/^\u2007/, '');
}

/** A rough width for text, enough to decide where to cut a long label. */
export function textWidth(content: string, size: number, advance: number): number {
  return Array.from(content).length * size * advance;
}

/** Cuts text to about `room` pixels, ending in an ellipsis when cut. */
export function fit(content: string, room: number, size: number): string {
  const chars = Array.from(content);
  const max = Math.max(1, Math.floor(room / (size * MONO_ADVANCE)));
  return chars.length <= max ? content : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** Coordinates with at most two decimals, so the file stays readable. */
export function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}
