import { expect, type Locator, type Page } from '@playwright/test';
import { allNodes, nodeByLabel, viewportTransform, waitForLayout, type Box, type Point } from './canvas';

/**
 * Backward mode as a person uses it: the mode switch, the panel's buttons and shortcuts, the
 * grads on the cards, and the gradient-flow overlay's pixels. Nothing here sleeps: every helper
 * waits on something the page shows.
 */

/** The Backward panel. */
export function backwardPanel(page: Page): Locator {
  return page.getByTestId('backward-panel');
}

/** The panel's status line ("Pass 1 · step 3 of 7", "1 backward pass since the last Zero grad."). */
export function backwardStatus(page: Page): Locator {
  return page.getByTestId('backward-status');
}

/** A button of the Backward panel by its action id (backward, stepBackward, zeroGrad, ...). */
export function actionButton(page: Page, id: string): Locator {
  return page.locator(`[data-action="${id}"]`);
}

/** Switches to Backward mode with the mode switch in the header. */
export async function enterBackwardMode(page: Page): Promise<void> {
  const modes = page.getByRole('navigation', { name: 'Mode' });
  const button = modes.getByRole('button', { name: 'Backward', exact: true });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expect(backwardPanel(page)).toBeVisible();
}

/** Chooses an example from the Examples menu and waits for its layout to settle. */
export async function loadPreset(page: Page, id: string, nodes: number): Promise<void> {
  const view = await viewportTransform(page);
  await page.getByTestId('examples-menu').click();
  await page.getByTestId(`preset-${id}`).click();
  await expect(allNodes(page)).toHaveCount(nodes);
  await waitForLayout(page, view);
}

/** The grad row of the card with this label. */
export function gradRow(page: Page, label: string): Locator {
  return nodeByLabel(page, label).getByTestId('node-grad');
}

/** The full-precision grad a card shows (its grad row's data-value). */
export async function gradOf(page: Page, label: string): Promise<number> {
  return Number(await gradRow(page, label).getAttribute('data-value'));
}

/** What Backward mode shows at one moment, read in one go (one round trip, one instant). */
export interface BackwardView {
  /** The status line. */
  status: string;
  /** The chain-rule equation, or null when none is shown. */
  equation: string | null;
  /** The order list: each node's name, its grad as listed ('…' until done), and whether it is done. */
  order: { name: string; grad: string; done: boolean }[];
  /** Every card's grad by label: full precision (data-value). */
  grads: Record<string, number>;
  /** Every card's grad by label as printed, four decimals, figure space trimmed. */
  printed: Record<string, string>;
  /** Every card's backward badge by label, or null without one. */
  ranks: Record<string, number | null>;
}

export function backwardView(page: Page): Promise<BackwardView> {
  return page.evaluate(() => {
    const text = (el: Element | null | undefined) => (el?.textContent ?? '').trim();
    const grads: Record<string, number> = {};
    const printed: Record<string, string> = {};
    const ranks: Record<string, number | null> = {};
    for (const card of document.querySelectorAll('[data-testid="node-card"]')) {
      const label = card.getAttribute('data-label') ?? '';
      const grad = card.querySelector('[data-testid="node-grad"]');
      if (grad) {
        grads[label] = Number(grad.getAttribute('data-value'));
        printed[label] = text(grad);
      }
      const badge = card.querySelector('[data-testid="backward-badge"]');
      ranks[label] = badge ? Number(badge.getAttribute('data-rank')) : null;
    }
    const equation = document.querySelector('[data-testid="chain-rule-equation"]');
    return {
      status: text(document.querySelector('[data-testid="backward-status"]')),
      equation: equation ? text(equation) : null,
      order: [...document.querySelectorAll('[data-testid="backward-order"] > li')].map((li) => ({
        name: text(li.querySelector('.backward-order__name')),
        grad: text(li.querySelector('.backward-order__grad')),
        done: li.classList.contains('is-done'),
      })),
      grads,
      printed,
      ranks,
    };
  });
}

/** The backward-order badge of the card with this label. */
export function badgeOf(page: Page, label: string): Locator {
  return nodeByLabel(page, label).getByTestId('backward-badge');
}

/** A card's four-decimal text as the app prints it ("6.0000", "−4.0000": a true minus sign). */
export function fourDecimals(x: number): string {
  const text = Math.abs(x).toFixed(4);
  return x < 0 && Number(text) !== 0 ? `\u2212${text}` : text;
}

/** The same, as a pattern for a locator's text (positives lead with a figure space). */
export function fourDecimalsText(x: number): RegExp {
  return new RegExp(`^\\s*${fourDecimals(x).replace('.', '\\.')}$`);
}

/** What the overlay shows right now, reduced to a few numbers, read with the status line. */
export interface OverlayFrame {
  /** The status line's text at the moment the frame was read. */
  status: string;
  /** A hash of every pixel: two frames that differ anywhere differ here (almost surely). */
  hash: number;
  /** How many pixels are not fully transparent. */
  drawn: number;
}

/**
 * Copies the overlay canvas's last frame (it keeps its drawing buffer) into a 2D canvas and
 * hashes it; the status line is read in the same task, so both describe the same moment.
 */
