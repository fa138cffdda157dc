import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { allEdges, allNodes, nodeByLabel } from './helpers/canvas';
import { shotPath } from './helpers/shots';

/**
 * The playground without a mouse: every step here is a key press (page.keyboard), never a
 * click, a hover or a drag. Reduced motion makes Backward land at once, as a person who asked
 * their system for less motion sees it.
 */

/** What has keyboard focus: a card (its label), a field on one, or another control. */
async function focused(page: Page): Promise<{ card: string | null; onCard: boolean; testId: string | null; role: string | null; name: string | null }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const node = el?.closest('.react-flow__node');
    return {
      card: node?.querySelector('[data-testid="node-card"]')?.getAttribute('data-label') ?? null,
      onCard: !!el?.matches('.react-flow__node'),
      testId: el?.getAttribute('data-testid') ?? null,
      role: el?.getAttribute('role') ?? null,
      name: el?.getAttribute('aria-label') ?? null,
    };
  });
}

/** Presses `key` until focus is where `reached` says, as a person tabs along watching the ring. */
async function pressUntil(page: Page, key: string, reached: (f: Awaited<ReturnType<typeof focused>>) => boolean, most = 60): Promise<void> {
  for (let i = 0; i < most; i++) {
    if (reached(await focused(page))) return;
    await page.keyboard.press(key);
  }
  expect(reached(await focused(page)), `focus never got there with ${key}`).toBe(true);
}

/** The focused card is labelled `label` (waits for the focus to land: a new card draws a frame later). */
async function expectFocusOn(page: Page, label: string): Promise<void> {
  await expect.poll(async () => (await focused(page)).card).toBe(label);
}

/** On the focused card: Tab to its number, Enter, type, Enter. */
async function typeData(page: Page, value: string): Promise<void> {
  await pressUntil(page, 'Tab', (f) => f.testId === 'node-data', 4);
  await page.keyboard.press('Enter');
  await page.keyboard.type(value);
  await page.keyboard.press('Enter');
}

/** On the focused card: Tab to its label, Enter, type, Enter. */
async function typeLabel(page: Page, label: string): Promise<void> {
  await pressUntil(page, 'Tab', (f) => f.testId === 'node-label', 3);
  await page.keyboard.press('Enter');
  await page.keyboard.type(label);
  await page.keyboard.press('Enter');
}

/** A (Add) goes to the palette; the arrows walk it to `item`; Enter adds it. */
async function addFromPalette(page: Page, item: string): Promise<void> {
  await page.keyboard.press('a');
  await expect.poll(async () => (await focused(page)).testId).toMatch(/^palette-/);
  await pressUntil(page, 'ArrowDown', (f) => f.testId === `palette-${item}`, 30);
  await page.keyboard.press('Enter');
}

/** C opens the picker for the selected card; type-ahead narrows it to `query`; Enter wires it. */
async function connectTo(page: Page, query: string, name: string): Promise<void> {
  await page.keyboard.press('c');
  const picker = page.getByTestId('connect-picker');
  await expect(picker).toBeVisible();
  await expect(page.getByTestId('connect-filter')).toBeFocused();
  await page.keyboard.type(query);
  await expect(picker.getByRole('option', { selected: true })).toContainText(name);
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
}

