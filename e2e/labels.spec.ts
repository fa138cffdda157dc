import { expect, test } from './fixtures';
import { allNodes, nodeByLabel, openPlayground, toast } from './helpers/canvas';

/**
 * Renaming a node: a label a file could not hold (a line break, a tab, a text-direction control,
 * pasted in from elsewhere) is refused with the reason on screen, and the old label stays.
 */

test('a pasted line break or tab in a label is refused with the reason, and the old label stays', async ({ page }) => {
  await openPlayground(page);
  const a = nodeByLabel(page, 'a');
  await a.getByTestId('node-label').dblclick();
  const rename = a.getByTestId('node-label-input');
  await expect(rename).toBeFocused();

  // Pasted text keeps U+2028, which ends a line in JavaScript: it would end a `//` comment in the
  // TypeScript export and run what follows.
  await page.keyboard.insertText("x\u2028console.log('pwned')");
  const problem = a.getByTestId('node-label-problem');
  await expect(problem).toBeVisible();
  await expect(problem).toHaveText('A label must not contain a line break (U+2028).');
  await expect(rename).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('Enter');
  await expect(rename).toBeVisible(); // Enter does not take it
  await expect(rename).toBeFocused();

  // Typing a plain label instead clears the reason and renames.
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('alpha');
  await expect(problem).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(rename).toBeHidden();
  const alpha = nodeByLabel(page, 'alpha');
  await expect(alpha).toHaveCount(1);

  // Leaving the input with a refused label keeps the old one, and says why.
  await alpha.getByTestId('node-label').dblclick();
  await expect(alpha.getByTestId('node-label-input')).toBeFocused();
  await page.keyboard.insertText('al\tpha');
  await expect(alpha.getByTestId('node-label-problem')).toHaveText('A label must not contain a tab (U+0009).');
  await page.keyboard.press('Tab');
  await expect(alpha.getByTestId('node-label-input')).toBeHidden();
  await expect(toast(page)).toContainText('Label not changed: a label must not contain a tab (U+0009).');
  await expect(nodeByLabel(page, 'alpha')).toHaveCount(1);
  await expect(page.locator('[data-testid="node-card"][data-label="al\tpha"]')).toHaveCount(0);
});

test('a label and a number edit alike: typing replaces the text, Escape keeps the old one, Enter takes the new', async ({ page }) => {
  await openPlayground(page);
  const a = nodeByLabel(page, 'a');
  const data = a.getByTestId('node-data');
  const before = (await data.textContent()) ?? '';

  // The label: the input opens with its text selected, so typing replaces it.
  await a.getByTestId('node-label').dblclick();
  const rename = a.getByTestId('node-label-input');
  await expect(rename).toBeFocused();
  await page.keyboard.type('zeta');
  await expect(rename).toHaveValue('zeta');
  await page.keyboard.press('Escape');
  await expect(rename).toBeHidden();
  await expect(nodeByLabel(page, 'a')).toHaveCount(1);
  await expect(nodeByLabel(page, 'zeta')).toHaveCount(0);

  // The number: Backspace deletes a character, not the node; Escape keeps the old value.
  await data.click();
  const number = a.getByTestId('node-data-input');
  await expect(number).toBeFocused();
  await page.keyboard.type('75');
  await page.keyboard.press('Backspace');
  await expect(number).toHaveValue('7');
  await page.keyboard.press('Escape');
  await expect(number).toBeHidden();
  await expect(allNodes(page)).toHaveCount(7);
  await expect(data).toHaveText(before);

  // Enter takes what was typed, in both.
  await data.click();
  await expect(number).toBeFocused();
  await page.keyboard.type('7');
  await page.keyboard.press('Enter');
  await expect(number).toBeHidden();
  // A positive number keeps a blank where a minus sign would stand, so columns line up.
  await expect(data).toHaveText(/^\s?7\.0+$/);
  await a.getByTestId('node-label').dblclick();
  await expect(rename).toBeFocused();
  await page.keyboard.type('zeta');
  await page.keyboard.press('Enter');
  await expect(nodeByLabel(page, 'zeta')).toHaveCount(1);
});
