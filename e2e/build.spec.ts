import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { PRESETS } from '../src/document/presets';
import { STORED_LAYOUTS } from '../src/document/presets/storedLayout';
import { expect, test, watchConsole } from './fixtures';
import {
  allEdges,
  allNodes,
  canvasBox,
  centreOf,
  dataOf,
  drag,
  dragFromPalette,
  dragNodeBy,
  flowPosition,
  grip,
  idOf,
  IDENTITY_VIEW,
  nodeById,
  nodeByLabel,
  nodeIds,
  openPlayground,
  selectedIds,
  settle,
  toast,
  typeValue,
  viewportTransform,
  waitForLayout,
  wire,
  wireEnds,
  type Point,
} from './helpers/canvas';

/**
 * Building micrograd graphs by hand: the palette, wires, numbers, undo, files, links, layout.
 * Every journey starts on a fresh first visit (the lecture's L = (a*b + c) * f) and uses the
 * mouse and keyboard as a person would.
 */

/** A point on the empty canvas (no node, wire, handle or panel under it or just around it). */
async function emptySpot(page: Page, near?: Point): Promise<Point> {
  const spot = await page.evaluate((target) => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const isEmpty = (x: number, y: number) => {
      const el = document.elementFromPoint(x, y);
      return !!el?.closest('.react-flow__pane') && !el.closest('.react-flow__node, .react-flow__edge, .react-flow__panel, .react-flow__handle');
    };
    const candidates: { x: number; y: number; d: number }[] = [];
    for (let y = pane.top + 70; y < pane.bottom - 70; y += 16) {
      for (let x = pane.left + 70; x < pane.right - 70; x += 16) {
        if ([-24, 0, 24].every((dx) => [-24, 0, 24].every((dy) => isEmpty(x + dx, y + dy)))) {
          const d = target ? Math.hypot(x - target.x, y - target.y) : 0;
          candidates.push({ x, y, d });
        }
      }
    }
    candidates.sort((p, q) => p.d - q.d);
    return candidates[0] ?? null;
  }, near ?? null);
  if (!spot) throw new Error('no empty spot on the canvas');
  return { x: spot.x, y: spot.y };
}

/** Clears the canvas the way a person does: select all, Delete. */
async function clearCanvas(page: Page): Promise<void> {
  const spot = await emptySpot(page);
  await page.mouse.click(spot.x, spot.y);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await expect(allNodes(page)).toHaveCount(0);
}

/** The React Flow node of the only op of this type on the canvas. */
function opNode(page: Page, op: string) {
  return allNodes(page).filter({ has: page.locator(`[data-testid="node-card"][data-op="${op}"]`) });
}

/** Positions of every node, by id, in flow coordinates (from each node's `translate(x px, y px)`). */
async function positions(page: Page): Promise<Map<string, Point>> {
  const entries = await allNodes(page).evaluateAll((els) =>
    els.map((el) => {
      const m = /translate\(\s*(-?[\d.e+-]+)px,\s*(-?[\d.e+-]+)px\)/.exec((el as HTMLElement).style.transform);
      return [el.getAttribute('data-id') ?? '', { x: Number(m?.[1]), y: Number(m?.[2]) }] as const;
    }),
  );
  return new Map(entries);
}

/** Screen boxes of every node, by id. */
async function screenBoxes(page: Page): Promise<Map<string, { x: number; y: number; width: number; height: number }>> {
  const entries = await allNodes(page).evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return [el.getAttribute('data-id') ?? '', { x: r.x, y: r.y, width: r.width, height: r.height }] as const;
    }),
  );
  return new Map(entries);
}

