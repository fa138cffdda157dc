import { join } from 'node:path';
import { test } from '@playwright/test';

/**
 * Where a journey keeps a picture for a person to look at after a change: SHOTS_DIR/<group>/<name>
 * when SHOTS_DIR is set, else the test's own output folder. Never a fixed folder of one machine,
 * which a fresh clone elsewhere cannot write to. Playwright makes the folders.
 */
export function shotPath(group: string, name: string): string {
  const dir = process.env.SHOTS_DIR;
  return dir ? join(dir, group, name) : test.info().outputPath(name);
}
