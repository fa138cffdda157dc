import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { findTorchPython, NO_TORCH_MESSAGE, parsePrinted, SKIP_TORCH_ENV, type PrintedNode } from '../test/python/runPython';
import { expect, test } from './fixtures';
import { actionButton, backwardStatus, enterBackwardMode, loadPreset } from './helpers/backward';
import { dataOf, nodeByLabel, openPlayground } from './helpers/canvas';
import { datasetCounts, insertDefaultMlp, modeButton, openTrainPanel } from './helpers/train';

/**
 * A learner graduates to PyTorch: opens the PyTorch tab of the code panel, copies it, runs it
 * with a real PyTorch, and reads the same numbers the cards show. The program runs in Node with
 * the interpreter that imports torch (found as the unit tests find it).
 */

/** Loading, a torch run (its import alone takes seconds) and a backward pass, on a shared two-core machine. */
test.describe.configure({ timeout: 180_000 });

/** Opens Build mode's PyTorch tab, presses Copy, and returns what the clipboard holds (checked against the code shown). */
async function copyTorchTab(page: Page): Promise<string> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await modeButton(page, 'Build').click();
  const tab = page.getByRole('tab', { name: 'PyTorch' });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  const shown = page.getByTestId('code-text');
  await expect(shown).toContainText('import torch');
  await page.getByTestId('code-panel').getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByTestId('toast')).toContainText('PyTorch code copied.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.trim()).toBe((await shown.innerText()).trim());
  // TORCH_SHOTS=<dir>: a picture of the tab as the learner sees it, to look at after a change.
  if (process.env.TORCH_SHOTS) await page.screenshot({ path: `${process.env.TORCH_SHOTS}/${test.info().title.slice(0, 40).replace(/\W+/g, '-')}.png` });
  return copied;
}

/** Runs the copied program with the Python that imports torch; null when the person opted out. */
function runWithTorch(code: string): string | null {
  const torch = findTorchPython();
  if (torch === null) {
    if (process.env[SKIP_TORCH_ENV] === '1') return null;
    throw new Error(NO_TORCH_MESSAGE);
  }
  return execFileSync(torch.python, ['-'], { input: code, encoding: 'utf8', env: { ...process.env, PYTHONIOENCODING: 'utf-8' }, timeout: 60_000 });
}

/** The person opted out of the torch run (MICROGRAD_SKIP_TORCH=1): say so, and check that is why. */
function optedOut(): void {
  console.warn(`PyTorch journey run without PyTorch: ${SKIP_TORCH_ENV}=1`);
  expect(process.env[SKIP_TORCH_ENV]).toBe('1');
}

/** Runs backward to the end in Backward mode, as a learner does before reading the grads on the cards. */
async function runBackward(page: Page): Promise<void> {
  await enterBackwardMode(page);
  await actionButton(page, 'backward').click();
  await actionButton(page, 'finishBackward').click();
  await expect(backwardStatus(page)).toHaveText('1 backward pass since the last Zero grad.');
}

/** The card's data and grad, full precision. */
async function cardNumbers(page: Page, label: string): Promise<{ data: number; grad: number | null } | null> {
  const card = nodeByLabel(page, label);
  if ((await card.count()) !== 1) return null;
  // A target card shows its label value only: no grad row to read.
  const grad = card.getByTestId('node-grad');
  return { data: await dataOf(card), grad: (await grad.count()) === 1 ? Number(await grad.getAttribute('data-value')) : null };
}

/** Expects each printed label that names one card to print that card's data and grad, to 1e-9; returns how many were compared. */
async function expectCardsAgree(page: Page, printed: readonly PrintedNode[]): Promise<number> {
  let compared = 0;
  for (const line of printed) {
    const card = await cardNumbers(page, line.label);
    if (card === null) continue;
    compared++;
    expect(Math.abs(line.data - card.data), `${line.label}.data: torch ${line.data}, card ${card.data}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(card.data)));
    if (card.grad === null) continue;
    expect(Math.abs(line.grad - card.grad), `${line.label}.grad: torch ${line.grad}, card ${card.grad}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(card.grad)));
  }
  return compared;
}

test('the PyTorch tab of the micrograd README example prints the numbers on the cards', async ({ page }) => {
  await openPlayground(page);
  await loadPreset(page, 'micrograd-readme', 33);
  const code = await copyTorchTab(page);
  const stdout = runWithTorch(code);
  if (stdout === null) return optedOut();
  const printed = parsePrinted(stdout);
  await runBackward(page);
  expect(printed.find((p) => p.label === 'a')).toEqual({ label: 'a', data: -4, grad: expect.closeTo(138.8338, 4) });
  expect(await expectCardsAgree(page, printed)).toBeGreaterThanOrEqual(7);
});

test('the PyTorch tab of the moons network trains it and prints the numbers on its cards', async ({ page }) => {
  await openTrainPanel(page);
  await page.getByTestId('dataset-select').selectOption('moons');
  await expect(datasetCounts(page)).toHaveText('80 train · 20 test');
  await insertDefaultMlp(page);
  const code = await copyTorchTab(page);
  // Insert MLP draws one card per neuron; the neurons of a layer read the same inputs, so each
  // layer is one Linear(inputs, outputs) with the cards' weights as its rows.
  expect([...code.matchAll(/torch\.nn\.Linear\((\d+), (\d+),/g)].map((m) => `${m[1]}→${m[2]}`)).toEqual(['2→16', '16→16', '16→1']);
  expect(code).toContain('torch.nn.Linear(16, 1, dtype=torch.float64)  # neuron L3.N0');
  const stdout = runWithTorch(code);
  if (stdout === null) return optedOut();
  const steps = [...stdout.matchAll(/^step (\d+) loss (\S+)$/gm)].map((m) => Number(m[2]));
  expect(steps).toHaveLength(100);
  expect(steps[99]!).toBeLessThan(steps[0]!);
  await runBackward(page);
  const graph = parsePrinted(stdout.split('\n').filter((l) => !/^step \d+ loss /.test(l)).join('\n'));
  expect(await expectCardsAgree(page, graph)).toBeGreaterThanOrEqual(30);
});
