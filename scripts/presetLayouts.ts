import { writeFileSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { PRESETS } from '../src/document/presets';
import type { CardSize, Placement } from '../src/document/presets/storedLayout';
import { tidyPlacements } from '../test/presetLayouts';

/**
 * Writes src/document/presets/layouts.json: for every example, where Tidy puts its nodes.
 * Tidy lays cards out at the size the browser draws them, so this builds the app, opens each
 * example in headless Chromium the way a person does (Examples menu, in the example's mode),
 * reads each card's size as React Flow measures it (offsetWidth × offsetHeight), then runs the
 * app's own ELK layout in Node on those sizes. Rerun after changing a preset, a card's look or
 * the layout options; test/presetLayouts.test.ts fails until you do.
 *
 *   npx tsx scripts/presetLayouts.ts
 */
const OUT = 'src/document/presets/layouts.json';

/** The example's card sizes, in document order, checked against the labels build() gives. */
async function measure(page: Page, url: string, presetId: string, labels: readonly string[]): Promise<CardSize[]> {
  await page.goto(url);
  await page.locator('.react-flow__node').first().waitFor();
  await page.getByTestId('examples-menu').click();
  await page.getByTestId(`preset-${presetId}`).click();
  await page.waitForFunction(
    (count) => document.querySelectorAll('.react-flow__node').length === count && !document.querySelector('.canvas-area[data-arranging]'),
    labels.length,
  );
  const cards = await page.locator('.react-flow__node').evaluateAll((els) =>
    els.map((el) => ({
      width: (el as HTMLElement).offsetWidth,
      height: (el as HTMLElement).offsetHeight,
      label: el.querySelector('[data-testid="node-card"]')?.getAttribute('data-label') ?? '',
    })),
  );
  // React Flow draws nodes in document order; the labels prove the sizes line up with build()'s nodes.
  cards.forEach((c, i) => {
    if (c.label !== labels[i]) throw new Error(`${presetId}: card ${i} is '${c.label}', build() made '${labels[i]}' there`);
  });
  return cards.map(({ width, height }) => ({ width, height }));
}

async function main(): Promise<void> {
  const outDir = 'bench-results/dist-preset-layouts';
  await build({ logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const server = await preview({ logLevel: 'error', build: { outDir }, preview: { port: 4292, strictPort: false, host: '127.0.0.1' } });
  const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4292/';
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium', args: ['--no-sandbox'] });
  const layouts: Record<string, Placement[]> = {};
  try {
    for (const preset of PRESETS) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const doc = preset.build();
      const labels = Object.values(doc.nodes).map((n) => ('label' in n && typeof n.label === 'string' ? n.label : ''));
      const sizes = await measure(page, url, preset.id, labels);
      layouts[preset.id] = await tidyPlacements(doc, sizes);
      await page.close();
      console.log(`${preset.id}: ${sizes.length} nodes`);
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
  // One line per example: the file stays short and a diff shows which example moved.
  const lines = Object.entries(layouts).map(([id, placements]) => `  ${JSON.stringify(id)}: ${JSON.stringify(placements)}`);
  writeFileSync(OUT, `{\n${lines.join(',\n')}\n}\n`);
  console.log(`wrote ${OUT}`);
}

await main();