test.describe('building a graph by hand', () => {
  test('drag a + and two Values onto the canvas, wire them, type and scrub a number: the sum follows', async ({ page }) => {
    await openPlayground(page);
    await clearCanvas(page);

    const canvas = await canvasBox(page);
    await dragFromPalette(page, 'value', { x: canvas.x + 220, y: canvas.y + 200 });
    await dragFromPalette(page, 'value', { x: canvas.x + 220, y: canvas.y + 460 });
    await dragFromPalette(page, 'add', { x: canvas.x + 580, y: canvas.y + 330 });

    const a = nodeByLabel(page, 'a');
    const b = nodeByLabel(page, 'b');
    const sum = opNode(page, 'add');
    await expect(a).toHaveCount(1);
    await expect(b).toHaveCount(1);
    await expect(sum).toHaveCount(1);
    // Each card landed where it was dropped, centred on the pointer.
    for (const [node, at] of [
      [a, { x: canvas.x + 220, y: canvas.y + 200 }],
      [b, { x: canvas.x + 220, y: canvas.y + 460 }],
      [sum, { x: canvas.x + 580, y: canvas.y + 330 }],
    ] as const) {
      const box = (await node.boundingBox())!;
      expect(at.x).toBeGreaterThan(box.x);
      expect(at.x).toBeLessThan(box.x + box.width);
      expect(at.y).toBeGreaterThan(box.y - 20);
      expect(at.y).toBeLessThan(box.y + box.height + 20);
    }

    // Unwired, the + says what it lacks.
    await expect(sum.getByTestId('node-error')).toHaveAttribute('data-message', /'a' and 'b'/);

    await wire(page, a, sum, 'a');
    await expect(allEdges(page)).toHaveCount(1);
    await wire(page, b, sum, 'b');
    await expect(allEdges(page)).toHaveCount(2);
    await expect(sum.getByTestId('node-error')).toHaveCount(0);
    // Fresh Values hold 1.0: 1 + 1.
    await expect(sum.getByTestId('node-data')).toHaveAttribute('data-value', '2');

    await typeValue(page, a, '2.5');
    await expect(sum.getByTestId('node-data')).toHaveAttribute('data-value', '3.5');
    await typeValue(page, b, '-4');
    await expect(sum.getByTestId('node-data')).toHaveAttribute('data-value', '-1.5');
    await expect(sum.getByTestId('node-data')).toHaveText(/−1\.5000/);

    // Scrub a sideways: 0.01 per pixel, and the sum follows while the pointer moves.
    const start = await centreOf(a.getByTestId('node-data'));
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + 50, start.y, { steps: 4 });
    await expect.poll(() => dataOf(sum)).toBeCloseTo(-1.0, 10);
    await page.mouse.move(start.x + 100, start.y, { steps: 4 });
    await expect.poll(() => dataOf(sum)).toBeCloseTo(-0.5, 10);
    await page.mouse.up();
    await expect.poll(() => dataOf(a)).toBe(3.5);
    // A scrub is not a click: no text field opened.
    await expect(a.getByTestId('node-data-input')).toHaveCount(0);
    await expect(sum.getByTestId('node-data')).toHaveAttribute('data-value', '-0.5');
  });

  test('a wire that would close a cycle is refused, with the reason', async ({ page }) => {
    await openPlayground(page);
    await expect(allEdges(page)).toHaveCount(6);
    const L = nodeByLabel(page, 'L');
    const e = nodeByLabel(page, 'e');

    await wire(page, L, e, 'a');
    await expect(toast(page)).toContainText('cycle');
    await expect(toast(page)).toContainText("'L' already depends on 'e'");
    await expect(allEdges(page)).toHaveCount(6);
    await expect(L.getByTestId('node-data')).toHaveAttribute('data-value', '-8');
    await expect(L.getByTestId('node-error')).toHaveCount(0);

    // Into itself, too.
    await toast(page).getByRole('button', { name: 'Dismiss' }).click();
    await expect(toast(page)).toHaveCount(0);
    await wire(page, L, L, 'a');
    await expect(toast(page)).toContainText('cycle');
    await expect(allEdges(page)).toHaveCount(6);
  });
});

test.describe('undo and redo', () => {
  test('an edit, a deletion and a drag each undo and redo with Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y', async ({ page }) => {
    await openPlayground(page);
    const a = nodeByLabel(page, 'a');
    const L = nodeByLabel(page, 'L');
    const Ldata = L.getByTestId('node-data');

    // A number: (5 * -3 + 10) * -2 = 10.
    await typeValue(page, a, '5');
    await expect(Ldata).toHaveAttribute('data-value', '10');
    await page.keyboard.press('ControlOrMeta+z');
    await expect(Ldata).toHaveAttribute('data-value', '-8');
    await expect.poll(() => dataOf(a)).toBe(2);
    await page.keyboard.press('ControlOrMeta+Shift+z');
    await expect(Ldata).toHaveAttribute('data-value', '10');
    await page.keyboard.press('ControlOrMeta+z');
    await expect(Ldata).toHaveAttribute('data-value', '-8');
    await page.keyboard.press('ControlOrMeta+y');
    await expect(Ldata).toHaveAttribute('data-value', '10');
    await expect.poll(() => dataOf(a)).toBe(5);

    // A deletion.
    const c = nodeByLabel(page, 'c');
    await grip(c).click();
    await expect(c).toHaveClass(/selected/);
    await page.keyboard.press('Delete');
    await expect(allNodes(page)).toHaveCount(6);
    await expect(allEdges(page)).toHaveCount(5);
    await expect(L.getByTestId('node-error')).toHaveAttribute('data-message', /upstream/);
    await page.keyboard.press('ControlOrMeta+z');
    await expect(allNodes(page)).toHaveCount(7);
    await expect(allEdges(page)).toHaveCount(6);
    await expect(Ldata).toHaveAttribute('data-value', '10');
    await page.keyboard.press('ControlOrMeta+y');
    await expect(allNodes(page)).toHaveCount(6);
    await page.keyboard.press('ControlOrMeta+z');
    await expect(allNodes(page)).toHaveCount(7);

    // A drag, many pointer moves, is one step: one Ctrl+Z puts the node exactly back.
    const f = nodeByLabel(page, 'f');
    const before = await flowPosition(f);
    await dragNodeBy(page, f, -260, 190);
    const moved = await flowPosition(f);
    expect(Math.abs(moved.x - before.x)).toBeGreaterThan(150);
    expect(Math.abs(moved.y - before.y)).toBeGreaterThan(100);
    await page.keyboard.press('ControlOrMeta+z');
    await expect.poll(() => flowPosition(f)).toEqual(before);
    // ...and only the drag was undone.
    await expect(Ldata).toHaveAttribute('data-value', '10');
    await expect(allNodes(page)).toHaveCount(7);
    await page.keyboard.press('ControlOrMeta+Shift+z');
    await expect.poll(() => flowPosition(f)).toEqual(moved);

    // The toolbar buttons do the same.
    await page.locator('[data-action="undo"]').click();
    await expect.poll(() => flowPosition(f)).toEqual(before);
    await page.locator('[data-action="redo"]').click();
    await expect.poll(() => flowPosition(f)).toEqual(moved);
    await expect(page.locator('[data-action="redo"]')).toBeDisabled();
  });

  test('opening adds no undo step of its own: not the first visit, not the layout of an example', async ({ page }) => {
    await openPlayground(page);
    // bootstrap.ts: "Opening is not an edit the person made: nothing to undo yet."
    await expect.soft(page.locator('[data-action="undo"]'), 'undo after a first visit').toBeDisabled({ timeout: 2000 });

    // Choosing an example is one undo step: one Ctrl+Z brings the previous graph back.
    const before = await nodeIds(page);
    const view = await viewportTransform(page);
    await page.getByTestId('examples-menu').click();
    await page.getByTestId('preset-node-used-twice').click();
    await expect(allNodes(page)).toHaveCount(2);
    await waitForLayout(page, view);
    await page.keyboard.press('ControlOrMeta+z');
    await expect.soft(allNodes(page), 'one Ctrl+Z after choosing an example').toHaveCount(7, { timeout: 3000 });
    if ((await allNodes(page).count()) === 7) expect(await nodeIds(page)).toEqual(before);
  });
});

