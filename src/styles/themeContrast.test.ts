import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHexColor } from '../renderers/themeColors';

/**
 * WCAG AA contrast of both themes, read straight from theme.css: a colour change that makes
 * text or the blue/orange sign colours hard to read fails here, before anyone has to notice it
 * on screen. 4.5:1 for text (the sign colours are text on cards and in panels), 3:1 for graphics
 * (wires, bars, focus rings).
 */

const CSS = readFileSync(new URL('./theme.css', import.meta.url), 'utf8');

type Rgb = [number, number, number];
type Tokens = Record<string, string>;

/** The `--name: value;` pairs of the first block whose selector is exactly `selector`. */
function block(selector: string): Tokens {
  const start = CSS.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no ${selector} block in theme.css`);
  const body = CSS.slice(start, CSS.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

const dark = block(':root');
const THEMES: Record<string, Tokens> = { dark, light: { ...dark, ...block(":root[data-theme='light']") } };

/** A token as an opaque colour: `#rrggbb`, or `rgba(...)` laid over `under`. */
function colour(tokens: Tokens, name: string, under?: Rgb): Rgb {
  const value = tokens[name];
  if (!value) throw new Error(`no ${name} token`);
  const hex = parseHexColor(value);
  if (hex !== null) return [hex >> 16, (hex >> 8) & 0xff, hex & 0xff];
  const rgba = /^rgba\((\d+),\s*(\d+),\s*(\d+),\s*([\d.]+)\)$/.exec(value);
  if (!rgba || !under) throw new Error(`${name}: ${value} is not a colour this test reads`);
  return mix([Number(rgba[1]), Number(rgba[2]), Number(rgba[3])], Number(rgba[4]), under);
}

/** `color-mix(in srgb, a share, b)`, as the CSS for hover states writes it. */
function mix(a: Rgb, share: number, b: Rgb): Rgb {
  return [0, 1, 2].map((i) => a[i]! * share + b[i]! * (1 - share)) as Rgb;
}

function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: Rgb, b: Rgb): number {
  const [lo, hi] = [luminance(a), luminance(b)].sort((x, y) => x - y) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const TEXT = 4.5;
const GRAPHICS = 3;

/** The surfaces text and cards sit on: page, canvas, panels and cards (--panel), raised rows. */
const SURFACES = ['--bg', '--bg-canvas', '--panel', '--panel-raised'];

interface Pair {
  what: string;
  fg: Rgb;
  bg: Rgb;
  min: number;
}

function pairs(t: Tokens): Pair[] {
  const out: Pair[] = [];
  const white: Rgb = [255, 255, 255];
  for (const surface of SURFACES) {
    const bg = colour(t, surface);
    for (const fg of ['--text', '--text-muted', '--text-faint', '--pos', '--neg', '--zero', '--accent', '--danger', '--ok']) {
      out.push({ what: `${fg} text on ${surface}`, fg: colour(t, fg), bg, min: TEXT });
    }
    // The soft tints behind a selected sign or accent (segmented buttons, palette glyphs).
    for (const [fg, soft] of [['--pos', '--pos-soft'], ['--neg', '--neg-soft'], ['--accent', '--accent-soft']] as const) {
      out.push({ what: `${fg} text on ${soft} over ${surface}`, fg: colour(t, fg), bg: colour(t, soft, bg), min: TEXT });
    }
  }
  const accent = colour(t, '--accent');
  out.push({ what: '--accent-text on --accent (primary button)', fg: colour(t, '--accent-text'), bg: accent, min: TEXT });
  out.push({ what: '--accent-text on the primary button hover', fg: colour(t, '--accent-text'), bg: mix(accent, 0.85, white), min: TEXT });
  // The sign colours as graphics: wires, bars and points on the canvas, the focus ring.
  for (const fg of ['--pos', '--neg', '--accent']) {
    out.push({ what: `${fg} graphics on --bg-canvas`, fg: colour(t, fg), bg: colour(t, '--bg-canvas'), min: GRAPHICS });
  }
  return out;
}

describe('theme contrast (WCAG AA)', () => {
  for (const [name, tokens] of Object.entries(THEMES)) {
    it(`${name}: text ≥ 4.5:1 and graphics ≥ 3:1 on every surface`, () => {
      const measured = pairs(tokens).map((p) => ({ ...p, ratio: contrast(p.fg, p.bg) }));
      const failing = measured.filter((p) => p.ratio < p.min).map((p) => `${p.what}: ${p.ratio.toFixed(2)} < ${p.min}`);
      // PRINT_CONTRAST=1 npx vitest run src/styles/themeContrast.test.ts lists every ratio.
      if (process.env.PRINT_CONTRAST) for (const p of measured) console.log(`${name}\t${p.what}\t${p.ratio.toFixed(2)}`);
      expect(failing).toEqual([]);
    });
  }

  it('measures the known extremes right', () => {
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrast([119, 119, 119], [255, 255, 255])).toBeCloseTo(4.48, 2);
  });
});
