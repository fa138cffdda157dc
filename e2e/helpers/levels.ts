import { expect, type Locator, type Page } from '@playwright/test';
import { allNodes, canvasBox, dragFromPalette, nodeById, nodeIds, openPlayground, settle, viewportTransform, type Point } from './canvas';

/**
 * The levels in page terms: the map, the goal strip, typed predictions, the solved badge and
 * its stars. Every helper waits on what the page shows.
 */

/** The strip above the canvas while a level is played. */
export function goal(page: Page): Locator {
  return page.getByTestId('goal-strip');
}

/** Opens the level map from the header. */
export async function openMap(page: Page): Promise<Locator> {
  await page.getByTestId('open-levels').click();
  const map = page.getByTestId('level-map');
  await expect(map).toBeVisible();
  return map;
}

/** A first visit, the map, "Unlock all" as a teacher would, then this level's card. */
export async function playUnlocked(page: Page, id: string, nodes?: number): Promise<void> {
  await openPlayground(page);
  const map = await openMap(page);
  await map.getByTestId('unlock-all').check();
  await map.getByTestId(`level-card-${id}`).click();
  await expect(map).toBeHidden();
  await expect(goal(page)).toBeVisible();
  if (nodes !== undefined) await expect(allNodes(page)).toHaveCount(nodes);
}

/** Types a prediction into the goal strip. */
export async function predict(page: Page, id: string, text: string): Promise<void> {
  await goal(page).getByTestId(`prediction-${id}`).fill(text);
}

/** The solved badge is up with this many stars. */
export async function expectSolvedWith(page: Page, stars: number): Promise<void> {
  const solved = page.getByTestId('level-solved');
  await expect(solved).toBeVisible();
  await expect(solved.getByTestId('stars')).toHaveAttribute('data-stars', String(stars));
}

/** Not solved (yet). */
export async function expectNotSolved(page: Page): Promise<void> {
  await expect(page.getByTestId('level-solved')).toHaveCount(0);
}

/** The map card's stars after leaving the level (the saved best). */
export async function mapStars(page: Page, id: string): Promise<string | null> {
  const map = await openMap(page);
  const stars = await map.getByTestId(`level-card-${id}`).getByTestId('stars').getAttribute('data-stars');
  await map.getByRole('button', { name: 'Close' }).click();
  await expect(map).toBeHidden();
  return stars;
}

/** Drags a palette item to a point and returns the new node. */
export async function dropNew(page: Page, item: string, at: Point): Promise<Locator> {
  const before = new Set(await nodeIds(page));
  await dragFromPalette(page, item, at);
  await expect.poll(async () => (await nodeIds(page)).length).toBe(before.size + 1);
  const id = (await nodeIds(page)).find((x) => !before.has(x));
  if (!id) throw new Error(`no new node after dropping ${item}`);
  return nodeById(page, id);
}

/**
 * Zooms out with the canvas's − button until `columns` card widths of free canvas lie to the
 * right of these cards; returns where that room starts and how wide it is.
 */
export async function makeRoomRightOf(page: Page, cards: Locator[], columns: number): Promise<{ right: number; free: number }> {
  const box = await canvasBox(page);
  const room = async () => {
    const boxes = await Promise.all(cards.map(async (c) => (await c.boundingBox())!));
    const right = Math.max(...boxes.map((b) => b.x + b.width));
    return { right, width: boxes[0]!.width, free: box.x + box.width - right };
  };
  for (let i = 0; i < 10; i++) {
    const r = await room();
    if (r.free >= columns * r.width) break;
    const before = await viewportTransform(page);
    await page.locator('.react-flow__controls-zoomout').click();
    await expect.poll(() => viewportTransform(page)).not.toBe(before);
    await settle(page);
  }
  const { right, free } = await room();
  return { right, free };
}
