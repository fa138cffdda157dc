import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { actionButton, backwardPanel, backwardStatus, enterBackwardMode } from '../../e2e/helpers/backward';
import { IDENTITY_VIEW, allNodes, canvasBox, dragFromPalette, grip, nodeByLabel, settle, toast, viewportTransform, waitForLayout } from '../../e2e/helpers/canvas';
import { insertDefaultMlp, modeButton, pauseTraining, startTraining, waitForPlot } from '../../e2e/helpers/train';

/**
 * Pictures of the playground in many states, for telling a change that should look the same
 * (a CSS reorganisation, a renamed class) from one that does not. For each viewport and theme
 * it walks one journey and writes, per state, a screenshot (`<name>.png`) and the computed
 * style of every element on the page (`<name>.styles.json.gz`, which also covers what is
 * scrolled out of sight), plus screenshots of each section of the side panel. Only states
 * whose pixels are the same run after run: reduced motion, seeded training stepped by hand,
 * and the one live-training state masks its numbers.
 *
 *   VISUAL_DIR=/tmp/visual/before npx playwright test -c test/visual/visual.config.ts
 *   ...change things...
 *   VISUAL_DIR=/tmp/visual/after npx playwright test -c test/visual/visual.config.ts
 *   npx tsx test/visual/compare.ts /tmp/visual/before /tmp/visual/after
 */

const OUT = process.env.VISUAL_DIR;

const VIEWPORTS = {
  desktop: { width: 1440, height: 900 },
  tablet: { width: 1024, height: 768 },
  phone: { width: 390, height: 844 },
} as const;

const THEMES = ['dark', 'light'] as const;

/**
 * The gradient-flow overlay is drawn by a worker on its own clock: after a resize it may show its
 * new frame a moment after the page is otherwise at rest, so pictures would differ run to run. It
 * draws from the nodes' boxes, which the rest of the picture and the computed styles cover.
 */
const HIDE_OVERLAY = 'canvas[data-testid="overlay-canvas"] { visibility: hidden !important; }';

/** Takes screenshots until two in a row are the same: the page (and its canvases) is at rest. */
async function stableShot(target: Page | Locator, options: { mask?: Locator[] } = {}): Promise<Buffer> {
  const shot = () => target.screenshot({ animations: 'disabled', caret: 'hide', style: HIDE_OVERLAY, ...options });
  let previous = await shot();
  for (let i = 0; i < 30; i++) {
    const next = await shot();
    if (next.equals(previous)) return next;
    previous = next;
  }
  throw new Error('the screen never came to rest');
}

/**
 * Every element's computed style, keyed by its place in the tree (tag and child index), so two
 * runs line up even when class names change. Pseudo-elements that draw something are included.
 * Identical styles are stored once.
 */
function computedStyles(page: Page): Promise<{ styles: string[]; elements: [string, string, number][] }> {
  return page.evaluate(() => {
    const styles: string[] = [];
    const ids = new Map<string, number>();
    const elements: [string, string, number][] = [];
    const styleId = (style: CSSStyleDeclaration): number => {
      // Sorted: the order custom properties are listed in differs from run to run.
      const names = Array.from({ length: style.length }, (_, i) => style.item(i)).sort();
      let text = '';
      for (const name of names) text += `${name}:${style.getPropertyValue(name)};`;
      let id = ids.get(text);
      if (id === undefined) {
        id = styles.length;
        styles.push(text);
        ids.set(text, id);
      }
      return id;
    };
    const visit = (el: Element, path: string) => {
      elements.push([path, el.getAttribute('class') ?? '', styleId(getComputedStyle(el))]);
      for (const pseudo of ['::before', '::after']) {
        const style = getComputedStyle(el, pseudo);
        if (style.content !== 'none' && style.content !== 'normal') elements.push([path + pseudo, '', styleId(style)]);
      }
      if (el.tagName === 'SUMMARY' || el.tagName === 'LI') elements.push([path + '::marker', '', styleId(getComputedStyle(el, '::marker'))]);
      if (el.tagName === 'DIALOG' && (el as HTMLDialogElement).open) elements.push([path + '::backdrop', '', styleId(getComputedStyle(el, '::backdrop'))]);
      [...el.children].forEach((child, i) => visit(child, `${path}/${child.tagName.toLowerCase()}:${i}`));
    };
    visit(document.documentElement, 'html');
    return { styles, elements };
  });
}

