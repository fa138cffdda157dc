import type { Browser, Page } from '@playwright/test';
import { serializeDocument } from '../../src/document/file/serialize';
import { expandedMlpDoc, type BigGraph } from './bigGraphDocs';
import { BENCH_PAGE, LIGHT_CATEGORIES, mainThreadPerFrame, quantile, traceMainThread, type FrameCost } from './browserTrace';
import type { BenchLine } from './measure';
import type { Transfer } from './pageBytes';

/**
 * Issue 11 item 4: speed on a 2,000-node graph, in headless Chromium on the production build,
 * driven as a person drives it: a fresh visit (whose downloads are counted), File → Open of a
 * saved file, typing into a leaf's card, dragging and wheeling the canvas, Backward.
 *
 * The graph is micrograd's MLP(2, [24, 24, 1]) expanded to one node per multiply and add (2,044
 * nodes, 2,641 wires), opened from a file saved zoomed all the way out (0.1, the canvas's least
 * zoom) with the inputs at the left edge: the most cards on screen a person can get, and the
 * view a person who saved after "Fit view" would have (the graph is far too big to fit at 0.1).
 * File → Open rather than a share link because the file keeps its view and positions and opens
 * without ELK; a link or a first autosave lays the graph out again, which is a separate cost.
 */
const EDIT_SAMPLES = 20;
const DRIVE_MS = 2500;
const BACKWARD_MS = 3000;
/** Longest the bench waits for the opened graph to answer a click before giving up. */
const OPEN_LIMIT_MS = 180_000;
/** The view the file was saved with. */
export const SAVED_ZOOM = 0.1;

/**
 * Waits (on frames, not a timer) until the page has drawn `ms` of frames with no gap over
 * 100 ms: nothing pending. A gap that long is work of the app's own; shorter ones happen on
 * an idle page too when the shared machine is busy.
 */
async function quiet(page: Page, ms = 400): Promise<void> {
  await page.evaluate(`new Promise((resolve) => {
    let last = performance.now();
    let calmSince = last;
    function tick(t) {
      if (t - last > 100) calmSince = t;
      last = t;
      if (t - calmSince >= ${ms}) resolve(null);
      else requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  })`);
}

/** Where the canvas pane sits on the page. */
export async function paneBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.locator('.react-flow').boundingBox();
  if (!box) throw new Error('no canvas on the page');
  return box;
}

/**
 * A point on the empty canvas (a drag from there pans): the saved view leaves a margin left of
 * the inputs, so the search starts there; each probe is a hit test against every card and
 * wire on screen, so it runs before any trace and tries few points.
 */
async function emptySpot(page: Page): Promise<{ x: number; y: number }> {
  const spot = await page.evaluate<{ x: number; y: number } | null>(`(() => {
    const r = document.querySelector('.react-flow').getBoundingClientRect();
    for (let x = r.left + 16; x < r.right - 40; x += 48)
      for (let y = r.top + 120; y < r.bottom - 160; y += 48) {
        const el = document.elementFromPoint(x, y);
        if (el && el.closest('.react-flow__pane') && !el.closest('.react-flow__node, .react-flow__edge, .react-flow__panel')) return { x, y };
      }
    return null;
  })()`);
  if (!spot) throw new Error('no empty spot on the canvas to drag from');
  return spot;
}

/**
 * Where a point of a card (its top-left plus `dx`, `dy` flow pixels) is on screen, from the
 * canvas's transform: zoomed out, a big graph's cards are painted by the far view and have no
 * element to find until the pointer is over them.
 */
