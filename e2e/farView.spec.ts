import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { serializeDocument } from '../src/document/file/serialize';
import { insertMlp } from '../src/document/network/insertMlp';
import { EMPTY_DOC, type GraphDoc } from '../src/document/types';
import { sampleGraph } from '../src/training/explainSample';
import { expect, test } from './fixtures';
import { allNodes, openPlayground } from './helpers/canvas';

/**
 * The far view, as a person meets it on a big graph: zoomed out, the ~300-node graph of one data
 * point is painted on one canvas (cards tinted by sign, wires by the sign they carry) with no
 * DOM card mounted; the card under the pointer comes up as the full card, to read and type
 * into; the edit repaints the picture; zooming in brings every card back as a DOM card.
 */

/** One point of MLP(2, [8, 8, 1]) taken apart op by op: 300-odd scalar nodes. */
function bigGraph(): GraphDoc {
  const { doc } = insertMlp(EMPTY_DOC, { nin: 2, sizes: [8, 8, 1], activation: 'tanh', seed: 3, style: 'neurons', loss: 'squared', at: { x: 0, y: 0 } });
  const graph = sampleGraph(doc, { x: [0.4, -0.3], label: 1 }, { form: 'scalars', cap: 1000 });
  if (!graph.ok) throw new Error(graph.reason);
  return graph.doc;
}

/** Where a point of a card (its top-left plus 40, 40 flow px) is on screen, from the canvas's transform. */
async function screenPoint(page: Page, at: { x: number; y: number }): Promise<{ x: number; y: number }> {
  return page.evaluate(([px, py]) => {
    const m = /translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([\d.e]+)\)/.exec((document.querySelector('.react-flow__viewport') as HTMLElement).style.transform)!;
    const r = document.querySelector('.react-flow')!.getBoundingClientRect();
    const z = Number(m[3]);
    return { x: r.left + Number(m[1]) + (px! + 40) * z, y: r.top + Number(m[2]) + (py! + 40) * z };
  }, [at.x, at.y]);
}

/** The colour of the screen at a point. */
async function pixel(page: Page, at: { x: number; y: number }): Promise<[number, number, number]> {
  const png = PNG.sync.read(await page.screenshot({ clip: { x: Math.round(at.x), y: Math.round(at.y), width: 1, height: 1 } }));
  return [png.data[0]!, png.data[1]!, png.data[2]!];
}

test('a big graph zoomed out is painted in one canvas; the card under the pointer comes up to edit; zooming in brings the cards back', async ({ page }) => {
  await openPlayground(page);
  const doc = bigGraph();
  const count = Object.keys(doc.nodes).length;
  expect(count).toBeGreaterThan(250);
  // Saved zoomed out to 0.3 (compact cards), the inputs near the left edge.
  const file = serializeDocument(doc, { x: 60, y: 40, zoom: 0.3 });
  await page.getByTestId('open-file-input').setInputFiles({ name: 'point.graph.json', mimeType: 'application/json', buffer: Buffer.from(file) });

  const far = page.getByTestId('far-view');
  await expect(far).toHaveAttribute('data-cards', String(count));
  await expect(far).toHaveClass(/is-on/);
  await expect(allNodes(page)).toHaveCount(0);

  // A leaf on screen: its card is painted, tinted by its sign, unlike the empty canvas beside it.
  const leaf = Object.values(doc.nodes).find((n): n is Extract<typeof n, { kind: 'value' }> => n.kind === 'value' && n.value !== 0 && n.position.x < 600)!;
  const at = await screenPoint(page, leaf.position);
  const empty = await screenPoint(page, { x: leaf.position.x - 400, y: leaf.position.y });
  expect(await pixel(page, at)).not.toEqual(await pixel(page, empty));

  if (process.env.FAR_SHOTS) await page.screenshot({ path: `${process.env.FAR_SHOTS}/far-view.png` });
  // The pointer over it brings up its full card, with its name and number, and typing edits it.
  await page.mouse.move(at.x, at.y);
  const card = page.locator(`[data-id="${leaf.id}"]`);
  await expect(card).toHaveCount(1);
  await expect(allNodes(page)).toHaveCount(1);
  await expect(card.getByTestId('node-data')).toHaveAttribute('title', new RegExp(`^${String(leaf.value).replace('.', '\\.')} `));
  await card.getByTestId('node-data').click();
  const painted = await page.evaluate(() => performance.getEntriesByName('playground:far-draw').length);
  await card.getByTestId('node-data-input').fill('-2.5');
  await card.getByTestId('node-data-input').press('Enter');
  await expect(card.getByTestId('node-data')).toHaveAttribute('title', /^-2\.5 /);
  // The picture is painted again with the new numbers.
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('playground:far-draw').length)).toBeGreaterThan(painted);

  // Away from the cards, nothing is mounted once focus has left the card too (Enter keeps it on
  // the number, and a focused card stays, so a keyboard user is never dropped): a click on the
  // empty canvas. Zoomed in past the compact zoom, every card on screen is a DOM card again.
  await page.mouse.click(empty.x, empty.y);
  await expect(allNodes(page)).toHaveCount(0);
  // The overview shows every card, and a press on it moves the view there.
  const overview = page.getByTestId('far-minimap');
  await expect(overview).toHaveAttribute('data-cards', String(count));
  const before = await page.evaluate(() => (document.querySelector('.react-flow__viewport') as HTMLElement).style.transform);
  const box = (await overview.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.35, box.y + box.height * 0.35);
  await expect.poll(() => page.evaluate(() => (document.querySelector('.react-flow__viewport') as HTMLElement).style.transform)).not.toBe(before);
  const pane = (await page.locator('.react-flow').boundingBox())!;
  // The wheel zooms in where the pointer is: the middle of the view, now on the graph.
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  for (let i = 0; i < 12; i++) await page.mouse.wheel(0, -200);
  await expect(far).not.toHaveClass(/is-on/);
  await expect.poll(() => allNodes(page).count()).toBeGreaterThan(3);
});

test('zoomed out, Tab reaches the cards the far view paints: each one wakes, takes focus and gives it to the next', async ({ page }) => {
  await openPlayground(page);
  const doc = bigGraph();
  const order = Object.keys(doc.nodes);
  const file = serializeDocument(doc, { x: 60, y: 40, zoom: 0.3 });
  await page.getByTestId('open-file-input').setInputFiles({ name: 'point.graph.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(page.getByTestId('far-view')).toHaveClass(/is-on/);
  // The pointer off the canvas, so only the keyboard wakes cards.
  await page.mouse.move(1, 1);
  await expect(allNodes(page)).toHaveCount(0);

  const focusedCard = () => page.evaluate(() => document.activeElement?.closest('.react-flow__node')?.getAttribute('data-id') ?? null);
  // Tab from the top of the page until focus is on a card: the graph's first.
  await page.locator('body').focus();
  let reached: string | null = null;
  for (let presses = 0; presses < 80 && reached === null; presses++) {
    await page.keyboard.press('Tab');
    // A woken card mounts a frame or two after the key: wait for focus to settle.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    reached = await focusedCard();
  }
  expect(reached).toBe(order[0]);

  await page.keyboard.press('Tab');
  await expect.poll(focusedCard).toBe(order[1]);
  await page.keyboard.press('Tab');
  await expect.poll(focusedCard).toBe(order[2]);
  // The card left behind goes back to the far view: no more than the focused one is mounted.
  await expect(allNodes(page)).toHaveCount(1);
  await expect(page.locator(`.react-flow__node[data-id="${order[2]}"]`)).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect.poll(focusedCard).toBe(order[1]);
});
