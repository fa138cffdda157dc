import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { allNodes, IDENTITY_VIEW, waitForLayout } from './helpers/canvas';
import { shotPath } from './helpers/shots';
import { modeButton } from './helpers/train';

/**
 * The tablet (1024×768) and phone (390×844) layouts: nothing scrolls sideways, the title and the
 * mode switch do not overlap, every header action is reachable (on the bar or under More), and
 * the minimap leaves the canvas to the graph.
 */

const SHOTS = 'layout15';
const SIZES = [
  { name: 'tablet', width: 1024, height: 768 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** How far the page is wider than the window: 0 when nothing overflows horizontally. */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await locator.boundingBox();
  if (!b) throw new Error(`no bounding box for ${locator}`);
  return b;
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * The header control a person presses for an action: on the bar when shown there, else under
 * More (opened if it is not). Either way it must come into the window (all but a sub-pixel), where a finger reaches it.
 */
async function reach(page: Page, what: string, find: (scope: Locator) => Locator): Promise<Locator> {
  return test.step(`reach ${what}`, async () => {
    let target = find(page.locator('header.app-header')).first();
    if (!(await target.isVisible())) {
      const more = page.getByTestId('more-menu');
      await expect(more).toBeVisible();
      if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
      target = find(page.getByRole('menu')).first();
      await expect(target).toBeVisible();
    }
    await target.scrollIntoViewIfNeeded();
    await expect(target).toBeInViewport({ ratio: 0.95 });
    return target;
  });
}

for (const size of SIZES) {
  test.describe(`${size.name} ${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('start screen and Train fit the width, title and modes apart, minimap small', async ({ page }) => {
      await page.goto('./');
      await expect(allNodes(page)).toHaveCount(7);
      await waitForLayout(page, IDENTITY_VIEW);
      const welcome = page.getByTestId('welcome');
      await expect(welcome).toBeVisible();
      await page.screenshot({ path: shotPath(SHOTS, `${size.name}-start.png`) });
      expect(await horizontalOverflow(page), 'the start screen scrolls sideways').toBeLessThanOrEqual(0);

      await welcome.getByRole('button', { name: 'Start playing' }).click();
      await expect(welcome).toBeHidden();

      const title = page.getByRole('heading', { level: 1 });
      const modes = page.getByRole('navigation', { name: 'Mode' });
      await expect(title).toBeVisible();
      await expect(modes).toBeVisible();
      expect(overlaps(await box(title), await box(modes)), 'the title overlaps the mode switch').toBe(false);
      // Levels stays on the bar at every width.
      await expect(page.getByTestId('open-levels')).toBeVisible();

      // The minimap, where shown, covers a small corner of the canvas only.
      const canvas = await box(page.locator('.react-flow').first());
      const minimap = page.locator('.react-flow__minimap');
      const share = (await minimap.isVisible()) ? ((b) => (b.width * b.height) / (canvas.width * canvas.height))(await box(minimap)) : 0;
      expect(share, 'share of the canvas under the minimap').toBeLessThan(0.04);

      await modeButton(page, 'Train').click();
      await expect(modeButton(page, 'Train')).toHaveAttribute('aria-pressed', 'true');
      // On a phone the panel starts folded, as a sheet a person opens.
      const show = page.getByRole('button', { name: 'Show Train' });
      if (size.name === 'phone') await show.click();
      await expect(page.getByTestId('train-panel')).toBeVisible();
      await page.screenshot({ path: shotPath(SHOTS, `${size.name}-train.png`) });
      expect(await horizontalOverflow(page), 'Train mode scrolls sideways').toBeLessThanOrEqual(0);
    });

    test('every header action is reachable, on the bar or under More', async ({ page }) => {
      await page.goto('./');
      await expect(allNodes(page)).toHaveCount(7);
      await page.getByTestId('welcome').getByRole('button', { name: 'Start playing' }).click();

      for (const m of ['Build', 'Backward', 'Train'] as const) await expect(modeButton(page, m)).toBeVisible();
      await expect(page.getByTestId('open-levels')).toBeVisible();

      await reach(page, 'Make a challenge', (s) => s.getByRole('button', { name: 'Make a challenge' }).or(s.getByRole('menuitem', { name: 'Make a challenge' })));
      await reach(page, 'Examples', (s) => s.getByTestId('examples-menu').or(s.getByTestId('preset-lecture-L')));
      await reach(page, 'save', (s) => s.getByTestId('file-menu').or(s.locator('[role="menuitem"][data-action="save"]')));
      for (const id of ['open', 'share', 'exportPng']) {
        await reach(page, id, (s) => s.getByTestId('file-menu').or(s.locator(`[role="menuitem"][data-action="${id}"]`)));
      }
      for (const id of ['undo', 'redo', 'tidy', 'fitView', 'theme', 'help']) {
        await reach(page, id, (s) => s.locator(`[data-action="${id}"]`));
      }
      await page.screenshot({ path: shotPath(SHOTS, `${size.name}-more.png`) });

      // An action under More works: the theme flips from there as from the bar.
      const html = page.locator('html');
      const before = await html.getAttribute('data-theme');
      await (await reach(page, 'theme again', (s) => s.locator('[data-action="theme"]'))).click();
      await expect(html).not.toHaveAttribute('data-theme', before ?? '');
    });
  });
}