async function screenPoint(page: Page, at: { x: number; y: number }, dx = 40, dy = 40): Promise<{ x: number; y: number }> {
  return page.evaluate<{ x: number; y: number }>(`(() => {
    const m = /translate\\(([-\\d.e]+)px, ([-\\d.e]+)px\\) scale\\(([\\d.e]+)\\)/.exec(document.querySelector('.react-flow__viewport').style.transform);
    const r = document.querySelector('.react-flow').getBoundingClientRect();
    const z = Number(m[3]);
    return { x: r.left + Number(m[1]) + (${at.x} + ${dx}) * z, y: r.top + Number(m[2]) + (${at.y} + ${dy}) * z };
  })()`);
}

/** The first page load: what a fresh visit downloads before the person does anything. */
export async function firstLoad(page: Page, url: string, takeTransfers: () => Transfer[]): Promise<Transfer[]> {
  takeTransfers();
  await page.goto(url);
  // The first visit lays out the lecture's example (the ELK worker is part of the load) and fits it.
  await page.waitForFunction(`document.querySelectorAll('.react-flow__node').length === 7 &&
    document.querySelector('.react-flow__viewport').style.transform !== 'translate(0px, 0px) scale(1)'`);
  await page.waitForLoadState('networkidle');
  await quiet(page);
  return takeTransfers();
}

interface OpenTimes {
  /** ms from the file input's change event to the first frame showing the leaf's card. */
  cards: number;
  /** ... to the first frame showing the wire from the leaf to its first reader. */
  wires: number;
  /** ... to the first frame showing the clicked card selected. */
  selected: number;
  /** Cards in the DOM once open. */
  cardsInDom: number;
}

/**
 * File → Open the graph (menu, file chooser), then click a card of it until a click selects
 * it. The first frame showing it selected is the first interactive frame: it includes the
 * wait for a click to be handled at all, so it is late by at most one click's round trip.
 */
