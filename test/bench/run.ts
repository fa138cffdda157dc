/**
 * `npm run bench`: every performance figure the issues ask for, measured side by side with its
 * baseline in one process. Pass names to run some groups: `npm run bench -- engine trainer`.
 * Without names, each group runs in a fresh process of its own, so one group's garbage and JIT
 * state cannot slow the next (the trainer's ratio fell from 2.8x to 2.0x when it ran last in a
 * shared process).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { print, type BenchLine } from './measure';

const benches: Record<string, () => Promise<{ default: () => Promise<BenchLine[]> }>> = {
  engine: () => import('./engine.bench'),
  evaluate: () => import('./evaluate.bench'),
  layout: () => import('./layout.bench'),
  trainer: () => import('./trainer.bench'),
  classes: () => import('./classes.bench'),
  browser: () => import('./browser.bench'),
};

const only = process.argv.slice(2);
if (only.length === 0) {
  const self = fileURLToPath(import.meta.url);
  let failed = false;
  for (const name of Object.keys(benches)) {
    const child = spawnSync(process.execPath, [...process.execArgv, self, name], { stdio: 'inherit' });
    failed ||= child.status !== 0;
  }
  process.exitCode = failed ? 1 : 0;
} else {
  for (const name of only) {
    const load = benches[name];
    if (!load) throw new Error(`unknown bench '${name}'; known: ${Object.keys(benches).join(', ')}`);
    const { default: run } = await load();
    print(await run());
  }
}
