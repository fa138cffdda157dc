import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { allNodes, cardsOverlap, IDENTITY_VIEW, nodeByLabel, settle, viewportTransform, waitForLayout } from './helpers/canvas';
import { insertDefaultMlp, modeButton } from './helpers/train';

/**
 * Semantic zoom, as a person meets it: a graph too big for full cards at the fitted zoom is
 * drawn in compact cards whose text is still at least 11 px on screen; hovering a card or
 * reaching it with the keyboard shows the full card at a readable size; zooming in brings
 * every full card back. Text sizes are read off the page: each text's computed font size
 * times every scale between it and the screen (the canvas zoom, a hovered card's lift).
 */

/** The smallest on-screen text a person reads without effort, in CSS pixels. */
const LEGIBLE_PX = 11;

/** Where screenshots go when ZOOM_SHOTS names a folder (the journey checks the same either way). */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.ZOOM_SHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png` });
}

/** The canvas zoom, from the viewport's transform. */
async function zoomOf(page: Page): Promise<number> {
  const m = /scale\(([\d.e+-]+)\)/.exec(await viewportTransform(page));
  return m ? Number(m[1]) : NaN;
}

/** A fresh first visit, then an example from the menu, laid out and fitted. */
/** Opens a header menu as a person would: on the bar when it is there, else under More (narrow screens). */
async function openHeaderMenu(page: Page, testId: string): Promise<void> {
  const menu = page.getByTestId(testId);
  if (await menu.isVisible()) await menu.click();
  else await page.getByTestId('more-menu').click();
}

async function openExample(page: Page, id: string, nodes: number): Promise<void> {
  await page.goto('./');
  await expect(allNodes(page)).toHaveCount(7);
  await openHeaderMenu(page, 'examples-menu');
  await page.getByTestId(`preset-${id}`).click();
  await expect(allNodes(page)).toHaveCount(nodes);
  await expect(page.locator('.canvas-area[data-arranging]')).toHaveCount(0);
  await settle(page);
}

/** A fresh visit, File → New, Train mode, Insert MLP with the form's 2-16-16-1: the network fitted. */
async function openNetwork(page: Page): Promise<void> {
  await page.goto('./');
  await expect(allNodes(page)).toHaveCount(7);
  await openHeaderMenu(page, 'file-menu');
  await page.getByRole('menuitem', { name: 'New (empty canvas)' }).click();
  await expect(allNodes(page)).toHaveCount(0);
  await modeButton(page, 'Train').click();
  await insertDefaultMlp(page);
  await settle(page);
}

/** On a phone the palette and the side panel fill the screen: fold both, as a person would, and fit. */
async function foldPanelsAndFit(page: Page): Promise<void> {
  // A phone opens with both folded already (and the view fitted to that); fold what is open.
  let folded = false;
  const palette = page.getByRole('button', { name: 'Fold the palette' });
  if (await palette.isVisible()) {
    await palette.click();
    folded = true;
  }
  const side = page.getByTestId('side-panel').getByRole('button', { name: /^Fold / });
  if (await side.isVisible()) {
    await side.click();
    folded = true;
  }
  const before = await viewportTransform(page);
  await page.getByRole('button', { name: 'Fit View' }).click();
  if (folded) await expect.poll(() => viewportTransform(page)).not.toBe(before);
  await settle(page);
}

/** Every text of the compact cards inside the canvas's visible box, with its on-screen size. */
function visibleCompactText(page: Page): Promise<{ text: string; px: number; label: string }[]> {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const zoom = Number(/scale\(([\d.e+-]+)\)/.exec(document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform)?.[1]);
    const out: { text: string; px: number; label: string }[] = [];
    for (const card of document.querySelectorAll<HTMLElement>('[data-testid="compact-card"]')) {
      // Seen: its centre on the canvas and not under a panel or another card.
      const box = card.getBoundingClientRect();
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      const onCanvas = x > pane.left && x < pane.right && y > pane.top && y < pane.bottom;
      const hit = onCanvas ? document.elementFromPoint(x, y)?.closest('.react-flow__node') : null;
      if (hit !== card.closest('.react-flow__node') || getComputedStyle(card).visibility === 'hidden') continue;
      for (const el of card.querySelectorAll<HTMLElement>('.compact-card__label, .compact-card__number')) {
        out.push({ text: el.textContent ?? '', px: parseFloat(getComputedStyle(el).fontSize) * zoom, label: card.dataset.label ?? '' });
      }
    }
    return out;
  });
}

/**
 * The fitted zoom is too far out for full cards (their 13 px numbers would be under 11 px), and
 * every compact text a person sees (at least `atLeast` of them) is 11 px or more on screen.
 */
async function expectCompactAndLegible(page: Page, atLeast: number): Promise<void> {
  expect(13 * (await zoomOf(page))).toBeLessThan(LEGIBLE_PX);
  const texts = await visibleCompactText(page);
  expect(texts.length, 'compact text in view').toBeGreaterThan(atLeast);
  for (const t of texts) expect(t.px, `“${t.text}” on ${t.label}`).toBeGreaterThanOrEqual(LEGIBLE_PX);
}

/** The on-screen size of one element's text: font size × canvas zoom × the scale of its card. */
function screenTextPx(el: Locator): Promise<number> {
  return el.evaluate((node) => {
    const zoom = Number(/scale\(([\d.e+-]+)\)/.exec(document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform)?.[1]);
    const card = node.closest<HTMLElement>('.node-card')!;
    const lift = card.getBoundingClientRect().width / (card.offsetWidth * zoom);
    return parseFloat(getComputedStyle(node).fontSize) * zoom * lift;
  });
}

/** The full card's opacity as drawn (0 while a compact card stands in for it). */
function fullCardOpacity(node: Locator): Promise<number> {
  return node.locator('[data-testid="node-card"]').evaluate((el) => Number(getComputedStyle(el).opacity));
}

/** The compact card of a node. */
function compactOf(node: Locator): Locator {
  return node.getByTestId('compact-card');
}

/** The mean colour of an element as it is drawn on screen, from a screenshot. */
async function meanColour(page: Page, el: Locator): Promise<{ r: number; g: number; b: number }> {
  const png = await el.screenshot({ animations: 'disabled' });
  return page.evaluate(async (base64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${base64}`;
    await img.decode();
    const c = new OffscreenCanvas(img.width, img.height);
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const px = g.getImageData(0, 0, img.width, img.height).data;
    let r = 0, gr = 0, b = 0;
    for (let i = 0; i < px.length; i += 4) {
      r += px[i]!;
      gr += px[i + 1]!;
      b += px[i + 2]!;
    }
    const n = px.length / 4;
    return { r: r / n, g: gr / n, b: b / n };
  }, png.toString('base64'));
}