test('a reload brings back the graph and the view exactly', async ({ page }) => {
  await openPlayground(page);
  const a = nodeByLabel(page, 'a');
  await typeValue(page, a, '5');
  await expect(nodeByLabel(page, 'L').getByTestId('node-data')).toHaveAttribute('data-value', '10');

  // Zoom with the wheel over an empty spot, then pan by dragging the empty canvas.
  const viewBefore = await viewportTransform(page);
  const spot = await emptySpot(page);
  await page.mouse.move(spot.x, spot.y);
  await page.mouse.wheel(0, -240);
  await expect.poll(() => viewportTransform(page)).not.toBe(viewBefore);
  await settle(page);
  const zoomed = await viewportTransform(page);
  const from = await emptySpot(page);
  await drag(page, from, { x: from.x + 90, y: from.y + 60 });
  await expect.poll(() => viewportTransform(page)).not.toBe(zoomed);
  await settle(page);
  const view = await viewportTransform(page);
  const places = await positions(page);

  // Autosave runs a moment after the last change: wait until it holds this view.
  const [, tx, ty, zoom] = /translate\((-?[\d.]+)px, (-?[\d.]+)px\) scale\(([\d.]+)\)/.exec(view)!.map(Number);
  await expect
    .poll(async () => {
      const saved = await page.evaluate(() => localStorage.getItem('micrograd-playground/autosave'));
      // The autosave wraps the graph file in an envelope with its revision: `file` is the graph.
      const v = saved ? (JSON.parse(saved) as { file?: { viewport?: { x: number; y: number; zoom: number } } }).file?.viewport : undefined;
      return !!v && Math.abs(v.x - tx!) < 0.01 && Math.abs(v.y - ty!) < 0.01 && Math.abs(v.zoom - zoom!) < 1e-5;
    }, { message: 'the autosave holds the current view' })
    .toBe(true);

  await page.reload();
  await expect(allNodes(page)).toHaveCount(7);
  await expect(nodeByLabel(page, 'L').getByTestId('node-data')).toHaveAttribute('data-value', '10');
  await expect.poll(() => dataOf(nodeByLabel(page, 'a'))).toBe(5);
  await expect.poll(() => viewportTransform(page)).toBe(view);
  await settle(page);
  expect(await viewportTransform(page)).toBe(view);
  expect(await positions(page)).toEqual(places);
  // A returning visitor is not welcomed again.
  await expect(page.getByTestId('welcome')).toHaveCount(0);
});

