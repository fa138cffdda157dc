import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { findPreset } from '../src/document/presets';
import { serializeDocument } from '../src/document/file/serialize';
import { encodeShareHash } from '../src/document/file/shareLink';
import { expect, test, watchConsole } from './fixtures';
import { allNodes, dataOf, nodeByLabel, openPlayground, toast, typeValue } from './helpers/canvas';

/**
 * Issue 9, items 1 to 3, as a person meets them: links opened over work, two tabs of the
 * playground, and a browser storage that is damaged or full. Nothing here may lose work.
 */

const AUTOSAVE = 'micrograd-playground/autosave';
/** The shared graph: the lecture's tanh neuron (10 nodes), never the lecture's L (7). */
const linkHash = () => encodeShareHash(findPreset('tanh-neuron')!.build());

/**
 * A value node's number in the autosave, or null. Reads the graph file whether it is bare (as
 * autosave wrote it before revisions) or inside the saved-work envelope, so these journeys run
 * against old builds too and fail there on what they test, not on the format.
 */
function savedValue(page: Page, label: string): Promise<number | null> {
  return page.evaluate(
    ([key, name]) => {
      const text = localStorage.getItem(key!);
      if (!text) return null;
      const json = JSON.parse(text) as { file?: { nodes?: { label?: string; value?: number }[] }; nodes?: { label?: string; value?: number }[] };
      const node = (json.file ?? json).nodes?.find((n) => n.label === name);
      return typeof node?.value === 'number' ? node.value : null;
    },
    [AUTOSAVE, label],
  );
}

/** Waits until the autosave holds `value` for the node labelled `label`. */
async function savedAs(page: Page, label: string, value: number): Promise<void> {
  await expect.poll(() => savedValue(page, label), { message: `autosave holds ${label} = ${value}` }).toBe(value);
}

/** The lecture's L with a = 5 (so L = 10), autosaved: work worth keeping. */
async function editedLecture(page: Page): Promise<void> {
  await openPlayground(page);
  await typeValue(page, nodeByLabel(page, 'a'), '5');
  await savedAs(page, 'a', 5);
}

/** Opens the File menu and returns its Recent section. */
async function openRecent(page: Page) {
  await page.getByTestId('file-menu').click();
  return page.getByTestId('recent-menu');
}

test.describe('a shared link opened over your work', () => {
  test('at load: the link opens, your graph is kept, Restore brings it back, and Undo goes either way', async ({ page }) => {
    await editedLecture(page);
    await page.goto('about:blank');
    await page.goto(`./${await linkHash()}`);
    await expect(allNodes(page)).toHaveCount(10);
    const banner = page.getByTestId('keep-banner-link');
    await expect(banner).toContainText('Opened a shared graph. Your previous graph is kept:');

    await banner.getByRole('button', { name: 'Restore' }).click();
    await expect(toast(page)).toContainText('Restored');
    await expect(allNodes(page)).toHaveCount(7);
    await expect.poll(() => dataOf(nodeByLabel(page, 'a'))).toBe(5);
    await expect(banner).toBeHidden();

    // Restoring is one undo step (back to the link), and opening the link was one before it.
    await page.locator('[data-action="undo"]').click();
    await expect(allNodes(page)).toHaveCount(10);
    await page.locator('[data-action="undo"]').click();
    await expect(allNodes(page)).toHaveCount(7);
    await expect.poll(() => dataOf(nodeByLabel(page, 'a'))).toBe(5);
  });

  test('in a tab already open (hashchange): the link opens instead of being ignored, and Undo brings your graph back', async ({ page }) => {
    await editedLecture(page);
    const hash = await linkHash();
    await page.evaluate((h) => {
      location.hash = h;
    }, hash);
    await expect(allNodes(page)).toHaveCount(10);
    await expect(page.getByTestId('keep-banner-link')).toBeVisible();
    await expect.poll(() => new URL(page.url()).hash).toBe('');
    await page.keyboard.press('ControlOrMeta+z');
    await expect(allNodes(page)).toHaveCount(7);
    await expect.poll(() => dataOf(nodeByLabel(page, 'a'))).toBe(5);
    // And the copy stays in File → Recent after a reload.
    await page.reload();
    const recent = await openRecent(page);
    await expect(recent.getByTestId('recent-item').first()).toContainText('replaced by a shared link');
  });
});

