import type { Page } from '@playwright/test';

/**
 * How many pixels of the data plot's canvas show each class colour (the CSS tokens named in
 * `tokens`, e.g. --pos, --neg, --class-2), counted as pixels on the line from the plot's
 * background to that colour, at least a quarter of the way along: the heatmap's faded cells too.
 */
export async function classPixelCounts(page: Page, tokens: readonly string[]): Promise<{ counts: number[]; total: number }> {
  const png = await page.getByTestId('boundary-canvas').screenshot({ animations: 'disabled', caret: 'initial' });
  return page.evaluate(
    async ({ base64, tokens }) => {
      const source = document.querySelector<HTMLCanvasElement>('canvas[data-testid="boundary-canvas"]')!;
      const parse = (text: string): [number, number, number] | null => {
        const hex = /^#([0-9a-f]{6})$/i.exec(text.trim());
        if (hex) {
          const n = parseInt(hex[1]!, 16);
          return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
        }
        const rgb = /^rgba?\(\s*([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:\s*[,/]\s*([\d.]+))?\s*\)$/.exec(text.trim());
        if (!rgb || (rgb[4] !== undefined && Number(rgb[4]) === 0)) return null;
        return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
      };
      const colours = tokens.map((t) => parse(getComputedStyle(source).getPropertyValue(t))!);
      let bg: [number, number, number] = [0, 0, 0];
      for (let el: Element | null = source.parentElement; el; el = el.parentElement) {
        const c = parse(getComputedStyle(el).backgroundColor);
        if (c) {
          bg = c;
          break;
        }
      }
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const probe = document.createElement('canvas');
      probe.width = bitmap.width;
      probe.height = bitmap.height;
      const ctx = probe.getContext('2d', { willReadFrequently: true })!;
      ctx.drawImage(bitmap, 0, 0);
      const { data } = ctx.getImageData(0, 0, probe.width, probe.height);
      const counts = colours.map(() => 0);
      for (let i = 0; i < data.length; i += 4) {
        // The colour whose bg → colour line the pixel is nearest, if it is near enough.
        let best = -1;
        let bestOff = 18;
        colours.forEach((c, j) => {
          const d = [c[0] - bg[0], c[1] - bg[1], c[2] - bg[2]];
          const p = [data[i]! - bg[0], data[i + 1]! - bg[1], data[i + 2]! - bg[2]];
          const len2 = d[0]! ** 2 + d[1]! ** 2 + d[2]! ** 2;
          const a = (p[0]! * d[0]! + p[1]! * d[1]! + p[2]! * d[2]!) / len2;
          if (a < 0.25 || a > 1.1) return;
          const off = Math.hypot(p[0]! - a * d[0]!, p[1]! - a * d[1]!, p[2]! - a * d[2]!);
          if (off < bestOff) {
            bestOff = off;
            best = j;
          }
        });
        if (best >= 0) counts[best]!++;
      }
      return { counts, total: data.length / 4 };
    },
    { base64: png.toString('base64'), tokens },
  );
}