export function overlayFrame(page: Page): Promise<OverlayFrame> {
  return page.evaluate(() => {
    const status = document.querySelector('[data-testid="backward-status"]')?.textContent ?? '';
    const source = document.querySelector<HTMLCanvasElement>('canvas[data-testid="overlay-canvas"]');
    if (!source || source.width === 0 || source.height === 0) return { status, hash: 0, drawn: 0 };
    const probe = document.createElement('canvas');
    probe.width = source.width;
    probe.height = source.height;
    const ctx = probe.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(source, 0, 0);
    const words = new Uint32Array(ctx.getImageData(0, 0, probe.width, probe.height).data.buffer);
    let hash = 0x811c9dc5;
    let drawn = 0;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (w === 0) continue;
      drawn++;
      hash = Math.imul(hash ^ w ^ i, 0x01000193) >>> 0;
    }
    return { status, hash, drawn };
  });
}

/**
 * Waits until the overlay has shown two different frames, neither of them `idleHash`, while the
 * status line reads `running`: the pulses move during a pass.
 */
export async function expectOverlayToMove(page: Page, idleHash: number, running: RegExp): Promise<void> {
  const seen = new Set<number>();
  await expect
    .poll(
      async () => {
        const frame = await overlayFrame(page);
        if (running.test(frame.status) && frame.hash !== idleHash) seen.add(frame.hash);
        return seen.size;
      },
      { message: 'the overlay changes while the pass runs', intervals: [40] },
    )
    .toBeGreaterThanOrEqual(2);
}

/**
 * How many overlay pixels are drawn (alpha > 0) in a screen rectangle. The overlay canvas may
 * sit anywhere and have any density: the rectangle is mapped through its bounding box.
 */
export function overlayDrawnIn(page: Page, rect: Box): Promise<number> {
  return page.evaluate((r) => {
    const source = document.querySelector<HTMLCanvasElement>('canvas[data-testid="overlay-canvas"]');
    if (!source || source.width === 0) return 0;
    const at = source.getBoundingClientRect();
    const sx = source.width / at.width;
    const sy = source.height / at.height;
    const x = Math.max(0, Math.floor((r.x - at.x) * sx));
    const y = Math.max(0, Math.floor((r.y - at.y) * sy));
    const w = Math.min(source.width - x, Math.ceil(r.width * sx));
    const h = Math.min(source.height - y, Math.ceil(r.height * sy));
    if (w <= 0 || h <= 0) return 0;
    const probe = document.createElement('canvas');
    probe.width = w;
    probe.height = h;
    const ctx = probe.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(source, x, y, w, h, 0, 0, w, h);
    const { data } = ctx.getImageData(0, 0, w, h);
    let drawn = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) drawn++;
    return drawn;
  }, rect);
}

/**
 * The overlay's drawn pixels in a thin strip just above a node's card, where the output's halo
 * runs, and in the same strip 60 px higher, where nothing is drawn: a ring drawn around the card
 * shows in the first and not the second.
 */
export async function ringAround(page: Page, node: Locator): Promise<{ near: number; away: number }> {
  const box = await node.boundingBox();
  if (!box) throw new Error('node without a box');
  // A strip along the top edge, 2 to 9 px above the card: where the output's halo runs.
  const near = await overlayDrawnIn(page, { x: box.x + box.width * 0.2, y: box.y - 9, width: box.width * 0.6, height: 7 });
  // The same strip 60 px higher: empty unless the halo is drawn somewhere else.
  const away = await overlayDrawnIn(page, { x: box.x + box.width * 0.2, y: box.y - 69, width: box.width * 0.6, height: 7 });
  return { near, away };
}

/** A point on the empty canvas (no node, wire, handle or panel under it or just around it). */
export async function emptySpot(page: Page): Promise<Point> {
  const spot = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const isEmpty = (x: number, y: number) => {
      const el = document.elementFromPoint(x, y);
      return !!el?.closest('.react-flow__pane') && !el.closest('.react-flow__node, .react-flow__edge, .react-flow__panel, .react-flow__handle');
    };
    for (let y = pane.top + 90; y < pane.bottom - 90; y += 16) {
      for (let x = pane.left + 90; x < pane.right - 200; x += 16) {
        if ([-40, 0, 40].every((dx) => [-40, 0, 40].every((dy) => isEmpty(x + dx, y + dy)))) return { x, y };
      }
    }
    return null;
  });
  if (!spot) throw new Error('no empty spot on the canvas');
  return spot;
}

/** The step number the status line reports while a pass runs ("Pass 1 · step 3 of 7" → 3), else 0. */
export function stepInStatus(status: string): number {
  const m = /step (\d+) of \d+/.exec(status);
  return m ? Number(m[1]) : 0;
}

/**
 * Turns the Animation speed slider to its fastest (8×) with the End key, the way a person who
 * has seen the pulses move lets the rest of the pass play quickly.
 */
export async function fastestAnimation(page: Page): Promise<void> {
  await page.getByRole('slider', { name: 'Animation speed' }).focus();
  await page.keyboard.press('End');
  await expect(backwardPanel(page).locator('.speed')).toContainText('8×');
}

/** Text as the panels print it: every minus before a digit is the true minus sign (U+2212). */
export function trueMinus(text: string): string {
  return text.replace(/-(?=\d)/g, '\u2212');
}
