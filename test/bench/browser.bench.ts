import { existsSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { insertMlp } from '../../src/document/network/insertMlp';
import { encodeShareHash } from '../../src/document/shareLink';
import { EMPTY_DOC, type GraphDoc } from '../../src/document/types';
import { sampleGraph } from '../../src/training/explainSample';
import { DEFAULT_SETUP } from '../../src/training/setup';
import type { BenchLine } from './measure';

/**
 * Issue 4 (animation cost) and issue 5 (decision-boundary refresh rate), measured in a real
 * headless Chromium on the production build. Main-thread time comes from the DevTools
 * protocol's TaskDuration (every task the renderer's main thread ran), divided by the frames
 * the page painted meanwhile; the baseline is the same page idle, in the same process.
 */
const WINDOW_MS = 3000;

async function mainThreadPerFrame(page: Page, ms: number): Promise<{ frames: number; medianFrame: number; p95Frame: number; taskMsPerFrame: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'TaskDuration')!.value * 1000;
  };
  const before = await metric();
  // A string, not a function: tsx would wrap a function's inner helpers in its own __name().
  const frames = await page.evaluate<number[]>(`new Promise((resolve) => {
    const stamps = [];
    const start = performance.now();
    function tick(t) {
      stamps.push(t);
      if (t - start < ${ms}) requestAnimationFrame(tick);
      else resolve(stamps);
    }
    requestAnimationFrame(tick);
  })`);
  const after = await metric();
  const gaps = frames.slice(1).map((t, i) => t - frames[i]!).sort((a, b) => a - b);
  return {
    frames: gaps.length,
    medianFrame: gaps[Math.floor(gaps.length / 2)] ?? NaN,
    p95Frame: gaps[Math.floor(gaps.length * 0.95)] ?? NaN,
    taskMsPerFrame: (after - before) / Math.max(1, gaps.length),
  };
}

/** A ~300-node scalar graph: one point of MLP(2, [8, 8, 1]) taken apart op by op. */
function threeHundredNodes(): GraphDoc {
  const { doc } = insertMlp(EMPTY_DOC, { nin: 2, sizes: [8, 8, 1], activation: 'tanh', seed: 3, style: 'neurons', loss: 'squared', at: { x: 0, y: 0 } });
  const graph = sampleGraph(doc, { x: [0.4, -0.3], label: 1 }, 1000);
  if (!graph.ok) throw new Error(graph.reason);
  return graph.doc;
}

export default async function browserBench(): Promise<BenchLine[]> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}; set CHROMIUM_PATH.`);
  const outDir = 'bench-results/dist';
  await build({ logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const server = await preview({ logLevel: 'error', build: { outDir }, preview: { port: 4290, strictPort: false, host: '127.0.0.1' } });
  const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4290/';
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const lines: BenchLine[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const doc = threeHundredNodes();
    await page.goto(`${url}${await encodeShareHash(doc)}`);
    await page.locator('.react-flow__node').first().waitFor();
    await page.getByRole('button', { name: 'Start playing' }).click();
    await page.getByRole('navigation', { name: 'Mode' }).getByRole('button', { name: 'Backward' }).click();
    // Let the layout glide finish, then measure the page idle: the baseline.
    await page.waitForFunction(`document.querySelectorAll('.react-flow__node').length > 250`);
    await page.waitForTimeout(1500);
    const idle = await mainThreadPerFrame(page, WINDOW_MS);
    await page.locator('[data-action="backward"]').first().click();
    const animating = await mainThreadPerFrame(page, WINDOW_MS);
    const nodes = Object.keys(doc.nodes).length;
    const group = `backward animation on a ${nodes}-node graph (headless Chromium, production build)`;
    lines.push(
      { group, name: 'idle page: main-thread ms per frame', ms: idle.taskMsPerFrame, note: `${idle.frames} frames, median ${idle.medianFrame.toFixed(1)} ms apart` },
      {
        group,
        name: 'animating: main-thread ms per frame',
        ms: animating.taskMsPerFrame,
        speedup: idle.taskMsPerFrame / animating.taskMsPerFrame,
        note: `goal ≤ 4 ms; ${animating.frames} frames, median ${animating.medianFrame.toFixed(1)} ms apart, p95 ${animating.p95Frame.toFixed(1)} ms`,
      },
    );

    // Training: how often the decision boundary is refreshed while the worker trains.
    const trainPage = await browser.newPage({ viewport: { width: 1440, height: 900 } });
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
        name: 'page main-thread ms per frame while training',
        ms: training.taskMsPerFrame,
        note: `${training.frames} frames, median ${training.medianFrame.toFixed(1)} ms apart`,
      },
    );
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
  return lines;
}