test('opening a file: a bad one is refused with the reason and the graph stays; Save then Open brings a graph back', async ({ page }) => {
  await openPlayground(page);
  const input = page.getByTestId('open-file-input');
  const L = nodeByLabel(page, 'L');
  const ids = await nodeIds(page);

  await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('a = Value(2.0)\n') });
  await expect(toast(page)).toContainText('Could not open “notes.txt”');
  await expect(toast(page)).toContainText('is not valid JSON');
  await expect(toast(page)).toContainText('Your graph is unchanged');
  expect(await nodeIds(page)).toEqual(ids);
  await expect(L.getByTestId('node-data')).toHaveAttribute('data-value', '-8');

  await input.setInputFiles({ name: 'settings.json', mimeType: 'application/json', buffer: Buffer.from('{"theme": "dark"}') });
  await expect(toast(page)).toContainText('Could not open “settings.json”');
  await expect(toast(page)).toContainText('is not a Micrograd Playground graph');
  expect(await nodeIds(page)).toEqual(ids);

  await input.setInputFiles({
    name: 'cut.graph.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "micrograd-playground/graph", "version": 1, "nodes": ['),
  });
  await expect(toast(page)).toContainText('Could not open “cut.graph.json”');
  await expect(toast(page)).toContainText('ends too soon');
  expect(await nodeIds(page)).toEqual(ids);
  await expect(allEdges(page)).toHaveCount(6);
  await expect(L.getByTestId('node-data')).toHaveAttribute('data-value', '-8');
  await expect.poll(() => dataOf(nodeByLabel(page, 'a'))).toBe(2);

  // A good file: first save this one (with a = 5), File → Save.
  await typeValue(page, nodeByLabel(page, 'a'), '5');
  await expect(nodeByLabel(page, 'L').getByTestId('node-data')).toHaveAttribute('data-value', '10');

  const savedView = await viewportTransform(page);
  await page.getByTestId('file-menu').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="save"]').click()]);
  expect(download.suggestedFilename()).toBe('L.graph.json');
  const saved = await readFile(await download.path());
  const file = JSON.parse(saved.toString('utf8')) as { format: string; nodes: { id: string }[]; wires: unknown[] };
  expect(file.format).toBe('micrograd-playground/graph');
  expect(file.nodes.map((n) => n.id).sort()).toEqual(ids);
  expect(file.wires).toHaveLength(6);
  await expect(toast(page)).toContainText('saved');

  // A small graph written by hand in the file format: p = x * y.
  const tiny = {
    format: 'micrograd-playground/graph',
    version: 1,
    nodes: [
      { id: 'x', kind: 'value', position: { x: 0, y: 0 }, label: 'x', value: 3 },
      { id: 'y', kind: 'value', position: { x: 0, y: 140 }, label: 'y', value: -4 },
      { id: 'p', kind: 'op', position: { x: 260, y: 70 }, op: 'mul', label: 'p' },
    ],
    wires: [
      { id: 'w1', source: 'x', target: 'p', port: 'a' },
      { id: 'w2', source: 'y', target: 'p', port: 'b' },
    ],
    output: 'p',
  };
  await input.setInputFiles({ name: 'tiny.graph.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tiny)) });
  await expect(toast(page)).toContainText('Opened “tiny.graph.json”');
  await expect(allNodes(page)).toHaveCount(3);
  await expect(allEdges(page)).toHaveCount(2);
  await expect(nodeByLabel(page, 'p').getByTestId('node-data')).toHaveAttribute('data-value', '-12');
  await expect(nodeByLabel(page, 'L')).toHaveCount(0);

  // Look elsewhere (wheel zoom), then open the saved file: the L graph comes back as it was saved.
  const spot = await emptySpot(page);
  await page.mouse.move(spot.x, spot.y);
  await page.mouse.wheel(0, 300);
  await expect.poll(() => viewportTransform(page)).not.toBe(savedView);
  await settle(page);
  await input.setInputFiles({ name: 'L.graph.json', mimeType: 'application/json', buffer: saved });
  await expect(toast(page)).toContainText('Opened “L.graph.json”');
  await expect(allNodes(page)).toHaveCount(7);
  expect(await nodeIds(page)).toEqual(ids);
  await expect(nodeByLabel(page, 'L').getByTestId('node-data')).toHaveAttribute('data-value', '10');
  await expect.poll(() => dataOf(nodeByLabel(page, 'a'))).toBe(5);
  await expect(allEdges(page)).toHaveCount(6);

  // The file holds the view it was saved with (and the store and autosave take it): the canvas shows it.
  await expect
    .soft(page.locator('.react-flow__viewport'), 'the view saved in the file')
    .toHaveAttribute('style', `transform: ${savedView};`, { timeout: 3000 });

  // Opening is one undo step.
  await page.keyboard.press('ControlOrMeta+z');
  await expect(allNodes(page)).toHaveCount(3);
});

test('every example shows the lecture number on its output', async ({ page }) => {
  test.setTimeout(90_000);
  // The loop checks the big network's exact output below; make sure that example is still there.
  expect(PRESETS.map((p) => p.id)).toContain('mlp-forward');
  await openPlayground(page);
  for (const preset of PRESETS) {
    const before = await nodeIds(page);
    const count = Object.keys(preset.build().nodes).length;
    await page.getByTestId('examples-menu').click();
    const item = page.getByTestId(`preset-${preset.id}`);
    await expect(item).toContainText(preset.title);
    await item.click();
    await expect(allNodes(page)).toHaveCount(count);
    await expect.poll(async () => (await nodeIds(page)).some((id) => before.includes(id))).toBe(false);

    const out = nodeByLabel(page, preset.expected.label);
    await expect(out, preset.id).toHaveCount(1);
    await expect(out.locator('.output-chip'), `${preset.id} output chip`).toBeVisible();
    const data = out.getByTestId('node-data');
    const value = preset.expected.value;
    await expect.poll(async () => Number(await data.getAttribute('data-value')).toFixed(4), { message: preset.id }).toBe(value.toFixed(4));
    await expect(data).toContainText(Math.abs(value).toFixed(4));
    await expect(data).toHaveClass(value < 0 ? /sign-neg/ : /sign-pos/);
    // Every card is drawn, none in error.
    await expect(page.locator('.react-flow__node [data-testid="node-card"]')).toHaveCount(count);
    await expect(page.getByTestId('node-error')).toHaveCount(0);
    if (preset.id === 'mlp-forward') {
      expect(count).toBeGreaterThan(100);
      // The network's output to the last bit, as src/nn computes it.
      expect(Number(await data.getAttribute('data-value'))).toBe(value);
      await expect(allEdges(page)).toHaveCount(Object.keys(preset.build().wires).length);
    }
  }
  await settle(page);
});

