import { expect, type Locator, type Page } from '@playwright/test';

/**
 * What a person sees and does on the canvas, in page terms: nodes found by their label, numbers
 * read from the cards, real pointer drags with page.mouse. No helper here sleeps: each waits on
 * something the page shows.
 */

export interface Point {
  x: number;
  y: number;
}

export interface Box extends Point {
  width: number;
  height: number;
}

/** Every React Flow node on the canvas. */
export function allNodes(page: Page): Locator {
  return page.locator('.react-flow__node');
}

/** Every wire on the canvas. */
export function allEdges(page: Page): Locator {
  return page.locator('.react-flow__edge');
}

/** The React Flow node whose card carries this label (leaves and ops; constants have ''). */
export function nodeByLabel(page: Page, label: string): Locator {
  return page.locator('.react-flow__node').filter({ has: page.locator(`[data-testid="node-card"][data-label="${label}"]`) });
}

/** The React Flow node with this id. */
export function nodeById(page: Page, id: string): Locator {
  return page.locator(`.react-flow__node[data-id="${id}"]`);
}

/** A node's data: the op's full-precision data-value, or a leaf's number (from its button's title). */
export async function dataOf(node: Locator): Promise<number> {
  const data = node.getByTestId('node-data');
  const value = await data.getAttribute('data-value');
  if (value !== null) return Number(value);
  // A leaf's data is a button titled "<value> (drag to scrub, click to type)".
  const title = (await data.getAttribute('title')) ?? '';
  return Number(title.split(' ')[0]);
}

/** The node's id, from React Flow's wrapper. */
export async function idOf(node: Locator): Promise<string> {
  const id = await node.getAttribute('data-id');
  if (!id) throw new Error('node without data-id');
  return id;
}

/** The canvas pane's transform: `translate(Xpx, Ypx) scale(Z)`. */
export function viewportTransform(page: Page): Promise<string> {
  return page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
}

/** A node's position in flow coordinates, from its `translate(x px, y px)`. */
export async function flowPosition(node: Locator): Promise<Point> {
  const transform = await node.evaluate((el) => (el as HTMLElement).style.transform);
  const m = /translate\(\s*(-?[\d.e+-]+)px,\s*(-?[\d.e+-]+)px\)/.exec(transform);
  if (!m) throw new Error(`unexpected node transform '${transform}'`);
  return { x: Number(m[1]), y: Number(m[2]) };
}

/** Everything that moves on the canvas, as one string: the view and every node's place. */
function canvasSnapshot(page: Page): Promise<string> {
  return page.evaluate(() => {
    const vp = document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
    const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
      .map((n) => `${n.dataset.id}@${n.style.transform}`)
      .join('|');
    return `${vp}#${nodes}`;
  });
}

/** Waits until nothing on the canvas has moved over a few consecutive samples. */
export async function settle(page: Page): Promise<void> {
  let last = '';
  let still = 0;
  await expect
    .poll(
      async () => {
        const now = await canvasSnapshot(page);
        still = now === last ? still + 1 : 0;
        last = now;
        return still;
      },
      { message: 'the canvas stops moving', intervals: [100] },
    )
    .toBeGreaterThanOrEqual(3);
}

/**
 * Waits for an automatic layout (first visit, a preset, a file) to finish: it ends by fitting
 * the graph in view, so the view changes from `before`, then everything comes to rest.
 */
export async function waitForLayout(page: Page, before: string): Promise<void> {
  await expect.poll(() => viewportTransform(page), { message: 'the layout fits the graph in view' }).not.toBe(before);
  await settle(page);
}

/** The view React Flow starts with before anything fits it. */
export const IDENTITY_VIEW = 'translate(0px, 0px) scale(1)';

/**
 * A first visit: the lecture's L graph, laid out and fitted; then the welcome card is closed
 * the way a person closes it, so it does not cover the canvas.
 */
