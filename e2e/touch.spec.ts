import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { allEdges, allNodes, canvasBox, centreOf, dataOf, handle, IDENTITY_VIEW, nodeById, nodeIds, waitForLayout, wireEnds, type Point } from './helpers/canvas';
import { shotPath } from './helpers/shots';
import { Fingers, viewOf } from './helpers/touch';

/**
 * The playground under a finger, on a tablet and a phone: every step is a touch (tap, one-finger
 * drag, two-finger pinch, sent as Chromium's own touch input), never a mouse click. A finger is
 * not a cursor: taps land a dozen pixels off the dot they mean.
 */

const SCREENS = [
  { name: 'tablet', width: 1024, height: 768 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** What a finger at `at` lands on: the handle's node and id, or nothing. */
function handleUnder(page: Page, at: Point): Promise<string | null> {
  return page.evaluate(({ x, y }) => {
    const h = document.elementFromPoint(x, y)?.closest('.react-flow__handle');
    return h ? `${h.getAttribute('data-nodeid')}.${h.getAttribute('data-handleid')}` : null;
  }, at);
}

/** A point `dx` px beside a handle's dot: where a finger that meant the dot may well land. */
async function besideHandle(h: Locator, dx: number): Promise<Point> {
  const c = await centreOf(h);
  return { x: c.x + dx, y: c.y };
}

/** A bare canvas point inside `box` (a 16 px scan, with 24 px of bare canvas round it), or null. */
function bareSpotIn(page: Page, box: { x: number; y: number; width: number; height: number }): Promise<Point | null> {
  return page.evaluate((b) => {
    const bare = (x: number, y: number) => {
      const el = document.elementFromPoint(x, y);
      return !!el?.closest('.react-flow__pane') && !el.closest('.react-flow__node, .react-flow__edge, .react-flow__panel, .react-flow__handle');
    };
    for (let y = b.y + 24; y < b.y + b.height - 24; y += 16) {
      for (let x = b.x + 24; x < b.x + b.width - 24; x += 16) {
        if ([-24, 0, 24].every((dx) => [-24, 0, 24].every((dy) => bare(x + dx, y + dy)))) return { x, y };
      }
    }
    return null;
  }, box);
}

/** The ring tap-to-connect draws round a handle ('none' without one). */
function ringOf(h: Locator): Promise<string> {
  return h.evaluate((el) => getComputedStyle(el).boxShadow);
}

/** Drags a palette item onto the canvas with a finger; resolves to the new card. */
async function fingerDrop(page: Page, fingers: Fingers, item: string, to: Point): Promise<Locator> {
  const before = new Set(await nodeIds(page));
  await fingers.drag(await centreOf(page.getByTestId(`palette-${item}`)), to);
  await expect(allNodes(page)).toHaveCount(before.size + 1);
  const id = (await nodeIds(page)).find((n) => !before.has(n))!;
  return nodeById(page, id);
}

/** A first visit, the lecture graph laid out; the welcome left with a tap. */
async function openByTaps(page: Page): Promise<Fingers> {
  await page.goto('./');
  await expect(allNodes(page)).toHaveCount(7);
  await waitForLayout(page, IDENTITY_VIEW);
  const fingers = await Fingers.on(page);
  await fingers.tap(await centreOf(page.getByRole('button', { name: 'Start playing' })));
  await expect(page.getByTestId('welcome')).toBeHidden();
  return fingers;
}

for (const screen of SCREENS) {
  test.describe(`on a ${screen.name} (${screen.width}×${screen.height})`, () => {
    test.use({ viewport: { width: screen.width, height: screen.height }, hasTouch: true, isMobile: true });

    test('drags from the palette, connects by tapping and pinch-zooms', async ({ page }) => {
      const fingers = await openByTaps(page);

      // File → New, by taps (both screens keep File under More, in sight without a scroll).
      await fingers.tap(await centreOf(page.getByTestId('more-menu')));
      const item = page.getByRole('menuitem', { name: 'New (empty canvas)' });
      await expect(item).toBeInViewport({ ratio: 1 });
      await fingers.tap(await centreOf(item));
      await expect(allNodes(page)).toHaveCount(0);
      // An empty canvas starts at full size, whatever the last graph's fit was.
      await expect.poll(async () => (await viewOf(page)).zoom).toBe(1);

      // One finger from the palette to the canvas: no long press, the card lands where it was let go.
      const canvas = await canvasBox(page);
      const valueAt = { x: canvas.x + Math.min(130, canvas.width * 0.3), y: canvas.y + 110 };
      const value = await fingerDrop(page, fingers, 'value', valueAt);
      const box = (await value.boundingBox())!;
      expect(valueAt.x).toBeGreaterThan(box.x);
      expect(valueAt.x).toBeLessThan(box.x + box.width);
      const addAt = { x: canvas.x + Math.min(canvas.width - 110, 480), y: canvas.y + 330 };
      const add = await fingerDrop(page, fingers, 'add', addAt);

      // A handle's touch target: 12 px beside the dot is still the handle; the card's number is not covered.
      const out = handle(value, 'out');
      const inA = handle(add, 'a');
      const inB = handle(add, 'b');
      const valueId = (await value.getAttribute('data-id'))!;
      const addId = (await add.getAttribute('data-id'))!;
      expect(await handleUnder(page, await besideHandle(out, 12))).toBe(`${valueId}.out`);
      expect(await handleUnder(page, await besideHandle(inA, -12))).toBe(`${addId}.a`);
      expect(await handleUnder(page, await centreOf(value.getByTestId('node-data')))).toBeNull();

      // Tap the output (a little off the dot): the inputs it may feed are ringed, with a hint.
      expect(await ringOf(inA)).toBe('none');
      await fingers.tap(await besideHandle(out, 12));
      const hint = page.getByTestId('tap-connect');
      await expect(hint).toContainText('tap a ringed input');
      await expect.poll(() => ringOf(inA)).not.toBe('none');
      await expect.poll(() => ringOf(inB)).not.toBe('none');
      await page.screenshot({ path: shotPath('touch', `${screen.name}-tap-connect.png`) });
      await fingers.tap(await besideHandle(inA, -12));
      await expect(allEdges(page)).toHaveCount(1);
      await expect(hint).toBeHidden();
      expect(await ringOf(inA)).toBe('none');

      // The other way round: an input first, then the output.
      await fingers.tap(await besideHandle(inB, -12));
      await expect(hint).toContainText('tap a ringed output');
      await expect.poll(() => ringOf(out)).not.toBe('none');
      await fingers.tap(await besideHandle(out, 12));
      await expect(allEdges(page)).toHaveCount(2);
      expect(await wireEnds(page)).toEqual([
        { source: valueId, target: addId },
        { source: valueId, target: addId },
      ]);
      await expect.poll(() => dataOf(add)).toBe(2 * (await dataOf(value)));

      // A wire the graph cannot take is refused, the reason in the hint; a tap on the canvas gives up.
      await fingers.tap(await besideHandle(handle(add, 'out'), 12));
      await expect(hint).toContainText('no input here can take this wire');
      await fingers.tap(await besideHandle(inA, -12));
      await expect(hint).toContainText('cycle');
      await expect(allEdges(page)).toHaveCount(2);
      // Room for two fingers: the canvas below the cards.
      const spot = await bareSpotIn(page, { x: canvas.x, y: canvas.y + 420, width: canvas.width, height: canvas.height - 520 });
      expect(spot, 'bare canvas below the cards').not.toBeNull();
      const bare = spot!;
      await fingers.tap(bare);
      await expect(hint).toBeHidden();

      // Two fingers spread: zoom in about them; pinched: out again; one finger on the background pans.
      const before = await viewOf(page);
      await fingers.pinch(bare, 60, 180);
      await expect.poll(async () => (await viewOf(page)).zoom).toBeGreaterThan(before.zoom * 1.5);
      const zoomedIn = await viewOf(page);
      await fingers.pinch(bare, 180, 60);
      await expect.poll(async () => (await viewOf(page)).zoom).toBeLessThan(zoomedIn.zoom / 1.5);
      const pinched = await viewOf(page);
      await fingers.drag(bare, { x: bare.x - 60, y: bare.y - 80 });
      await expect.poll(async () => (await viewOf(page)).y).toBeLessThan(pinched.y - 40);
      const panned = await viewOf(page);
      expect(panned.zoom).toBe(pinched.zoom);
      expect(panned.x).toBeLessThan(pinched.x - 30);
      await page.screenshot({ path: shotPath('touch', `${screen.name}-built.png`) });
    });
  });
}

test.describe('on a phone, the drawers', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('fold out of the way: the palette as a card leaves it, both at a tap on the canvas', async ({ page }) => {
    const fingers = await openByTaps(page);
    const palette = page.getByTestId('palette');
    await expect(palette).toHaveClass(/is-folded/);
    await fingers.tap(await centreOf(page.getByRole('button', { name: 'Show the palette' })));
    await expect(palette).not.toHaveClass(/is-folded/);
    await page.screenshot({ path: shotPath('touch', 'phone-palette-drawer.png') });

    // Carried out of the open drawer, a card folds it, so it can be put down where the drawer was.
    // Sideways, as a card is pulled out of a shelf: up or down, the finger scrolls the list.
    const canvas = await canvasBox(page);
    const from = await centreOf(page.getByTestId('palette-mul'));
    const drop = { x: canvas.x + canvas.width - 90, y: from.y + 60 };
    await fingerDrop(page, fingers, 'mul', drop);
    await expect(palette).toHaveClass(/is-folded/);

    // Both drawers open; a tap on the canvas puts them away.
    await fingers.tap(await centreOf(page.getByRole('button', { name: 'Show the palette' })));
    const side = page.getByTestId('side-panel');
    await expect(palette).not.toHaveClass(/is-folded/);
    await fingers.tap(await centreOf(side.getByRole('button', { name: /^Show/ })));
    await expect(side).not.toHaveClass(/is-folded/);
    const paletteBox = (await palette.boundingBox())!;
    const sideBox = (await side.boundingBox())!;
    // Right of the palette, above the side panel's sheet: the canvas that still shows.
    const right = paletteBox.x + paletteBox.width;
    const between = await bareSpotIn(page, { x: right, y: canvas.y, width: canvas.x + canvas.width - right, height: sideBox.y - canvas.y });
    expect(between, 'some canvas shows between the drawers').not.toBeNull();
    await fingers.tap(between!);
    await expect(palette).toHaveClass(/is-folded/);
    await expect(side).toHaveClass(/is-folded/);
  });
});
