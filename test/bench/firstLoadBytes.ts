import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { BENCH_PAGE } from './browserTrace';
import { transferCounter, type Transfer } from './pageBytes';

/**
 * The first page load alone, without the rest of the browser bench (which also opens a
 * 2,000-node graph and takes minutes on a busy machine): builds the app (or takes the build in
 * `argv[2]`), serves it with `vite preview` (gzip, as users get it), opens a fresh visit in
 * headless Chromium, waits until the first example is drawn and fitted and the network is idle,
 * and prints what the server sent, biggest first. Counted at the server (test/bench/pageBytes.ts),
 * so the workers' scripts count too.
 *
 *   npx tsx test/bench/firstLoadBytes.ts [dist-dir]
 */
async function main(): Promise<void> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
  const outDir = process.argv[2] ?? 'bench-results/dist-first-load';
  if (!process.argv[2]) await build({ logLevel: 'error', build: { outDir, emptyOutDir: true } });
  if (!existsSync(`${outDir}/index.html`)) throw new Error(`no build in ${outDir}`);
  const transfers = transferCounter();
  const server = await preview({ logLevel: 'error', plugins: [transfers.plugin], build: { outDir }, preview: { port: 4291, strictPort: false, host: '127.0.0.1' } });
  const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4291/';
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  let sent: Transfer[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: BENCH_PAGE.bypassCSP });
    transfers.take();
    const t0 = Date.now();
    await page.goto(url);
    // Same condition as the browser bench's first load: the lecture's 7 cards, fitted.
    await page.waitForFunction(`document.querySelectorAll('.react-flow__node').length === 7 &&
      document.querySelector('.react-flow__viewport').style.transform !== 'translate(0px, 0px) scale(1)'`);
    const drawnMs = Date.now() - t0;
    await page.waitForLoadState('networkidle');
    sent = transfers.take();
    console.log(`first example drawn and fitted after ${drawnMs} ms (wall clock, busy machine)`);
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
  const kB = (b: number) => (b / 1000).toFixed(1).padStart(7);
  const total = sent.reduce((s, t) => s + t.bytes, 0);
  console.log(`${kB(total)} kB in ${sent.length} responses before the first interaction (goal ≤ 300 kB)`);
  for (const t of [...sent].sort((a, b) => b.bytes - a.bytes)) console.log(`${kB(t.bytes)} kB  ${t.path}  ${t.encoding || 'uncompressed'}`);
}

await main();