/** Opens the playground and leaves the welcome with Enter on its focused button. */
async function openByKeys(page: Page): Promise<void> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./');
  await expect(allNodes(page)).toHaveCount(7);
  const welcome = page.getByTestId('welcome');
  await expect(welcome.getByRole('button', { name: 'Start playing' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(welcome).toBeHidden();
}

test('builds d = a·b + c and runs Backward from the keyboard alone', async ({ page }) => {
  await openByKeys(page);
  // Shift+N: a new, empty canvas.
  await page.keyboard.press('Shift+N');
  await expect(allNodes(page)).toHaveCount(0);

  // Tab to the palette; Enter adds a Value at the centre, focused, so Tab reaches its number.
  await pressUntil(page, 'Tab', (f) => f.testId === 'palette-value');
  await page.keyboard.press('Enter');
  await expectFocusOn(page, 'a');
  await typeData(page, '2');
  // The next leaves go below the selected one.
  await addFromPalette(page, 'value');
  await expectFocusOn(page, 'b');
  await typeData(page, '-3');
  await addFromPalette(page, 'value');
  await expectFocusOn(page, 'c');
  await typeData(page, '10');
  // Ops go to the right of the selected card.
  await addFromPalette(page, 'mul');
  await expectFocusOn(page, '');
  await typeLabel(page, 'e');
  await addFromPalette(page, 'add');
  await expectFocusOn(page, '');
  await typeLabel(page, 'd');
  await expect(allNodes(page)).toHaveCount(5);

  // The arrows walk to a: nothing is wired yet, so they go to the nearest card that way.
  for (const [key, label] of [['ArrowLeft', 'e'], ['ArrowLeft', 'c'], ['ArrowUp', 'b'], ['ArrowUp', 'a']] as const) {
    await page.keyboard.press(key);
    await expectFocusOn(page, label);
  }
  await connectTo(page, 'e a', 'e · a');
  await expectFocusOn(page, 'a');
  await page.keyboard.press('ArrowDown');
  await expectFocusOn(page, 'b');
  await connectTo(page, 'e b', 'e · b');
  // → to what b feeds (e); e feeds d · a.
  await page.keyboard.press('ArrowRight');
  await expectFocusOn(page, 'e');
  await connectTo(page, 'd a', 'd · a');
  // ← to e's first input (a), ↓ its sibling b, ↓ past the last sibling: the card below, c.
  for (const [key, label] of [['ArrowLeft', 'a'], ['ArrowDown', 'b'], ['ArrowDown', 'c']] as const) {
    await page.keyboard.press(key);
    await expectFocusOn(page, label);
  }
  await page.screenshot({ path: shotPath('keys', 'keyboard-focus-ring.png') });
  await page.keyboard.press('c');
  await page.keyboard.type('d');
  await page.screenshot({ path: shotPath('keys', 'keyboard-connect-picker.png') });
  await page.keyboard.type(' b');
  await page.keyboard.press('Enter');
  await expect(allEdges(page)).toHaveCount(4);

  // → to d, O makes it the output, B runs Backward.
  await page.keyboard.press('ArrowRight');
  await expectFocusOn(page, 'd');
  await page.keyboard.press('o');
  await page.keyboard.press('b');
  const d = nodeByLabel(page, 'd');
  await expect(d.getByTestId('node-data')).toHaveText(/4\.0000/);
  await expect(d.getByTestId('node-grad')).toHaveText(/1\.0000/);
  await expect(nodeByLabel(page, 'a').getByTestId('node-grad')).toHaveText('−3.0000');
  await expect(nodeByLabel(page, 'b').getByTestId('node-grad')).toHaveText(/2\.0000/);
  await expect(nodeByLabel(page, 'c').getByTestId('node-grad')).toHaveText(/1\.0000/);
  await expect(nodeByLabel(page, 'e').getByTestId('node-data')).toHaveText('−6.0000');
  await page.screenshot({ path: shotPath('keys', 'keyboard-backward-done.png') });
});

/** Where the focused card sits on the canvas (React Flow's translate of its node). */
async function focusedCardAt(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const node = document.activeElement?.closest<HTMLElement>('.react-flow__node');
    const m = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec(node?.style.transform ?? '');
    if (!m) throw new Error('no focused card');
    return { x: Number(m[1]), y: Number(m[2]) };
  });
}

/** The labels of the selected cards. */
async function selectedLabels(page: Page): Promise<string[]> {
  return page.locator('.react-flow__node.selected [data-testid="node-card"]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-label') ?? ''));
}