test.describe('two tabs of the playground', () => {
  // Two copies of the app (each with its WebGL overlay) share two busy cores: give them time.
  test.slow();

  test('a tab that only looked around never writes its stale graph over a file opened in another tab', async ({ page }) => {
    await editedLecture(page);
    const other = await page.context().newPage();
    const problems = watchConsole(other);
    await other.goto('./');
    await expect(allNodes(other)).toHaveCount(7);

    // The first tab opens a file: the tanh neuron.
    const file = serializeDocument(findPreset('tanh-neuron')!.build());
    await page.getByTestId('open-file-input').setInputFiles({ name: 'neuron.graph.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect(allNodes(page)).toHaveCount(10);
    await savedAs(page, 'w1', -3);

    // The other tab, untouched, follows; its person pans around, then closes it.
    await expect(allNodes(other)).toHaveCount(10);
    const pane = await other.locator('.react-flow__pane').boundingBox();
    await other.mouse.move(pane!.x + 40, pane!.y + pane!.height - 40);
    await other.mouse.down();
    await other.mouse.move(pane!.x + 140, pane!.y + pane!.height - 100, { steps: 4 });
    await other.mouse.up();
    await other.close({ runBeforeUnload: true });
    expect(problems).toEqual([]);

    expect(await savedValue(page, 'w1')).toBe(-3);
    await page.reload();
    await expect(allNodes(page)).toHaveCount(10);
  });

  test('an older tab does not overwrite a newer save: it asks, and the graph not picked stays in Recent', async ({ page }) => {
    await editedLecture(page);
    const older = await page.context().newPage();
    const problems = watchConsole(older);
    // Lets the test hold back this tab's storage events, as a busy or sleeping tab gets them late.
    await older.addInitScript(() => {
      window.addEventListener('storage', (e) => (window as { deaf?: boolean }).deaf && e.stopImmediatePropagation(), true);
    });
    await older.goto('./');
    await expect.poll(() => dataOf(nodeByLabel(older, 'a'))).toBe(5);
    await older.evaluate(() => ((window as { deaf?: boolean }).deaf = true));

    // The first tab changes c and saves; the older tab, not having heard, changes f.
    await typeValue(page, nodeByLabel(page, 'c'), '20');
    await savedAs(page, 'c', 20);
    await typeValue(older, nodeByLabel(older, 'f'), '3');
    const banner = older.getByTestId('keep-banner-conflict');
    await expect(banner).toContainText('Another tab saved this graph');
    expect([await savedValue(page, 'c'), await savedValue(page, 'f')]).toEqual([20, -2]);

    // Keeping the older tab's graph writes it, with the newer one kept in Recent...
    await older.evaluate(() => ((window as { deaf?: boolean }).deaf = false));
    await banner.getByRole('button', { name: 'Keep this tab’s' }).click();
    await expect(banner).toBeHidden();
    await savedAs(page, 'f', 3);
    // ...which the first tab follows, and from whose Recent it gets its own graph back.
    await expect.poll(() => dataOf(nodeByLabel(page, 'f'))).toBe(3);
    await expect.poll(() => dataOf(nodeByLabel(page, 'c'))).toBe(10);
    const recent = await openRecent(page);
    const kept = recent.getByTestId('recent-item').filter({ hasText: 'replaced by another tab' });
    await kept.getByRole('menuitem').click();
    await expect.poll(() => dataOf(nodeByLabel(page, 'c'))).toBe(20);
    await expect.poll(() => dataOf(nodeByLabel(page, 'f'))).toBe(-2);
    expect(problems).toEqual([]);
  });
});

test.describe('a damaged or full storage', () => {
  test('an unreadable autosave is reported, downloadable byte for byte, and listed under File → Recent', async ({ page }) => {
    const broken = '{"format":"micrograd-playground/saved-work","version":1,"revision":7,"tab":"x","savedAt":1,"file":{"format":"micrograd-pl';
    await page.goto('./');
    await page.evaluate(([key, text]) => localStorage.setItem(key!, text!), [AUTOSAVE, broken]);
    await page.reload();
    const banner = page.getByTestId('keep-banner-unreadable');
    await expect(banner).toContainText('Your saved work could not be read');

    const download = page.waitForEvent('download');
    await banner.getByRole('button', { name: 'Download the raw copy' }).click();
    expect(await readFile(await (await download).path(), 'utf8')).toBe(broken);

    const recent = await openRecent(page);
    await expect(recent.getByTestId('recent-item')).toHaveCount(1);
    await expect(recent.getByTestId('recent-item')).toContainText('Unreadable autosave');
    // The next visit starts clean, and the copy is still kept.
    await page.keyboard.press('Escape');
    await page.reload();
    await expect(page.getByTestId('keep-banner-unreadable')).toBeHidden();
    await expect((await openRecent(page)).getByTestId('recent-item')).toHaveCount(1);
  });

  test('a full storage: every failed save says so, and "Not saved" stays in the header until a save works', async ({ page }) => {
    await openPlayground(page);
    // Fill this origin's storage to the last character.
    await page.evaluate(() => {
      let size = 1 << 20;
      for (let i = 0; size >= 1; i++) {
        try {
          localStorage.setItem(`filler-${i}`, 'x'.repeat(size));
        } catch {
          size >>= 1;
        }
      }
    });
    const mark = page.getByTestId('save-status');
    for (const value of ['5', '6']) {
      await typeValue(page, nodeByLabel(page, 'a'), value);
      await expect(toast(page)).toContainText('Not saved: the browser’s storage for this page is full');
      await expect(mark).toHaveText('Not saved');
      await toast(page).getByRole('button', { name: 'Dismiss' }).click();
      await expect(toast(page)).toBeHidden();
    }
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage)) if (key.startsWith('filler-')) localStorage.removeItem(key);
    });
    await typeValue(page, nodeByLabel(page, 'a'), '7');
    await expect(toast(page)).toContainText('Autosave works again');
    await expect(mark).toBeHidden();
    await page.reload();
    await expect.poll(() => dataOf(nodeByLabel(page, 'a'))).toBe(7);
  });
});