const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'tablet', width: 1024, height: 768 },
  { name: 'phone', width: 390, height: 844 },
] as const;

for (const vp of VIEWPORTS) {
  test(`the micrograd README example is readable at the fitted zoom (${vp.name})`, async ({ page }) => {
    await page.setViewportSize({ width: vp.width, height: vp.height });
    await openExample(page, 'micrograd-readme', 33);
    if (vp.width < 600) await foldPanelsAndFit(page);
    await shot(page, `readme-${vp.name}`);
    await expect(page.getByTestId('compact-card')).toHaveCount(33);
    await expectCompactAndLegible(page, 8);
  });
}

test('compact cards: one number in its sign’s colour, the full card on hover and on keyboard focus, full cards again zoomed in', async ({ page }) => {
  await openExample(page, 'micrograd-readme', 33);
  const g = nodeByLabel(page, 'g');
  // g = 24.7041: the compact card shows it in three digits, washed in the positive blue.
  await expect(compactOf(g)).toContainText('24.7');
  expect(await fullCardOpacity(g)).toBe(0);
  const blue = await meanColour(page, compactOf(g));
  expect(blue.b, 'a positive number reads blue').toBeGreaterThan(blue.r + 20);
  // a = −4: washed in the negative orange.
  const a = nodeByLabel(page, 'a');
  await expect(compactOf(a)).toContainText('\u22124.00');
  const orange = await meanColour(page, compactOf(a));
  expect(orange.r, 'a negative number reads orange').toBeGreaterThan(orange.b + 20);

  // Hover: the full card comes back over its neighbours, in place (its handles stay where the
  // pointer found them, so a wire can still be drawn zoomed out).
  const before = await g.getByTestId('node-data').boundingBox();
  await g.hover();
  await expect(compactOf(g)).toBeHidden();
  await expect.poll(() => fullCardOpacity(g)).toBe(1);
  expect(await g.getByTestId('node-data').boundingBox()).toEqual(before);
  await expect(g.getByTestId('node-data')).toHaveText('\u200724.7041');

  // Keyboard: from the node a, Tab moves on through the canvas; the card it lands in shows in full.
  await page.mouse.move(5, 5);
  await expect(compactOf(g)).toBeVisible();
  await a.focus();
  await page.keyboard.press('Tab');
  const focusedId = await page.evaluate(() => document.activeElement?.closest<HTMLElement>('.react-flow__node')?.dataset.id ?? '');
  expect(focusedId, 'the keyboard focus is on the canvas').not.toBe('');
  const focused = page.locator(`.react-flow__node[data-id="${focusedId}"]`);
  await expect(compactOf(focused)).toBeHidden();
  await expect.poll(() => fullCardOpacity(focused)).toBe(1);
  expect(await screenTextPx(focused.getByTestId('node-data'))).toBeGreaterThanOrEqual(LEGIBLE_PX);

  // Zooming in past the threshold brings every full card back and every compact card away.
  await page.mouse.move(5, 5);
  const zoomIn = page.getByRole('button', { name: 'Zoom In' });
  while ((await zoomOf(page)) < 0.9) {
    const before = await viewportTransform(page);
    await zoomIn.click();
    await expect.poll(() => viewportTransform(page)).not.toBe(before);
  }
  await expect(page.getByTestId('compact-card')).toHaveCount(0);
  expect(await fullCardOpacity(g)).toBe(1);
  expect(await screenTextPx(g.getByTestId('node-data'))).toBeGreaterThanOrEqual(LEGIBLE_PX);
});

