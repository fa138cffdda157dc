import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { build, preview } from 'vite';
import { insertMlp } from '../../src/document/network/insertMlp';
import { encodeShareHash } from '../../src/document/file/shareLink';
import { EMPTY_DOC, type GraphDoc } from '../../src/document/types';
import { sampleGraph } from '../../src/training/explainSample';
import { DEFAULT_SETUP } from '../../src/training/setup';
import { bigGraphBench } from './bigGraph.bench';
import { BENCH_PAGE, FRAME_CATEGORIES, mainThreadPerFrame } from './browserTrace';
import type { BenchLine } from './measure';
import { transferCounter } from './pageBytes';

/**
 * Issue 4 (animation cost) and issue 5 (decision-boundary refresh rate), measured in a real
 * headless Chromium on the production build. Main-thread time comes from a DevTools trace of
 * the renderer's main thread, summed into 60 Hz slots; the baseline is the same page idle, in
 * the same process. Headless Chromium draws WebGL in software (SwiftShader), so these figures
 * are pessimistic for a machine with a GPU. The gradient-flow overlay draws in a worker; its
 * frame rate is counted from the worker's canvas frame pushes in a second trace window.
 */
const WINDOW_MS = 3000;

/** A ~300-node scalar graph: one point of MLP(2, [8, 8, 1]) taken apart op by op. */
function threeHundredNodes(): GraphDoc {
  const { doc } = insertMlp(EMPTY_DOC, { nin: 2, sizes: [8, 8, 1], activation: 'tanh', seed: 3, style: 'neurons', loss: 'squared', at: { x: 0, y: 0 } });
  const graph = sampleGraph(doc, { x: [0.4, -0.3], label: 1 }, { form: 'scalars', cap: 1000 });
  if (!graph.ok) throw new Error(graph.reason);
  return graph.doc;
}

/** The 300-node Backward animation and the training page. */
async function smallGraphBench(browser: Browser, url: string): Promise<BenchLine[]> {
  const lines: BenchLine[] = [];
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: BENCH_PAGE.bypassCSP });
  const doc = threeHundredNodes();
  await page.goto(`${url}${await encodeShareHash(doc)}`);
  await page.locator('.react-flow__node').first().waitFor();
  await page.getByRole('button', { name: 'Start playing' }).click();
  await page.getByRole('navigation', { name: 'Mode' }).getByRole('button', { name: 'Backward' }).click();
  // Let the layout glide finish, then measure the page idle: the baseline.
  await page.waitForFunction(`document.querySelectorAll('.react-flow__node').length > 250`);
  await page.waitForTimeout(1500);
  const idle = await mainThreadPerFrame(page, WINDOW_MS);
  await page.locator('[data-action="backward"]').first().click({ timeout: 20_000 });
  const animating = await mainThreadPerFrame(page, WINDOW_MS);
  // The pass lasts about 12 s: the overlay worker is still drawing for a second window.
  const overlay = await mainThreadPerFrame(page, 2000, FRAME_CATEGORIES);
  await page.close();
  const nodes = Object.keys(doc.nodes).length;
  const group = `backward animation on a ${nodes}-node graph (headless Chromium, production build)`;
  lines.push(
    {
      group,
      name: 'idle page: main-thread ms per frame (median)',
      ms: idle.busyMedian,
      note: `mean ${idle.busyMean.toFixed(2)} ms; ${idle.frames} frames, median ${idle.medianFrame.toFixed(1)} ms apart`,
    },
    {
      group,
      name: 'animating: main-thread ms per frame (median)',
      ms: animating.busyMedian,
      speedup: idle.busyMedian / animating.busyMedian,
      note: `goal ≤ 4 ms; p95 ${animating.busyP95.toFixed(1)}, mean ${animating.busyMean.toFixed(1)} ms; ${animating.frames} frames painted, median ${animating.medianFrame.toFixed(1)} ms apart, p95 ${animating.p95Frame.toFixed(1)} ms`,
    },
    {
      group,
      name: 'animating: overlay frame interval, drawn in its worker',
      ms: overlay.workerFrames ? 2000 / overlay.workerFrames : NaN,
      note: `${((overlay.workerFrames * 1000) / 2000).toFixed(0)} overlay frames/s off the main thread; software WebGL reads each frame back for the compositor, which caps it here`,
    },
  );

  // Training: how often the decision boundary is refreshed while the worker trains.
  const trainPage = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: BENCH_PAGE.bypassCSP });
  const { doc: net } = insertMlp(EMPTY_DOC, { nin: 2, sizes: [16, 16, 1], activation: 'relu', seed: 1337, style: 'neurons', loss: 'hinge', at: { x: 0, y: 0 } });
  await trainPage.goto(`${url}${await encodeShareHash({ ...net, training: DEFAULT_SETUP })}`);
  await trainPage.locator('.react-flow__node').first().waitFor();
  await trainPage.getByRole('button', { name: 'Start playing' }).click();
  await trainPage.getByRole('navigation', { name: 'Mode' }).getByRole('button', { name: 'Train' }).click();
  await trainPage.getByTestId('train-toggle').click();
  await trainPage.waitForFunction(`performance.getEntriesByName('playground:boundary').length > 2`);
  const counted = await trainPage.evaluate<{ refreshes: number; steps: string }>(`new Promise((resolve) => {
    const start = performance.getEntriesByName('playground:boundary').length;
    setTimeout(() => resolve({
      refreshes: performance.getEntriesByName('playground:boundary').length - start,
      steps: document.querySelector('[data-testid="steps-per-second"]')?.textContent ?? '?',
    }), ${WINDOW_MS});
  })`);
  const training = await mainThreadPerFrame(trainPage, WINDOW_MS);
  // Closed, so its training worker does not run on under the groups that follow.
  await trainPage.close();
  const perSecond = (counted.refreshes * 1000) / WINDOW_MS;
  lines.push(
    {
      group: 'training MLP 2-16-16-1 on moons in the worker (headless Chromium)',
      name: 'decision boundary refreshes per second',
      ms: 1000 / perSecond,
      note: `${perSecond.toFixed(1)} per second (goal ≥ 10), 100×100 grid; ${counted.steps} steps/s`,
    },
    {
      group: 'training MLP 2-16-16-1 on moons in the worker (headless Chromium)',
      name: 'page main-thread ms per frame while training (median)',
      ms: training.busyMedian,
      note: `p95 ${training.busyP95.toFixed(1)}, mean ${training.busyMean.toFixed(1)} ms; ${training.frames} frames, median ${training.medianFrame.toFixed(1)} ms apart`,
    },
  );
  return lines;
}

export default async function browserBench(): Promise<BenchLine[]> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}; set CHROMIUM_PATH.`);
  const outDir = 'bench-results/dist';
  // BENCH_REUSE_BUILD=1 skips the build when working on the bench itself (never for figures you report).
  if (!process.env.BENCH_REUSE_BUILD || !existsSync(`${outDir}/index.html`)) await build({ logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const transfers = transferCounter();
  const server = await preview({ logLevel: 'error', plugins: [transfers.plugin], build: { outDir }, preview: { port: 4290, strictPort: false, host: '127.0.0.1' } });
  const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4290/';
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const lines: BenchLine[] = [];
  // BROWSER_BENCH=big (or small) runs one part, for working on it; unset runs both.
  const only = process.env.BROWSER_BENCH;
  try {
    if (only !== 'big') lines.push(...(await smallGraphBench(browser, url)));
    if (only !== 'small') lines.push(...(await bigGraphBench(browser, url, transfers.take)));
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
  return lines;
}