export async function openPlayground(page: Page, path = './'): Promise<void> {
  await page.goto(path);
  await expect(allNodes(page)).toHaveCount(7);
  await waitForLayout(page, IDENTITY_VIEW);
  const welcome = page.getByTestId('welcome');
  await welcome.getByRole('button', { name: 'Start playing' }).click();
  await expect(welcome).toBeHidden();
}

/** The centre of an element on screen. */
export async function centreOf(locator: Locator): Promise<Point> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`no bounding box for ${locator}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A real pointer drag: press, move in several steps, release. */
export async function drag(page: Page, from: Point, to: Point, steps = 3): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  // A first small move crosses drag thresholds the way a hand does, before the long travel.
  await page.mouse.move(from.x + Math.sign(to.x - from.x || 1) * 6, from.y + Math.sign(to.y - from.y) * 6);
  await page.mouse.move(to.x, to.y, { steps });
  await page.mouse.up();
}

/** The canvas area on screen. */
export async function canvasBox(page: Page): Promise<Box> {
  const box = await page.locator('.react-flow').boundingBox();
  if (!box) throw new Error('no canvas');
  return box;
}

/** Drags a palette item onto the canvas at this screen point; resolves once the node is there. */
export async function dragFromPalette(page: Page, item: string, to: Point): Promise<void> {
  const before = await allNodes(page).count();
  await drag(page, await centreOf(page.getByTestId(`palette-${item}`)), to);
  await expect(allNodes(page)).toHaveCount(before + 1);
}

/** A place on a card that is neither a control nor a handle: where a hand grabs it to move it. */
export function grip(node: Locator): Locator {
  return node.locator('.node-row__key', { hasText: 'grad' });
}

/** Drags a node by its grip by (dx, dy) screen pixels. */
export async function dragNodeBy(page: Page, node: Locator, dx: number, dy: number): Promise<void> {
  const from = await centreOf(grip(node));
  await drag(page, from, { x: from.x + dx, y: from.y + dy });
}

/** A node's output handle, or one of its input handles ('a', 'b', 'x'). */
export function handle(node: Locator, id: string): Locator {
  return node.locator(`.react-flow__handle[data-handleid="${id}"]`);
}

/** Draws a wire from one node's output to another node's input, with the mouse. */
export async function wire(page: Page, from: Locator, to: Locator, port: string): Promise<void> {
  await drag(page, await centreOf(handle(from, 'out')), await centreOf(handle(to, port)));
}

/** Clicks a leaf's number, types a new one and presses Enter. */
export async function typeValue(page: Page, node: Locator, text: string): Promise<void> {
  await node.getByTestId('node-data').click();
  const input = node.getByTestId('node-data-input');
  await expect(input).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expect(input).toBeHidden();
}

/** Clicks an empty part of the canvas near this screen point (clears the selection). */
export async function clickEmptyCanvas(page: Page, at: Point): Promise<void> {
  await page.mouse.click(at.x, at.y);
}

/** The wires as React Flow describes them: "Edge from <source> to <target>". */
export async function wireEnds(page: Page): Promise<{ source: string; target: string }[]> {
  const labels = await allEdges(page).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  return labels.map((label) => {
    const m = /^Edge from (\S+) to (\S+)$/.exec(label);
    if (!m) throw new Error(`unexpected edge label '${label}'`);
    return { source: m[1]!, target: m[2]! };
  });
}

/** Ids of the selected nodes. */
export function selectedIds(page: Page): Promise<string[]> {
  return page.locator('.react-flow__node.selected').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? '').sort());
}

/** Ids of every node. */
export function nodeIds(page: Page): Promise<string[]> {
  return allNodes(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? '').sort());
}

/** The most recent toast. */
export function toast(page: Page): Locator {
  return page.getByTestId('toast');
}

/** The pairs of cards on the canvas whose screen boxes overlap (a pixel of slack); empty when none do. */
export async function cardsOverlap(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((n) => ({ id: n.dataset.id ?? '', r: n.getBoundingClientRect() }));
    const hits: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.r;
        const b = boxes[j]!.r;
        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) hits.push(`${boxes[i]!.id} × ${boxes[j]!.id}`);
      }
    }
    return hits;
  });
}