test('the arrows walk the wires and Shift+Arrow moves a card, a held key one undo step', async ({ page }) => {
  await openByKeys(page);
  await pressUntil(page, 'Tab', (f) => f.onCard);
  // React Flow's own keys stay: Enter selects the focused card.
  const first = (await focused(page)).card!;
  await page.keyboard.press('Enter');
  await expect.poll(() => selectedLabels(page)).toEqual([first]);
  // → until nothing reads further: the lecture's output, L.
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expectFocusOn(page, 'L');
  const before = await focusedCardAt(page);
  // L = d·f, d = e + c, e = a·b.
  const walk = [['ArrowLeft', 'd'], ['ArrowDown', 'f'], ['ArrowUp', 'd'], ['ArrowLeft', 'e'], ['ArrowLeft', 'a'], ['ArrowDown', 'b'], ['ArrowRight', 'e']] as const;
  for (const [key, label] of walk) {
    await page.keyboard.press(key);
    await expectFocusOn(page, label);
    await expect.poll(() => selectedLabels(page)).toEqual([label]);
  }
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expectFocusOn(page, 'L');
  // Travelling moved nothing (React Flow's own arrow move is off).
  expect(await focusedCardAt(page)).toEqual(before);
  await page.screenshot({ path: shotPath('keys', 'keyboard-arrow-travel.png') });

  // Two presses: two steps of 10 px. Then a held key (repeats): one step.
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => focusedCardAt(page)).toEqual({ x: before.x + 20, y: before.y });
  await page.keyboard.down('Shift');
  for (let i = 0; i < 6; i++) await page.keyboard.down('ArrowDown');
  await page.keyboard.up('ArrowDown');
  await page.keyboard.up('Shift');
  await expect.poll(() => focusedCardAt(page)).toEqual({ x: before.x + 20, y: before.y + 60 });
  // Alt makes it fine: one pixel.
  await page.keyboard.press('Alt+Shift+ArrowLeft');
  await expect.poll(() => focusedCardAt(page)).toEqual({ x: before.x + 19, y: before.y + 60 });

  await page.keyboard.press('Control+z');
  await expect.poll(() => focusedCardAt(page)).toEqual({ x: before.x + 20, y: before.y + 60 });
  await page.keyboard.press('Control+z');
  await expect.poll(() => focusedCardAt(page)).toEqual({ x: before.x + 20, y: before.y });
  await page.keyboard.press('Control+z');
  await expect.poll(() => focusedCardAt(page)).toEqual({ x: before.x + 10, y: before.y });
  await page.keyboard.press('Control+z');
  await expect.poll(() => focusedCardAt(page)).toEqual(before);
});

test('closing the help sheet or the connect picker gives focus back to the card', async ({ page }) => {
  await openByKeys(page);
  await pressUntil(page, 'Tab', (f) => f.onCard);
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expectFocusOn(page, 'L');
  await page.keyboard.press('ArrowLeft');
  await expectFocusOn(page, 'd');

  // ? lists every action with its key, the new ones among them.
  await page.keyboard.press('?');
  const sheet = page.getByTestId('help-sheet');
  await expect(sheet).toBeVisible();
  for (const [label, key] of [['Connect the output to…', 'C'], ['Go to an input', '←'], ['New (empty canvas)', 'Shift+N'], ['Export picture (PNG)', 'Shift+E']] as const) {
    await expect(sheet.locator('.sheet__row').filter({ hasText: label }).locator('kbd').first()).toHaveText(key);
  }
  await page.screenshot({ path: shotPath('keys', 'keyboard-help-sheet.png') });
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expectFocusOn(page, 'd');
  expect((await focused(page)).onCard).toBe(true);

  // C opens the picker for d; Esc leaves it with nothing wired, back on d.
  const wires = await allEdges(page).count();
  await page.keyboard.press('c');
  await expect(page.getByTestId('connect-filter')).toBeFocused();
  await expect(page.getByTestId('connect-picker').getByRole('option').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('connect-picker')).toBeHidden();
  await expectFocusOn(page, 'd');
  expect((await focused(page)).onCard).toBe(true);
  await expect(allEdges(page)).toHaveCount(wires);

  // A number typed and committed with Enter keeps focus on the number, not the page.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expectFocusOn(page, 'a');
  await typeData(page, '3');
  await expect.poll(async () => (await focused(page)).testId).toBe('node-data');
  await expectFocusOn(page, 'a');
});

for (const [name, viewport] of [['tablet', { width: 1024, height: 768 }], ['phone', { width: 390, height: 844 }]] as const) {
  test(`on a ${name}, the connect picker opens by its card and stays on screen`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openByKeys(page);
    await pressUntil(page, 'Tab', (f) => f.onCard);
    await page.keyboard.press('c');
    const picker = page.getByTestId('connect-picker');
    await expect(page.getByTestId('connect-filter')).toBeFocused();
    await expect(picker.getByRole('option').first()).toBeVisible();
    const box = (await picker.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    await page.screenshot({ path: shotPath('keys', `keyboard-connect-picker-${name}.png`) });
    await page.keyboard.press('Escape');
    await expect(picker).toBeHidden();
    expect((await focused(page)).onCard).toBe(true);
  });
}
