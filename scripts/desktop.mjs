// Whether `npm start` can open a browser window. vite's --open spawns xdg-open on Linux; on a
// server, in a container or over ssh there is no desktop (and often no xdg-open), and the spawn
// fails with a stack trace (`spawn xdg-open ENOENT`). vite.config.ts asks this first and, where
// the answer is no, prints the address to open instead.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * @typedef {object} DesktopDeps
 * @property {Record<string, string | undefined>} env  process.env
 * @property {string} platform  process.platform
 * @property {(path: string) => boolean} exists  the file is there
 */

/**
 * True where opening a browser can work: macOS and Windows always have a way (`open`, `start`);
 * other systems need a display (X11 or Wayland) and xdg-open on PATH. Never in CI, and never
 * when BROWSER=none (vite's own way to say "do not open").
 * @param {DesktopDeps} deps
 * @returns {boolean}
 */
export function canOpenBrowser({ env, platform, exists }) {
  if (env.CI || env.BROWSER === 'none') return false;
  if (platform === 'darwin' || platform === 'win32') return true;
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return false;
  return (env.PATH ?? '').split(delimiter).some((dir) => dir && exists(join(dir, 'xdg-open')));
}

/** The same question about this machine. */
export function canOpenBrowserHere() {
  return canOpenBrowser({ env: process.env, platform: process.platform, exists: existsSync });
}
