import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { actionButton, backwardPanel, enterBackwardMode } from './helpers/backward';
import { nodeByLabel, openPlayground, typeValue } from './helpers/canvas';
import { modeButton } from './helpers/train';
import { shotPath } from './helpers/shots';

/**
 * Accessibility as axe-core's rules engine judges it: Build, Backward, Train and the level map,
 * in both themes, with no serious or critical violation; and the one polite live region saying
 * what changed after an edit and after Backward, as a screen reader would read it out.
 */

const SHOTS = 'a11y15';
type Theme = 'dark' | 'light';

/** Every serious or critical violation on the page right now, one readable line per element. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((n) => `${v.impact} ${v.id}: ${v.help}\n    at ${n.target.join(' ')}\n    ${n.failureSummary?.replace(/\n/g, '\n    ') ?? ''}`),
    );
}

/** Presses the header's theme button until the page wears `theme`. */
async function useTheme(page: Page, theme: Theme): Promise<void> {
  const html = page.locator('html');
  if ((await html.getAttribute('data-theme')) !== theme) await actionButton(page, 'theme').first().click();
  await expect(html).toHaveAttribute('data-theme', theme);
  // Colours glide to the new theme (CSS transitions): judge, and picture, the colours they land on.
  await page.waitForFunction(() => document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState === 'finished'));
}

async function check(page: Page, screen: string, theme: Theme): Promise<void> {
  await page.screenshot({ path: shotPath(SHOTS, `${screen}-${theme}.png`) });
  const found = await seriousViolations(page);
  // Soft: one run reports every screen's violations, not just the first screen's.
  expect.soft(found, `serious or critical axe violations in ${screen} (${theme}):\n${found.join('\n')}`).toEqual([]);
}

test.describe('accessibility', () => {
  for (const theme of ['dark', 'light'] as const) {
    test(`axe finds no serious or critical violation in Build, Backward, Train and the level map (${theme})`, async ({ page }) => {
      test.setTimeout(120_000);
      await openPlayground(page);
      await useTheme(page, theme);
      await check(page, 'build', theme);

      await enterBackwardMode(page);
      await actionButton(page, 'backward').first().click();
      await expect(backwardPanel(page).getByTestId('backward-status')).toContainText(/backward pass/i);
      await check(page, 'backward', theme);

      await modeButton(page, 'Train').click();
      await expect(page.getByTestId('train-panel')).toBeVisible();
      await expect(page.getByTestId('boundary-canvas')).toHaveCount(1);
      await check(page, 'train', theme);

      await page.getByTestId('open-levels').click();
      await expect(page.getByTestId('level-map')).toBeVisible();
      await check(page, 'level-map', theme);

      // The colour changes at the other sizes the playground is used at, for a look.
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('level-map')).toBeHidden();
      for (const [w, h] of [[1024, 768], [390, 844]] as const) {
        await page.setViewportSize({ width: w, height: h });
        await page.screenshot({ path: shotPath(SHOTS, `train-${theme}-${w}x${h}.png`) });
      }
    });
  }

  test('the one live region says what an edit changed, each stepped chain rule, and what Backward found', async ({ page }) => {
    await openPlayground(page);
    const live = page.getByTestId('announcer');
    await expect(live).toHaveAttribute('aria-live', 'polite');
    // L = (a·b + c)·f with a = 3: (3·−3 + 10)·−2 = −2; then a.grad = b·f = 6, b.grad = a·f = −6, f.grad = d = 1.
    await typeValue(page, nodeByLabel(page, 'a'), '3');
    await expect(live).toHaveText('L is now \u22122.0');
    await enterBackwardMode(page);
    // One polite region for the app (React Flow keeps its own assertive one for keyboard moves).
    await expect(page.locator('[aria-live="polite"]')).toHaveCount(1);
    await actionButton(page, 'stepBackward').first().click();
    await expect(live).toHaveText('Step 1 of 7: dL/dL = 1.0');
    await actionButton(page, 'finishBackward').first().click();
    await expect(live).toHaveText(/^Backward done: L\.grad 1\.0; a\.grad 6\.0, b\.grad \u22126\.0, c\.grad \u22122\.0, f\.grad 1\.0$/);
  });

  test('every card is named for a screen reader by its label, op, data and grad, and the name follows the numbers', async ({ page }) => {
    await openPlayground(page);
    // The lecture's L graph: d = e + c = 4.0; after Backward d.grad = f = −2.0.
    const d = page.getByRole('group', { name: 'd, add: data 4.0, grad 0.0' });
    await expect(d).toHaveCount(1);
    await expect(page.getByRole('group', { name: 'a, value: data 2.0, grad 0.0' })).toHaveCount(1);
    await enterBackwardMode(page);
    await actionButton(page, 'backward').first().click();
    await actionButton(page, 'finishBackward').first().click();
    await expect(page.getByRole('group', { name: 'd, add: data 4.0, grad \u22122.0' })).toHaveCount(1);
    await expect(page.getByRole('group', { name: 'a, value: data 2.0, grad 6.0' })).toHaveCount(1);
  });
});