test('examples open where Tidy puts them: no card on another, all in view, and Tidy puts a moved card back', async ({ page }) => {
  test.slow();
  await openPlayground(page);
  for (const [id, leaf] of [['micrograd-readme', 'a'], ['quadratic', 'x']] as const) {
    const preset = PRESETS.find((p) => p.id === id)!;
    const view = await viewportTransform(page);
    await page.getByTestId('examples-menu').click();
    await page.getByTestId(`preset-${id}`).click();
    await expect(allNodes(page)).toHaveCount(Object.keys(preset.build().nodes).length);
    await waitForLayout(page, view);
    // The places the example ships with (the canvas lists nodes in document order).
    const placed = [...(await positions(page)).values()];
    expect(placed).toEqual(STORED_LAYOUTS[id]!.map(([x, y]) => ({ x, y })));

    const canvas = await canvasBox(page);
    const boxes = [...(await screenBoxes(page)).values()];
    boxes.forEach((box, i) => {
      expect(box.x, `${id}: card ${i} in view`).toBeGreaterThanOrEqual(canvas.x);
      expect(box.y, `${id}: card ${i} in view`).toBeGreaterThanOrEqual(canvas.y);
      expect(box.x + box.width, `${id}: card ${i} in view`).toBeLessThanOrEqual(canvas.x + canvas.width);
      expect(box.y + box.height, `${id}: card ${i} in view`).toBeLessThanOrEqual(canvas.y + canvas.height);
      for (const other of boxes.slice(i + 1)) {
        const apart = box.x + box.width <= other.x || other.x + other.width <= box.x || box.y + box.height <= other.y || other.y + other.height <= box.y;
        expect(apart, `${id}: card ${i} lies on another`).toBe(true);
      }
    });

    // Tidy (ELK in its worker, loaded now) agrees: a card moved away goes back, nothing else moves.
    await dragNodeBy(page, nodeByLabel(page, leaf), 0, 140);
    await expect.poll(async () => [...(await positions(page)).values()]).not.toEqual(placed);
    await page.locator('[data-action="tidy"]').click();
    await expect.poll(async () => [...(await positions(page)).values()], { message: `${id}: Tidy lays it out as shipped` }).toEqual(placed);
    await settle(page);
  }
});

test('Tidy lays a scrambled graph out left to right, as one undo step', async ({ page }) => {
  await openPlayground(page);
  const L = nodeByLabel(page, 'L');
  const a = nodeByLabel(page, 'a');
  // Scramble: the output to the far left, a leaf to the right.
  await dragNodeBy(page, L, -520, 120);
  await dragNodeBy(page, a, 460, 40);
  await settle(page);
  // With no wires drawn, every check of wire direction below would pass on nothing.
  expect(await wireEnds(page)).toHaveLength(6);

  const leftToRight = async () => {
    const pos = await positions(page);
    const wires = await wireEnds(page);
    const Lx = pos.get(await idOf(L))!.x;
    return {
      wiresLeftToRight: wires.every((w) => pos.get(w.source)!.x < pos.get(w.target)!.x),
      outputRightMost: [...pos.values()].every((p) => p.x <= Lx),
    };
  };
  expect(await leftToRight()).not.toEqual({ wiresLeftToRight: true, outputRightMost: true });
  const scrambled = await positions(page);

  await page.locator('[data-action="tidy"]').click();
  await expect.poll(leftToRight, { message: 'tidy lays the graph out left to right' }).toEqual({ wiresLeftToRight: true, outputRightMost: true });
  await settle(page);
  expect(await leftToRight()).toEqual({ wiresLeftToRight: true, outputRightMost: true });

  // On screen, too: every wire's source card sits left of its target card, L is right-most.
  const boxes = await screenBoxes(page);
  for (const w of await wireEnds(page)) expect(boxes.get(w.source)!.x).toBeLessThan(boxes.get(w.target)!.x);
  const Lbox = boxes.get(await idOf(L))!;
  for (const box of boxes.values()) expect(box.x).toBeLessThanOrEqual(Lbox.x);
  // The whole graph is in view.
  const canvas = await canvasBox(page);
  for (const box of boxes.values()) {
    expect(box.x).toBeGreaterThanOrEqual(canvas.x);
    expect(box.x + box.width).toBeLessThanOrEqual(canvas.x + canvas.width);
  }

  // The glide was one step: one Ctrl+Z brings the scramble back; 'l' tidies again.
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(() => positions(page)).toEqual(scrambled);
  await page.keyboard.press('l');
  await expect.poll(leftToRight).toEqual({ wiresLeftToRight: true, outputRightMost: true });
  await settle(page);
});

