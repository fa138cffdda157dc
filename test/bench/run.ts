/**
 * `npm run bench`: every performance figure the issues ask for, measured side by side with its
 * baseline in one process. Pass a name to run one group: `npm run bench -- engine`.
 */
import { print, type BenchLine } from './measure';

const benches: Record<string, () => Promise<{ default: () => Promise<BenchLine[]> }>> = {
  browser: () => import('./browser.bench'),
  engine: () => import('./engine.bench'),
  evaluate: () => import('./evaluate.bench'),
  layout: () => import('./layout.bench'),
  trainer: () => import('./trainer.bench'),
};

const only = process.argv.slice(2);
for (const [name, load] of Object.entries(benches)) {
  if (only.length > 0 && !only.includes(name)) continue;
  const { default: run } = await load();
  print(await run());
}