for (const [viewportName, viewport] of Object.entries(VIEWPORTS)) {
  for (const theme of THEMES) {
    test.describe(`${viewportName} ${theme}`, () => {
      test.use({ viewport });

      test('capture', async ({ page }) => {
        expect(OUT, 'set VISUAL_DIR to the folder the pictures go to').toBeTruthy();
        const dir = join(OUT!, `${viewportName}-${theme}`);
        mkdirSync(dir, { recursive: true });

        /** Closes the notice if one is up; it may time out by itself meanwhile, which is as good. */
        const dismissToast = async () => {
          if (!(await toast(page).isVisible())) return;
          await toast(page).getByRole('button', { name: 'Dismiss' }).click({ timeout: 2_000 }).catch(() => undefined);
          await expect(toast(page)).toBeHidden();
        };
        /** One state: the viewport's picture and every element's computed style. */
        const capture = async (name: string, options: { mask?: Locator[]; styles?: boolean; toast?: boolean } = {}) => {
          // A notice from the last action stays a few seconds: whether it is still up would
          // depend on timing, so it is dismissed first (but for the state that shows one).
          if (!options.toast) await dismissToast();
          // The pointer rests in the header's empty corner, so no hover depends on where the
          // last click happened to leave it.
          await page.mouse.move(1, 1);
          writeFileSync(join(dir, `${name}.png`), await stableShot(page, { mask: options.mask ?? [] }));
          if (options.styles !== false) writeFileSync(join(dir, `${name}.styles.json.gz`), gzipSync(JSON.stringify(await computedStyles(page))));
        };
        /** Each direct part of a panel, scrolled into view one by one: what lies below the fold too. */
        const captureParts = async (name: string, panel: Locator) => {
          const parts = panel.locator(':scope > *');
          const count = await parts.count();
          for (let i = 0; i < count; i++) {
            const part = parts.nth(i);
            const box = await part.boundingBox();
            // A part taller than the viewport cannot be shown whole; the computed styles cover it.
            if (!box || box.height === 0 || box.height > viewport.height) continue;
            writeFileSync(join(dir, `${name}.part${i}.png`), await stableShot(part));
          }
        };

        await page.addInitScript((t) => localStorage.setItem('micrograd-playground/theme', t), theme);

        // The first visit, with the welcome card; then the canvas without it.
        await page.goto('./');
        await expect(page.getByTestId('welcome')).toBeVisible();
        await expect(allNodes(page)).toHaveCount(7);
        await waitForLayout(page, IDENTITY_VIEW);
        await capture('01-start');
        await page.getByTestId('welcome').getByRole('button', { name: 'Start playing' }).click();
        await expect(page.getByTestId('welcome')).toBeHidden();
        await capture('02-build');
        // Both side columns folded to their strips, then opened again.
        await page.getByRole('button', { name: 'Fold the palette' }).click();
        await page.getByRole('button', { name: 'Fold Inspect & code' }).click();
        await expect(page.getByTestId('palette')).toHaveClass(/is-folded/);
        await capture('02b-folded');
        await page.getByRole('button', { name: 'Show the palette' }).click();
        await page.getByRole('button', { name: 'Show Inspect & code' }).click();
        await expect(page.getByTestId('side-panel')).not.toHaveClass(/is-folded/);

        // The header's menus, one at a time.
        for (const [name, testId] of [['03-menu-examples', 'examples-menu'], ['04-menu-file', 'file-menu']] as const) {
          await page.getByTestId(testId).click();
          await expect(page.getByRole('menu')).toBeVisible();
          await capture(name);
          await page.keyboard.press('Escape');
          await expect(page.getByRole('menu')).toBeHidden();
        }

        // The help sheet.
        await page.keyboard.press('?');
        await expect(page.getByTestId('help-sheet')).toBeVisible();
        await capture('05-help');
        await page.keyboard.press('Escape');
        await expect(page.getByTestId('help-sheet')).toBeHidden();

        // A selected node and the inspector. On a phone the panels cover the whole canvas (as
        // they do today), so there is no node to click there.
        if (viewportName !== 'phone') {
          const a = nodeByLabel(page, 'a');
          await grip(a).click();
          await expect(a).toHaveClass(/selected/);
          await capture('06-inspector');

          // The context menu of a node.
          await grip(a).click({ button: 'right' });
          await expect(page.locator('.context-menu')).toBeVisible();
          await capture('07-context-menu');
          await page.keyboard.press('Escape');
          await expect(page.locator('.context-menu')).toBeHidden();
        }

        // An error toast: a file that is not a graph is refused with the reason.
        await page.getByTestId('open-file-input').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ not json') });
        await expect(toast(page)).toBeVisible();
        await capture('08-toast', { toast: true });
        await dismissToast();

        // Backward mode before and after a pass, then its folded tools opened.
        await enterBackwardMode(page);
        await capture('09-backward-idle');
        // Two steps by hand: the chain rule, the order list and the cards' badges.
        await actionButton(page, 'stepBackward').click();
        await actionButton(page, 'stepBackward').click();
        await expect(backwardStatus(page)).toHaveText(/^Pass 1 · step 2 of 7/);
        await expect(page.getByTestId('chain-rule')).toBeVisible();
        await capture('10-backward-stepping');
        await captureParts('10-backward-stepping', backwardPanel(page));
        await actionButton(page, 'finishBackward').click();
        await expect(backwardStatus(page)).toHaveText('1 backward pass since the last Zero grad.');
        await capture('11-backward-done');
        await captureParts('11-backward-done', backwardPanel(page));
        // A second pass without Zero grad: the accumulation warning.
        await actionButton(page, 'backward').click();
        await expect(page.getByTestId('accumulation-notice')).toBeVisible();
        await capture('12-backward-twice');
        await actionButton(page, 'zeroGrad').click();
        await expect(page.getByTestId('accumulation-notice')).toBeHidden();
        for (const summary of ['Gradient check', 'Derivative explorer']) await backwardPanel(page).locator('summary', { hasText: summary }).click();
        await expect(page.getByTestId('gradcheck-table')).toBeVisible();
        await expect(page.getByTestId('explorer-slope')).toBeVisible();
        await capture('13-backward-tools');
        await captureParts('13-backward-tools', backwardPanel(page));

        // Train mode on the first-visit graph, then with the default MLP.
        await modeButton(page, 'Train').click();
        await expect(page.getByTestId('train-panel')).toBeVisible();
        await waitForPlot(page);
        await capture('14-train');
        await insertDefaultMlp(page);
        await settle(page);
        await capture('15-train-mlp');
        await captureParts('15-train-mlp', page.getByTestId('train-panel'));

        // Three steps by hand: seeded, so the same curves and weights every run.
        for (let i = 1; i <= 3; i++) {
          await page.getByTestId('train-step').click();
          await expect(page.getByTestId('train-step-count')).toHaveText(String(i));
        }
        await capture('16-train-stepped');
        await captureParts('16-train-stepped', page.getByTestId('train-panel'));

        // Trained for a while, then paused: how far it got differs run to run, so the numbers,
        // the curves, the plot and the canvas are masked and only the frame around them compared.
        await startTraining(page);
        await expect.poll(async () => Number(await page.getByTestId('train-step-count').textContent())).toBeGreaterThan(10);
        await pauseTraining(page);
        await capture('17-train-paused', {
          styles: false,
          mask: [page.locator('.canvas-area'), page.getByTestId('train-status'), page.getByTestId('training-charts'), page.getByTestId('boundary-canvas')],
        });
        // A dataset with three features: no plane to draw, a note instead (the paused run's
        // numbers are still on screen, so masked as above).
        await page.getByTestId('dataset-select').selectOption('tiny4');
        await expect(page.getByTestId('data-plot-note')).toBeVisible();
        await capture('18-train-no-plane', { styles: false, mask: [page.locator('.canvas-area'), page.getByTestId('train-status'), page.getByTestId('training-charts')] });
        writeFileSync(join(dir, '18-train-no-plane.note.png'), await stableShot(page.getByTestId('data-plot-note')));

        // Back in Build mode: an example with constants and several ops, then a new op with
        // its inputs missing.
        await modeButton(page, 'Build').click();
        const view = await viewportTransform(page);
        await page.getByTestId('examples-menu').click();
        await page.getByTestId('preset-micrograd-readme').click();
        await waitForLayout(page, view);
        await capture('19-build-example');
        if (viewportName !== 'phone') {
          const canvas = await canvasBox(page);
          await dragFromPalette(page, 'add', { x: canvas.x + canvas.width * 0.5, y: canvas.y + 60 });
          await settle(page);
          await capture('20-build-missing-inputs');
        }
      });
    });
  }
}