test.describe('selection and the clipboard', () => {
  test('delete, copy/paste, duplicate and select all with the keyboard', async ({ page }) => {
    await openPlayground(page);
    const c = nodeByLabel(page, 'c');
    await grip(c).click();
    await expect(c).toHaveClass(/selected/);
    await page.keyboard.press('Delete');
    await expect(allNodes(page)).toHaveCount(6);
    await expect(allEdges(page)).toHaveCount(5);
    await expect(c).toHaveCount(0);

    // Copy a with e (shift-click adds to the selection): paste brings both and the wire between.
    const a = nodeByLabel(page, 'a');
    const e = nodeByLabel(page, 'e');
    await grip(a).click();
    await grip(e).click({ modifiers: ['Shift'] });
    expect(await selectedIds(page)).toEqual([await idOf(a), await idOf(e)].sort());
    const aAt = await flowPosition(a);
    await page.keyboard.press('ControlOrMeta+c');
    await page.keyboard.press('ControlOrMeta+v');
    await expect(allNodes(page)).toHaveCount(8);
    await expect(allEdges(page)).toHaveCount(6);
    await expect(a).toHaveCount(2);
    await expect(e).toHaveCount(2);
    // The pasted pair is selected, a step down and right of the original.
    const pasted = await selectedIds(page);
    expect(pasted).toHaveLength(2);
    const pastedA = a.and(page.locator('.selected'));
    await expect(pastedA).toHaveCount(1);
    expect(await flowPosition(pastedA)).toEqual({ x: aAt.x + 40, y: aAt.y + 40 });
    // The pasted e is wired to the pasted a; its b came from b, which was not copied, so it says so.
    await expect(e.and(page.locator('.selected')).getByTestId('node-error')).toHaveAttribute('data-message', /'b'/);

    // Duplicate the selection.
    await page.keyboard.press('ControlOrMeta+d');
    await expect(allNodes(page)).toHaveCount(10);
    await expect(allEdges(page)).toHaveCount(7);
    await expect(a).toHaveCount(3);
    const duplicated = await selectedIds(page);
    expect(duplicated).toHaveLength(2);
    expect(duplicated.some((id) => pasted.includes(id))).toBe(false);

    // Select all, then delete everything.
    await page.keyboard.press('ControlOrMeta+a');
    await expect(page.locator('.react-flow__node.selected')).toHaveCount(10);
    await page.keyboard.press('Delete');
    await expect(allNodes(page)).toHaveCount(0);
    await expect(allEdges(page)).toHaveCount(0);
  });

  test('Shift+drag on the canvas selects the nodes inside the box', async ({ page }) => {
    await openPlayground(page);
    const a = (await nodeByLabel(page, 'a').boundingBox())!;
    const b = (await nodeByLabel(page, 'b').boundingBox())!;
    const margin = 14;
    const left = Math.min(a.x, b.x) - margin;
    const top = Math.min(a.y, b.y) - margin;
    const right = Math.max(a.x + a.width, b.x + b.width) + margin;
    const bottom = Math.max(a.y + a.height, b.y + b.height) + margin;
    // Which cards lie wholly inside that box.
    const expected = [...(await screenBoxes(page))]
      .filter(([, box]) => box.x >= left && box.y >= top && box.x + box.width <= right && box.y + box.height <= bottom)
      .map(([id]) => id);
    expect(expected).toContain(await idOf(nodeByLabel(page, 'a')));
    expect(expected).toContain(await idOf(nodeByLabel(page, 'b')));

    await page.keyboard.down('Shift');
    // Holding Shift turns the pane into a selection surface: wait for it, as a hand would.
    await expect(page.locator('.react-flow__pane')).toHaveClass(/\bselection\b/);
    await drag(page, { x: left, y: top }, { x: right, y: bottom });
    await page.keyboard.up('Shift');
    await expect.poll(() => selectedIds(page)).toEqual(expected.sort());

    // The selection moves together, as one undo step...
    const before = await positions(page);
    const from = await centreOf(grip(nodeByLabel(page, 'a')));
    await drag(page, from, { x: from.x + 150, y: from.y + 90 });
    const after = await positions(page);
    const moved = [...after].filter(([id, p]) => p.x !== before.get(id)!.x || p.y !== before.get(id)!.y).map(([id]) => id);
    expect(moved.sort()).toEqual(expected);
    const deltas = moved.map((id) => ({ x: after.get(id)!.x - before.get(id)!.x, y: after.get(id)!.y - before.get(id)!.y }));
    // (positions are read back from CSS, which keeps six significant digits)
    for (const d of deltas) {
      expect(d.x).toBeCloseTo(deltas[0]!.x, 2);
      expect(d.y).toBeCloseTo(deltas[0]!.y, 2);
    }
    expect(deltas[0]!.x).toBeGreaterThan(100);
    await page.keyboard.press('ControlOrMeta+z');
    await expect.poll(() => positions(page)).toEqual(before);
    // ...and deletes together.
    await expect.poll(() => selectedIds(page)).toEqual(expected);
    await page.keyboard.press('Delete');
    await expect(allNodes(page)).toHaveCount(7 - expected.length);
  });

  test('right-click a node → Delete removes it', async ({ page }) => {
    await openPlayground(page);
    const c = nodeByLabel(page, 'c');
    await grip(c).click({ button: 'right' });
    const menu = page.getByTestId('context-menu');
    await expect(menu).toBeVisible();
    // The node's menu, not the canvas's "Add here".
    await expect(menu.getByRole('menuitem', { name: 'Delete' })).toBeVisible({ timeout: 3000 });
    await expect(menu).not.toContainText('Add here');
    await menu.getByRole('menuitem', { name: 'Delete' }).click();
    await expect(menu).toHaveCount(0);
    await expect(allNodes(page)).toHaveCount(6);
    await expect(c).toHaveCount(0);
    await expect(allEdges(page)).toHaveCount(5);
  });

  test('right-click the canvas → Add here → Value adds a leaf under the pointer', async ({ page }) => {
    await openPlayground(page);
    const menu = page.getByTestId('context-menu');
    const ids = await nodeIds(page);
    const spot = await emptySpot(page);
    await page.mouse.click(spot.x, spot.y, { button: 'right' });
    await expect(menu).toBeVisible();
    await expect(menu).toContainText('Add here');
    await menu.getByRole('menuitem').filter({ hasText: /\bValue$/ }).click();
    await expect(menu).toHaveCount(0);
    await expect(allNodes(page)).toHaveCount(8);
    const [added] = (await nodeIds(page)).filter((id) => !ids.includes(id));
    const node = nodeById(page, added!);
    await expect(node.locator('.node-card--value')).toBeVisible();
    // A fresh leaf takes the next free name (a to f and L are taken), and lands under the pointer.
    await expect(node.getByTestId('node-card')).toHaveAttribute('data-label', 'g');
    await expect(node).toHaveClass(/selected/);
    const box = (await node.boundingBox())!;
    expect(spot.x).toBeGreaterThan(box.x);
    expect(spot.x).toBeLessThan(box.x + box.width);
    expect(spot.y).toBeGreaterThan(box.y);
    expect(spot.y).toBeLessThan(box.y + box.height);

    // Escape closes the menu without doing anything.
    const again = await emptySpot(page);
    await page.mouse.click(again.x, again.y, { button: 'right' });
    await expect(menu).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
    await expect(allNodes(page)).toHaveCount(8);
  });

  test("'?' opens the help sheet listing the shortcuts", async ({ page }) => {
    await openPlayground(page);
    const sheet = page.getByTestId('help-sheet');
    await expect(sheet).toBeHidden();
    await page.keyboard.press('?');
    await expect(sheet).toBeVisible();
    await expect(sheet.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeVisible();
    const row = (label: string) => sheet.locator('.sheet__row').filter({ has: page.locator('dt', { hasText: label }) });
    for (const [label, keys] of [
      ['Undo', ['Ctrl+Z']],
      ['Redo', ['Ctrl+Shift+Z', 'Ctrl+Y']],
      ['Delete selection', ['Del', '⌫']],
      ['Copy', ['Ctrl+C']],
      ['Paste', ['Ctrl+V']],
      ['Duplicate', ['Ctrl+D']],
      ['Select all', ['Ctrl+A']],
      ['Tidy layout', ['L']],
      ['Keyboard shortcuts', ['?']],
    ] as const) {
      await expect(row(label).first().locator('kbd'), label).toHaveText([...keys]);
    }
    await expect(row('Box select')).toContainText('Shift');
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();
    // The toolbar's help button opens it as well.
    await page.locator('[data-action="help"]').click();
    await expect(sheet).toBeVisible();
    await sheet.getByRole('button', { name: 'Close' }).click();
    await expect(sheet).toBeHidden();
  });
});

test('a node that cannot be computed is marked and says why', async ({ page }) => {
  await openPlayground(page);
  await clearCanvas(page);
  const canvas = await canvasBox(page);
  await dragFromPalette(page, 'div', { x: canvas.x + 520, y: canvas.y + 300 });
  const div = opNode(page, 'div');
  const error = div.getByTestId('node-error');
  await expect(error).toHaveAttribute('data-message', "needs inputs 'a' and 'b' wired");
  await expect(div.locator('[data-testid="node-card"]')).toHaveClass(/has-error/);
  await expect(div.locator('.op-port.is-missing')).toHaveText(['a', 'b']);

  await dragFromPalette(page, 'value', { x: canvas.x + 200, y: canvas.y + 180 });
  const a = nodeByLabel(page, 'a');
  await wire(page, a, div, 'a');
  await expect(error).toHaveAttribute('data-message', "needs input 'b' wired");
  await expect(div.locator('.op-port.is-missing')).toHaveText(['b']);

  await dragFromPalette(page, 'value', { x: canvas.x + 200, y: canvas.y + 440 });
  const b = nodeByLabel(page, 'b');
  await wire(page, b, div, 'b');
  await expect(error).toHaveCount(0);
  await expect(div.getByTestId('node-data')).toHaveAttribute('data-value', '1');

  // A tanh after the division, to see the trouble flow downstream.
  await dragFromPalette(page, 'tanh', { x: canvas.x + 760, y: canvas.y + 300 });
  const tanh = opNode(page, 'tanh');
  await wire(page, div, tanh, 'x');
  await expect(tanh.getByTestId('node-error')).toHaveCount(0);

  await typeValue(page, b, '0');
  await expect(error).toHaveAttribute('data-message', /division by zero/);
  await expect(error).toHaveAttribute('aria-label', /division by zero/);
  await expect(div.getByTestId('node-data')).toHaveAttribute('data-value', 'Infinity');
  await expect(tanh.getByTestId('node-error')).toHaveAttribute('data-message', /upstream: .*division by zero/);
  await expect(tanh.locator('[data-testid="node-card"]')).toHaveClass(/has-upstream-error/);

  // Fix the divisor and the marks go away.
  await typeValue(page, b, '4');
  await expect(error).toHaveCount(0);
  await expect(tanh.getByTestId('node-error')).toHaveCount(0);
  await expect(div.getByTestId('node-data')).toHaveAttribute('data-value', '0.25');
});

test('a grad that overflows to Infinity with finite data is marked and says why', async ({ page }) => {
  await openPlayground(page);
  await clearCanvas(page);
  const canvas = await canvasBox(page);
  await dragFromPalette(page, 'value', { x: canvas.x + 220, y: canvas.y + 300 });
  await dragFromPalette(page, 'log', { x: canvas.x + 560, y: canvas.y + 300 });
  const a = nodeByLabel(page, 'a');
  const log = opNode(page, 'log');
  await wire(page, a, log, 'x');
  // A tiny but finite number: log of it is about −737, and d log/da = 1/a overflows.
  await typeValue(page, a, '1e-320');
  await expect(log.getByTestId('node-data')).toHaveAttribute('data-value', /^-73\d\./);
  await expect(a.getByTestId('node-error'), 'no mark before backward: the grad shown is 0').toHaveCount(0);

  await page.keyboard.press('b');
  await expect(a.getByTestId('node-grad')).toHaveAttribute('data-value', 'Infinity');
  const mark = a.getByTestId('node-error');
  await expect(mark).toHaveAttribute('data-message', /^grad is Infinity: the local derivative d.*\/da is Infinity here/);
  await expect(mark).toHaveAttribute('aria-label', /grad is Infinity/);
  await expect(a.locator('[data-testid="node-card"]')).toHaveClass(/has-error/);
  await expect(log.getByTestId('node-error')).toHaveCount(0);

  // Zero grad takes the Infinity, and its mark, away.
  await page.keyboard.press('z');
  await expect(a.getByTestId('node-grad')).toHaveAttribute('data-value', '0');
  await expect(mark).toHaveCount(0);
});

test.describe('share links', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('File → Copy a share link gives a link that opens the same graph elsewhere', async ({ page, browser, baseURL }) => {
    await openPlayground(page);
    await typeValue(page, nodeByLabel(page, 'a'), '5');
    const L = nodeByLabel(page, 'L');
    await L.getByTestId('node-label').dblclick();
    const rename = L.getByTestId('node-label-input');
    await expect(rename).toBeFocused();
    await page.keyboard.type('loss');
    await page.keyboard.press('Enter');
    const loss = nodeByLabel(page, 'loss');
    await expect(loss.getByTestId('node-data')).toHaveAttribute('data-value', '10');
    const labels = async (p: Page) =>
      (await p.locator('[data-testid="node-card"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-label') ?? ''))).sort();
    const mine = await labels(page);

    await page.getByTestId('file-menu').click();
    await page.locator('[data-action="share"]').click();
    await expect(toast(page)).toContainText('Share link copied');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link.startsWith(`${baseURL}#g=`)).toBe(true);
    expect(link).toMatch(/#g=[A-Za-z0-9_-]+$/);

    // Where the clipboard is refused, the same link goes to the address bar instead.
    await page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) }, configurable: true });
    });
    await page.getByTestId('file-menu').click();
    await page.locator('[data-action="share"]').click();
    await expect(toast(page)).toContainText('address bar');
    await expect.poll(() => page.url()).toBe(link);
    // The person closes this tab...
    await page.close();

    // ...and opens the link somewhere else: a new browser context, so no autosave carries over.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      const other = await context.newPage();
      const problems = watchConsole(other);
      await other.goto(link);
      await expect(allNodes(other)).toHaveCount(7);
      await expect(allEdges(other)).toHaveCount(6);
      expect(await labels(other)).toEqual(mine);
      await expect(nodeByLabel(other, 'loss').getByTestId('node-data')).toHaveAttribute('data-value', '10');
      await expect.poll(() => dataOf(nodeByLabel(other, 'a'))).toBe(5);
      await expect(nodeByLabel(other, 'loss').locator('.output-chip')).toBeVisible();
      // The link has done its job: the address loses the graph, the autosave keeps it.
      await expect.poll(() => new URL(other.url()).hash).toBe('');
      await waitForLayout(other, IDENTITY_VIEW);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
