import { expect, type Locator, type Page } from '@playwright/test';
import { allNodes, nodeByLabel, openPlayground } from './canvas';

/**
 * The Train panel in page terms: open it, draw a network, run it, read its numbers and its
 * decision-boundary canvas. No helper here sleeps: each waits on something the page shows.
 */

/** The mode switch in the header. */
export function modeButton(page: Page, mode: 'Build' | 'Backward' | 'Train'): Locator {
  return page.getByRole('navigation', { name: 'Mode' }).getByRole('button', { name: mode, exact: true });
}

/** A first visit (welcome closed), then Train mode: the Train panel is on screen. */
export async function openTrainPanel(page: Page): Promise<void> {
  await openPlayground(page);
  await modeButton(page, 'Train').click();
  await expect(modeButton(page, 'Train')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('train-panel')).toBeVisible();
  await expect(page.getByTestId('boundary-canvas')).toHaveCount(1);
}

/** Neurons of the default MLP(2, [16, 16, 1]). */
export const DEFAULT_NEURONS = 16 + 16 + 1;

/** Presses Insert MLP with the form's defaults (16, 16, 1) and waits for the drawing. */
export async function insertDefaultMlp(page: Page): Promise<void> {
  const before = await allNodes(page).count();
  await expect(page.getByTestId('mlp-sizes')).toHaveValue('16, 16, 1');
  await page.getByTestId('insert-mlp').click();
  // Two inputs, 33 neurons, a target and a loss.
  await expect(allNodes(page)).toHaveCount(before + 2 + DEFAULT_NEURONS + 2);
  await expect(nodeByLabel(page, 'L3.N0')).toHaveCount(1);
}

/** The Train / Pause button. */
export function toggle(page: Page): Locator {
  return page.getByTestId('train-toggle');
}

/** Presses Train and waits until the button offers Pause. */
export async function startTraining(page: Page): Promise<void> {
  await expect(toggle(page)).toHaveText(/Train/);
  await toggle(page).click();
  await expect(toggle(page)).toHaveText(/Pause/);
}

/** Presses Pause and waits until the button offers Train again. */
export async function pauseTraining(page: Page): Promise<void> {
  await expect(toggle(page)).toHaveText(/Pause/);
  await toggle(page).click();
  await expect(toggle(page)).toHaveText(/Train/);
}

/** The step counter in the status line. */
export async function stepCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('train-step-count').textContent());
}

/** Steps per second in the status line. */
export async function stepsPerSecond(page: Page): Promise<number> {
  return Number(await page.getByTestId('steps-per-second').textContent());
}

/** A readout like "97.5 %" as a fraction; NaN for "—". */
export async function percentOf(readout: Locator): Promise<number> {
  const text = (await readout.textContent()) ?? '';
  const m = /^(-?[\d.]+)\s*%$/.exec(text.trim());
  return m ? Number(m[1]) / 100 : NaN;
}

/** The loss readout as a number (the app writes minus as U+2212); NaN for "—", ±Infinity for "∞". */
export async function lossOf(page: Page): Promise<number> {
  const text = ((await page.getByTestId('train-loss').textContent()) ?? '').trim().replace('\u2212', '-');
  if (text === '∞') return Infinity;
  if (text === '-∞') return -Infinity;
  return text === '' || text === '—' ? NaN : Number(text);
}

/** The learning-rate slider. */
export function lrSlider(page: Page): Locator {
  return page.getByTestId('lr-slider');
}

/** The learning rate next to the slider, as printed. */
export async function lrText(page: Page): Promise<string> {
  return ((await page.getByTestId('lr-value').textContent()) ?? '').trim();
}

/** The full-precision weights of a neuron card, from each weight label's title ("weight 0.123…"): beside its ports, or in the b row's list on a many-input neuron. */
export async function weightsOf(node: Locator): Promise<number[]> {
  const titles = await node.locator('.net-port__w, [data-testid="weight"]').evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? ''));
  return titles.map((t) => Number(t.replace(/^weight /, '')));
}

