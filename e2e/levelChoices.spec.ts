import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openPlayground } from './helpers/canvas';

/**
 * Levels that ask the player to choose rather than build: level 10's training loop, where the
 * player puts zero_grad into a gap of the loop and the real loop runs with it there, and level
 * 8's choice of how backward writes a grad. Played from the map, unlocked as a teacher would.
 */

async function playUnlocked(page: Page, id: string): Promise<void> {
  await openPlayground(page);
  await page.getByTestId('open-levels').click();
  const map = page.getByTestId('level-map');
  await map.getByTestId('unlock-all').check();
  await map.getByTestId(`level-card-${id}`).click();
  await expect(map).toBeHidden();
  await expect(page.getByTestId('goal-strip')).toBeVisible();
}

test('level 10: zero_grad between backward and the update is refused with the reason; before the forward pass the loss falls below the target', async ({ page }) => {
  await playUnlocked(page, 'forgot-zero-grad');
  const strip = page.getByTestId('goal-strip');
  const check = strip.getByTestId('check-loss-below');
  await expect(check).not.toHaveAttribute('data-passed', /.*/);
  await expect(strip.getByTestId('loop-step')).toHaveCount(3);

  // Zeroed after backward, the update reads zeros: the loss stays where it started.
  await strip.getByTestId('loop-gap-2').click();
  await expect(strip.getByTestId('why-loss-below')).toBeVisible();
  await expect(check).not.toHaveAttribute('data-passed', /.*/);

  await strip.getByTestId('loop-gap-0').click();
  await expect(check).toHaveAttribute('data-passed', 'true');
  await expect(page.getByTestId('level-solved')).toBeVisible();
});

test('level 8: backward that writes grads with = leaves a.grad at 1; with += it adds both uses and the check passes', async ({ page }) => {
  await playUnlocked(page, 'node-used-twice');
  const strip = page.getByTestId('goal-strip');
  const check = strip.getByTestId('check-a-grad-2');
  await strip.getByTestId('option-assign').click();
  await expect(strip.getByTestId('option-assign')).toHaveAttribute('aria-pressed', 'true');
  await expect(check).not.toHaveAttribute('data-passed', /.*/);
  await expect(strip.getByTestId('why-a-grad-2')).toContainText('only one contribution');
  await strip.getByTestId('option-accumulate').click();
  await expect(check).toHaveAttribute('data-passed', 'true');
});
