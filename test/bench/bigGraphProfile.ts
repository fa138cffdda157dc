/**
 * `npx tsx test/bench/bigGraphProfile.ts`: where the big-graph bench's File → Open and leaf
 * edit spend the main thread, as CPU profiles of an unminified production build (so function
 * names read). Prints the functions with the most self and total time in each, and writes the
 * .cpuprofile files (DevTools' Performance panel opens them) to bench-results/profile/.
 * For finding costs, not for figures: the profiler itself slows the page.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { serializeDocument } from '../../src/document/file/serialize';
import { SAVED_ZOOM, firstLoad, leafEdits, openFile, paneBox } from './bigGraph.bench';
import { expandedMlpDoc } from './bigGraphDocs';
import { BENCH_PAGE } from './browserTrace';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Runs `during` under the V8 sampling profiler. */
async function profiled(page: Page, during: () => Promise<unknown>): Promise<Profile> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await during();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await cdp.detach();
  return profile;
}

/** The top functions by self and by total time, in ms. */
function summary(profile: Profile, top = 25): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: ProfileNode) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const leaf = byId.get(id)!;
    self.set(name(leaf), (self.get(name(leaf)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = name(byId.get(at)!);
      if (!seen.has(key)) total.set(key, (total.get(key) ?? 0) + ms);
      seen.add(key);
    }
  });
  const list = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `  ${v.toFixed(0).padStart(6)} ms  ${k}`)
      .join('\n');
  return `self:\n${list(self)}\ntotal:\n${list(total)}`;
}

const outDir = 'bench-results/dist-profile';
await build({ logLevel: 'error', build: { outDir, emptyOutDir: true, minify: false } });
const server = await preview({ logLevel: 'error', build: { outDir }, preview: { port: 4295, strictPort: false, host: '127.0.0.1' } });
const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4295/';
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: BENCH_PAGE.bypassCSP });
  await firstLoad(page, url, () => []);
  await page.getByRole('button', { name: 'Start playing' }).click();
  const graph = expandedMlpDoc(2, [24, 24, 1]);
  const pane = await paneBox(page);
  const file = serializeDocument(graph.doc, { x: 40, y: pane.height / 2 - (graph.size.height / 2) * SAVED_ZOOM, zoom: SAVED_ZOOM });
  mkdirSync('bench-results/profile', { recursive: true });
  const open = await profiled(page, () => openFile(page, graph, file));
  writeFileSync('bench-results/profile/open.cpuprofile', JSON.stringify(open));
  console.log(`File → Open\n${summary(open)}`);
  const edit = await profiled(page, () => leafEdits(page, graph, 5));
  writeFileSync('bench-results/profile/edit.cpuprofile', JSON.stringify(edit));
  console.log(`\nleaf edits (5)\n${summary(edit)}`);
  await page.getByRole('navigation', { name: 'Mode' }).getByRole('button', { name: 'Backward', exact: true }).click();
  await page.locator('[data-action="backward"]').first().click();
  const backward = await profiled(page, () => page.waitForTimeout(3000));
  writeFileSync('bench-results/profile/backward.cpuprofile', JSON.stringify(backward));
  console.log(`\nBackward, 3 s\n${summary(backward)}`);
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