/** Pixels of the boundary canvas close to the theme's --pos blue and --neg orange. */
export interface ClassPixels {
  pos: number;
  neg: number;
  total: number;
  /** A cheap fingerprint of the whole image, to tell that the plot changed. */
  hash: number;
}

/**
 * What the data plot shows, read from a screenshot of its canvas (so it is what a person sees,
 * composited over the panel, whether or not the WebGL canvas keeps its drawing buffer), then
 * decoded in the page. A pixel counts as blue (or orange) when it lies on the line from the
 * background behind the canvas to the theme's --pos (or --neg), at least a quarter of the way
 * along: the heatmap's translucent wash, or a point drawn in its class colour.
 */
export async function boundaryPixels(page: Page): Promise<ClassPixels> {
  const canvas = page.getByTestId('boundary-canvas');
  const png = await canvas.screenshot({ animations: 'disabled', caret: 'initial' });
  return page.evaluate(async (base64) => {
    const source = document.querySelector<HTMLCanvasElement>('canvas[data-testid="boundary-canvas"]')!;
    const parse = (text: string): [number, number, number] | null => {
      const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text.trim());
      if (hex) {
        const h = hex[1]!.length === 3 ? [...hex[1]!].map((c) => c + c).join('') : hex[1]!;
        const n = parseInt(h, 16);
        return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
      }
      const rgb = /^rgba?\(\s*([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:\s*[,/]\s*([\d.]+))?\s*\)$/.exec(text.trim());
      if (!rgb || (rgb[4] !== undefined && Number(rgb[4]) === 0)) return null;
      return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
    };
    const pos = parse(getComputedStyle(source).getPropertyValue('--pos'))!;
    const neg = parse(getComputedStyle(source).getPropertyValue('--neg'))!;
    // The first opaque background behind the (transparent) canvas.
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
    /** How far along bg → colour the pixel at i is, or -1 when it is off that line. */
    const along = (i: number, c: [number, number, number]) => {
      const d = [c[0] - bg[0], c[1] - bg[1], c[2] - bg[2]];
      const p = [data[i]! - bg[0], data[i + 1]! - bg[1], data[i + 2]! - bg[2]];
      const len2 = d[0]! ** 2 + d[1]! ** 2 + d[2]! ** 2;
      const a = (p[0]! * d[0]! + p[1]! * d[1]! + p[2]! * d[2]!) / len2;
      const off = Math.hypot(p[0]! - a * d[0]!, p[1]! - a * d[1]!, p[2]! - a * d[2]!);
      return off < 24 ? a : -1;
    };
    let p = 0;
    let n = 0;
    let hash = 0;
    for (let i = 0; i < data.length; i += 4) {
      hash = (Math.imul(hash, 31) + data[i]! + (data[i + 1]! << 8) + (data[i + 2]! << 16)) | 0;
      if (along(i, pos) >= 0.25) p++;
      else if (along(i, neg) >= 0.25) n++;
    }
    return { pos: p, neg: n, total: probe.width * probe.height, hash };
  }, png.toString('base64'));
}

/** Waits until the boundary canvas has a size and has drawn something (the points, at least). */
export async function waitForPlot(page: Page): Promise<ClassPixels> {
  await expect
    .poll(async () => {
      const px = await boundaryPixels(page);
      return px.pos > 0 && px.neg > 0;
    }, { message: 'the data plot draws the points of both classes' })
    .toBe(true);
  return boundaryPixels(page);
}

/** The text the counts line shows: "80 train · 20 test", maybe "(1 added)". */
export function datasetCounts(page: Page): Locator {
  return page.getByTestId('dataset-counts');
}

/** Picks a CSV through the Import CSV button's file chooser, as a person does. */
export async function importCsv(page: Page, name: string, text: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('csv-import').click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
}
