import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Counts the overlay canvas's non-transparent pixels by copying it into a 2D canvas. */
function overlayPixels(page: Page): Promise<{ drawn: number; total: number }> {
  return page.evaluate(() => {
    const source = document.querySelector<HTMLCanvasElement>('canvas[data-testid="overlay-canvas"]');
    if (!source || source.width === 0 || source.height === 0) return { drawn: 0, total: 0 };
    const probe = document.createElement('canvas');
    probe.width = source.width;
    probe.height = source.height;
    const ctx = probe.getContext('2d', { willReadFrequently: true });
    if (!ctx) return { drawn: 0, total: 0 };
    // The overlay keeps its drawing buffer (preserveDrawingBuffer), so this copies the last frame.
    ctx.drawImage(source, 0, 0);
    const { data } = ctx.getImageData(0, 0, probe.width, probe.height);
    let drawn = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) drawn++;
    return { drawn, total: probe.width * probe.height };
  });
}

test('the playground shell renders the editor, a live overlay once in Backward mode, and no console errors', async ({ page }) => {
  await page.goto('./');

  await expect(page.getByRole('heading', { name: 'Micrograd Playground', exact: true })).toBeVisible();
  for (const mode of ['Build', 'Backward', 'Train']) {
    await expect(page.getByRole('navigation', { name: 'Mode' }).getByRole('button', { name: mode, exact: true })).toBeVisible();
  }

  const flow = page.locator('.react-flow');
  await expect(flow).toBeVisible();
  const flowBox = await flow.boundingBox();
  expect(flowBox?.height ?? 0).toBeGreaterThan(300);
  // A first visit opens on the lecture's L = (a*b + c) * f.
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
  await expect(page.locator('.react-flow__minimap')).toBeVisible();
  await expect(page.locator('.react-flow__controls')).toBeVisible();

  // Building needs no overlay: pixi and its worker wait until Backward mode is first opened.
  await expect(page.getByTestId('overlay-host')).toBeAttached();
  await expect(page.getByTestId('overlay-canvas')).toHaveCount(0);
  const modes = page.getByRole('navigation', { name: 'Mode' });
  await modes.getByRole('button', { name: 'Backward', exact: true }).click();
  await expect(modes.getByRole('button', { name: 'Backward', exact: true })).toHaveAttribute('aria-pressed', 'true');

  const overlay = page.getByTestId('overlay-canvas');
  await expect(overlay).toBeVisible();

  // pixi draws on its ticker: wait until the overlay has put something on screen.
  await expect.poll(async () => (await overlayPixels(page)).drawn, { message: 'overlay draws' }).toBeGreaterThan(0);
  // ...while staying a transparent layer: most of the graph beneath must show through.
  const { drawn, total } = await overlayPixels(page);
  expect(drawn).toBeLessThan(total * 0.9);
  // StrictMode mounts twice in development; whatever the build, one overlay, never two.
  await expect(page.locator('canvas[data-testid="overlay-canvas"]')).toHaveCount(1);

  // The overlay lies over the nodes yet lets clicks through to them.
  const nodeA = page.locator('.react-flow__node').filter({ has: page.locator('[data-label="a"]') });
  await nodeA.getByTestId('node-label').click();
  await expect(nodeA).toHaveClass(/selected/);
  // Back in Build the overlay stays (started once, kept): still one.
  await modes.getByRole('button', { name: 'Build', exact: true }).click();
  await expect(page.locator('canvas[data-testid="overlay-canvas"]')).toHaveCount(1);
});