test('in Backward mode a compact card shows the grad: the README’s 138.8338 and 645.5773', async ({ page }) => {
  await openExample(page, 'micrograd-readme', 33);
  await modeButton(page, 'Backward').click();
  const panel = page.getByTestId('backward-panel');
  await panel.locator('[data-action="backward"]').click();
  await expect(nodeByLabel(page, 'a').getByTestId('node-grad')).toHaveAttribute('data-value', /^138\.83/, { timeout: 90_000 });
  await expect(compactOf(nodeByLabel(page, 'a'))).toContainText('139');
  await expect(compactOf(nodeByLabel(page, 'b'))).toContainText('646');
});

/** Every node's screen box that is not wholly inside the canvas, by label. */
function nodesOutsideCanvas(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
      .filter((n) => {
        const r = n.getBoundingClientRect();
        return r.left < pane.left || r.right > pane.right || r.top < pane.top || r.bottom > pane.bottom;
      })
      .map((n) => n.querySelector<HTMLElement>('[data-label]')?.dataset.label ?? n.dataset.id ?? '');
  });
}

/** The on-screen left edge of every neuron of layer `layer` (labels L1.N0, L1.N1, ...). */
function unitLefts(page: Page, layer: number): Promise<number[]> {
  return page.evaluate((prefix) => {
    return [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
      .filter((n) => n.querySelector<HTMLElement>('[data-testid="node-card"]')?.dataset.label?.startsWith(prefix))
      .map((n) => n.getBoundingClientRect().left);
  }, `L${layer}.N`);
}

// On a desktop the whole network fits the canvas at zoom 0.25 or more; a tablet's canvas, under
// the welcome strip, is ~525 px tall and 16 units need ~0.2, below the fit's floor: there the
// columns, the spacing and the text are checked, and the top and bottom unit of L2 are cut.
for (const vp of [{ ...VIEWPORTS[0]!, whole: true }, { ...VIEWPORTS[1]!, whole: false }]) {
  test(`a 2-16-16-1 network is drawn as three columns of units, readable at the fitted zoom (${vp.name})`, async ({ page }) => {
    await page.setViewportSize({ width: vp.width, height: vp.height });
    await openNetwork(page);
    await shot(page, `mlp-${vp.name}`);
    await expect(page.locator('.compact-unit')).toHaveCount(33);
    if (vp.whole) expect(await nodesOutsideCanvas(page), 'cards outside the canvas').toEqual([]);
    expect(await cardsOverlap(page), 'cards overlapping').toEqual([]);
    // Three columns: every unit of L1 left of every unit of L2, and L2's left of L3's.
    const [l1, l2, l3] = await Promise.all([1, 2, 3].map((l) => unitLefts(page, l)));
    expect([l1!.length, l2!.length, l3!.length]).toEqual([16, 16, 1]);
    expect(Math.max(...l1!)).toBeLessThan(Math.min(...l2!));
    expect(Math.max(...l2!)).toBeLessThan(Math.min(...l3!));
    await expectCompactAndLegible(page, 30);
  });
}

test('a 2-16-16-1 network is drawn as units and wires, readable at the fitted zoom', async ({ page }) => {
  await openNetwork(page);
  // Every neuron is a unit: a disc in its output's colour.
  await expect(page.locator('.compact-unit')).toHaveCount(33);
  await expectCompactAndLegible(page, 10);
  // The weights are the wires: coloured by sign in Train mode, both signs present.
  await expect(page.locator('.value-edge.is-weight.value-edge--pos').first()).toBeAttached();
  await expect(page.locator('.value-edge.is-weight.value-edge--neg').first()).toBeAttached();
});

test('on a tablet the first visit fits the lecture’s L whole on the canvas', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('./');
  await expect(allNodes(page)).toHaveCount(7);
  await waitForLayout(page, IDENTITY_VIEW);
  await shot(page, 'first-visit-tablet');
  // Every card lies inside the canvas and is not covered by the welcome strip or a panel.
  const cut = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
      .filter((n) => {
        const r = n.getBoundingClientRect();
        const corners = [[r.left + 2, r.top + 2], [r.right - 2, r.top + 2], [r.left + 2, r.bottom - 2], [r.right - 2, r.bottom - 2]];
        const inside = r.left >= pane.left && r.right <= pane.right && r.top >= pane.top && r.bottom <= pane.bottom;
        return !inside || corners.some(([x, y]) => document.elementFromPoint(x!, y!)?.closest('.react-flow__node') !== n);
      })
      .map((n) => n.querySelector<HTMLElement>('[data-testid="node-card"]')?.dataset.label ?? n.dataset.id);
  });
  expect(cut, 'cards cut off or covered').toEqual([]);
});