export async function openFile(page: Page, graph: BigGraph, file: string): Promise<OpenTimes> {
  const target = graph.dependents[0]!;
  const wire = Object.values(graph.doc.wires).find((w) => w.source === graph.leaf && w.target === target)!;
  await page.evaluate(`(() => {
    const o = (window.__open = { t0: null, cards: null, wires: null, selected: null });
    document.addEventListener('change', (e) => {
      if (o.t0 === null && e.target instanceof HTMLInputElement && e.target.type === 'file') {
        o.t0 = e.timeStamp;
        performance.mark('bench:file-picked');
      }
    }, true);
    function tick() {
      const now = performance.now();
      if (o.t0 !== null) {
        // Zoomed out, the far view paints every card and wire at once (its canvas counts them).
        const painted = document.querySelector('[data-testid="far-view"].is-on')?.dataset.cards === '${Object.keys(graph.doc.nodes).length}';
        if (o.cards === null && (painted || document.querySelector('[data-testid="rf__node-${graph.leaf}"]'))) o.cards = now - o.t0;
        if (o.wires === null && (painted || document.querySelector('[data-testid="rf__edge-${wire.id}"]'))) o.wires = now - o.t0;
        if (o.selected === null && document.querySelector('[data-testid="rf__node-${target}"].selected')) o.selected = now - o.t0;
      }
      if (o.selected === null) requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  })()`);
  await page.getByTestId('file-menu').click();
  const chooser = page.waitForEvent('filechooser');
  await page.locator('[data-action="open"]').click();
  await (await chooser).setFiles({ name: 'big.graph.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  // One click per painted frame: faster, and clicks on the old graph or the pane would pile up
  // work faster than the page can draw it (a run hung like that for 17 minutes).
  const deadline = Date.now() + OPEN_LIMIT_MS;
  for (;;) {
    // Clicked where the card is drawn once it is (opening may fit the view rather than keep the
    // file's): before that there is nothing of the new graph to click.
    const opened = await page.evaluate<boolean>('window.__open.cards !== null');
    if (opened) {
      const at = await screenPoint(page, graph.doc.nodes[target]!.position);
      await page.mouse.click(at.x, at.y);
    }
    const done = await page.evaluate<boolean>('new Promise((resolve) => requestAnimationFrame(() => resolve(window.__open.selected !== null)))');
    if (done) break;
    if (Date.now() > deadline) throw new Error(`no click selected the opened graph's card within ${OPEN_LIMIT_MS / 1000} s`);
  }
  await quiet(page);
  const times = await page.evaluate<Omit<OpenTimes, 'cardsInDom'>>('window.__open');
  const cardsInDom = await page.locator('.react-flow__node').count();
  return { ...times, cardsInDom };
}

/**
 * Types a number into the leaf's card and times, in the page, from the Enter key's event to the
 * moment a reader's card shows different text (a MutationObserver), and to the frame after.
 */
export async function leafEdits(page: Page, graph: BigGraph, samples = EDIT_SAMPLES): Promise<{ changed: number[]; frame: number[] }> {
  const reader = graph.dependents[0]!;
  const card = page.locator(`[data-testid="rf__node-${graph.leaf}"]`);
  const input = card.getByTestId('node-data-input');
  // The view stays put while editing: where the number is, once, then plain mouse clicks there.
  // Zoomed out on a graph this big a card is painted by the far view until the pointer is over it.
  const leafAt = await screenPoint(page, graph.doc.nodes[graph.leaf]!.position);
  await page.mouse.move(leafAt.x, leafAt.y);
  await card.waitFor();
  const box = (await card.getByTestId('node-data').boundingBox())!;
  const changed: number[] = [];
  const frame: number[] = [];
  for (let k = 0; k < samples; k++) {
    const t0 = Date.now();
    await quiet(page, 300);
    const t1 = Date.now();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await input.waitFor();
    const t2 = Date.now();
    // Signs alternate so the reader's text always changes.
    await page.keyboard.type(String((k % 2 ? -1 : 1) * (0.3 + 0.05 * k)));
    // The reader's new number reaches the screen as a far-view paint of the new graph, or, where
    // the reader is a DOM card, as its text.
    const sample = page.evaluate<{ changed: number; frame: number }>(`new Promise((resolve, reject) => {
      const card = document.querySelector('[data-testid="rf__node-${reader}"]');
      const text = () => card?.querySelector('[data-testid="node-data"]')?.textContent;
      const before = text();
      let start = null;
      let done = false;
      const finish = (changed) => {
        if (done) return;
        done = true;
        observer.disconnect();
        marks.disconnect();
        requestAnimationFrame(() => resolve({ changed, frame: performance.now() - start }));
      };
      window.addEventListener('keydown', (e) => { if (e.key === 'Enter') start = e.timeStamp; }, { capture: true, once: true });
      const observer = new MutationObserver(() => {
        if (start !== null && text() !== before) finish(performance.now() - start);
      });
      if (card) observer.observe(card, { subtree: true, childList: true, characterData: true });
      const marks = new PerformanceObserver((list) => {
        for (const m of list.getEntries()) if (start !== null && m.startTime > start && m.detail?.newDoc) finish(performance.now() - start);
      });
      marks.observe({ entryTypes: ['mark'] });
      setTimeout(() => reject(new Error('the reader card did not change within 20 s')), 20000);
    })`);
    // Let the observer be in place before the key goes down.
    await page.evaluate('0');
    await page.keyboard.press('Enter');
    const s = await sample;
    progress(`edit ${k}: quiet ${t1 - t0} ms, click ${t2 - t1} ms, type+change ${Date.now() - t2} ms, change ${s.changed.toFixed(0)} ms`);
    changed.push(s.changed);
    frame.push(s.frame);
  }
  return { changed, frame };
}

/** The canvas's view transform, e.g. 'translate(40px, -46px) scale(0.1)'. */
function viewTransform(page: Page): Promise<string> {
  return page.evaluate<string>(`document.querySelector('.react-flow__viewport').style.transform`);
}

/** Drags the canvas from `from` round in a circle for DRIVE_MS. */
async function dragPan(page: Page, from: { x: number; y: number }): Promise<void> {
  const before = await viewTransform(page);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const start = Date.now();
  let a = 0;
  for (; Date.now() - start < DRIVE_MS; a += 0.12) {
    await page.mouse.move(from.x + 120 * Math.sin(a), from.y + 80 * (1 - Math.cos(a)));
  }
  await page.mouse.up();
  if ((await viewTransform(page)) === before && a > 0.2) throw new Error('the drag did not pan the canvas');
}

/** Wheels in and out over the middle of the canvas for DRIVE_MS (from the least zoom, in first). */
async function wheelZoom(page: Page): Promise<void> {
  const pane = await paneBox(page);
  const before = await viewTransform(page);
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  const seen = new Set<string>();
  const start = Date.now();
  for (let i = 0; Date.now() - start < DRIVE_MS; i++) {
    await page.mouse.wheel(0, Math.floor(i / 6) % 2 === 0 ? -100 : 100);
    seen.add(await viewTransform(page));
  }
  seen.delete(before);
  if (seen.size === 0) throw new Error('the wheel did not zoom the canvas');
}

const kB = (bytes: number) => bytes / 1000;
const signed = (x: number) => `${x < 0 ? '−' : '+'}${Math.abs(x).toFixed(1)}`;

/** A frame line's note: how the frames went and what the main thread did meanwhile. */
function frameNote(cost: FrameCost, goal: string): string {
  return (
    `${goal}median over time; ${cost.fps.toFixed(1)} frames/s, plain median ${cost.medianFrame.toFixed(0)} ms, p95 ${cost.p95Frame.toFixed(0)} ms; ` +
    `main thread per 60 Hz slot median ${cost.busyMedian.toFixed(1)}, p95 ${cost.busyP95.toFixed(1)}, mean ${cost.busyMean.toFixed(1)} ms; longest task ${cost.longestTask.toFixed(0)} ms`
  );
}

/** BENCH_VERBOSE=1 says on stderr where the run is, for working on the bench. */
function progress(step: string): void {
  if (process.env.BENCH_VERBOSE) process.stderr.write(`[big graph ${new Date().toISOString().slice(11, 19)}] ${step}\n`);
}

/** The big-graph group of the browser bench. */
export async function bigGraphBench(browser: Browser, url: string, takeTransfers: () => Transfer[]): Promise<BenchLine[]> {
  const graph = expandedMlpDoc(2, [24, 24, 1]);
  const nodes = Object.keys(graph.doc.nodes).length;
  const wires = Object.keys(graph.doc.wires).length;
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: BENCH_PAGE.bypassCSP });
  const page = await context.newPage();
  const lines: BenchLine[] = [];
  try {
    progress('first load');
    const transfers = await firstLoad(page, url, takeTransfers);
    await page.getByRole('button', { name: 'Start playing' }).click();

    const pane = await paneBox(page);
    const viewport = { x: 40, y: pane.height / 2 - (graph.size.height / 2) * SAVED_ZOOM, zoom: SAVED_ZOOM };
    const file = serializeDocument(graph.doc, viewport);
    progress('File → Open');
    const { trace, result: open } = await traceMainThread(page, 'toplevel,blink.user_timing', () => openFile(page, graph, file));
    const picked = trace.events.find((e) => e.name === 'bench:file-picked')?.ts ?? trace.tasks[0]!.ts;
    const opening = trace.tasks.filter((t) => t.ts + t.dur! >= picked);
    const longest = Math.max(...opening.map((t) => t.dur! / 1000));
    const over50 = opening.filter((t) => t.dur! > 50_000);
    // When the long tasks ran, from the moment the file was picked: where to look first.
    const when = over50.map((t) => `${signed((t.ts - picked) / 1e6)} s: ${(t.dur! / 1000).toFixed(0)}`).join(', ');

    progress('leaf edits');
    const edits = await leafEdits(page, graph);
    await quiet(page);
    progress('pan');
    const from = await emptySpot(page);
    const pan = await mainThreadPerFrame(page, DRIVE_MS, LIGHT_CATEGORIES, () => dragPan(page, from));
    await quiet(page);
    progress('zoom');
    const zoom = await mainThreadPerFrame(page, DRIVE_MS, LIGHT_CATEGORIES, () => wheelZoom(page));
    await quiet(page);

    progress('backward');
    const modes = page.getByRole('navigation', { name: 'Mode' });
    await modes.getByRole('button', { name: 'Backward', exact: true }).click();
    await page.locator('[data-action="backward"]').first().waitFor();
    await quiet(page);
    await page.locator('[data-action="backward"]').first().click();
    const backward = await mainThreadPerFrame(page, BACKWARD_MS);

    const group = `big graph: ${nodes}-node expanded MLP(2, [24, 24, 1]), ${wires} wires (headless Chromium, production build)`;
    const total = transfers.reduce((s, t) => s + t.bytes, 0);
    const biggest = [...transfers].sort((a, b) => b.bytes - a.bytes).slice(0, 5);
    const encodings = [...new Set(transfers.map((t) => t.encoding || 'none'))].join('/');
    lines.push(
      {
        group,
        name: 'first load: bytes before the first interaction',
        ms: kB(total),
        unit: 'kB',
        note: `goal ≤ 300 kB; ${transfers.length} responses, counted at the server, encodings ${encodings} as vite preview sends them (gzip, no brotli); fresh visit up to network idle`,
      },
      ...biggest.map((t) => ({ group, name: `  ${t.path.replace(/^assets\//, '')}`, ms: kB(t.bytes), unit: 'kB', note: t.encoding || 'uncompressed' })),
      {
        group,
        name: 'File → Open: first frame with the cards',
        ms: open.cards,
        note: `from the file input's change event; ${open.cardsInDom} cards in the DOM at zoom ${SAVED_ZOOM}`,
      },
      { group, name: 'File → Open: first frame with the wires', ms: open.wires },
      {
        group,
        name: 'File → Open: first interactive frame',
        ms: open.selected,
        note: 'first frame showing a card selected by a click; clicks repeat from when the file is picked',
      },
      {
        group,
        name: 'File → Open: longest main-thread task',
        ms: longest,
        note: `goal ≤ 500 ms; ${over50.length} tasks over 50 ms, ${(over50.reduce((s, t) => s + t.dur!, 0) / 1000).toFixed(0)} ms in them; at ${when} ms`,
      },
      {
        group,
        name: 'leaf edit: Enter to the reader card\'s new text (median)',
        ms: quantile(edits.changed, 0.5),
        note: `goal ≤ 100 ms; p95 ${quantile(edits.changed, 0.95).toFixed(0)} ms over ${edits.changed.length} edits of x0 on its card; next frame +${(quantile(edits.frame, 0.5) - quantile(edits.changed, 0.5)).toFixed(0)} ms`,
      },
      { group, name: 'pan (drag): frame interval', ms: pan.frameOverTime, note: frameNote(pan, 'goal ≤ 16 ms; ') },
      { group, name: 'zoom (wheel): frame interval', ms: zoom.frameOverTime, note: frameNote(zoom, 'goal ≤ 16 ms; ') },
      {
        group,
        name: 'Backward animation: main-thread ms per frame',
        ms: backward.busyMedian,
        note: `median of 60 Hz slots as in the 300-node group, p95 ${backward.busyP95.toFixed(1)}, mean ${backward.busyMean.toFixed(1)} ms; per painted frame ${((backward.busyMean * 60) / backward.fps).toFixed(0)} ms; frames ${backward.frameOverTime.toFixed(0)} ms apart over time, ${backward.fps.toFixed(1)} frames/s; longest task ${backward.longestTask.toFixed(0)} ms`,
      },
    );
  } finally {
    await context.close();
  }
  return lines;
}
