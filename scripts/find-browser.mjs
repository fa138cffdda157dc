#!/usr/bin/env node
// Finds (or, with --provide, installs) a Chromium or Chrome for the end-to-end tests, and prints
// its path. Plain Node with no dependencies of its own, so .ci/run and a fresh clone can use it.
//
//   node scripts/find-browser.mjs            # print the browser's path, or one line saying what to run
//   node scripts/find-browser.mjs --provide  # the same, installing one first when none is found
//
// playwright.config.ts calls findBrowser() without installing; `npm run test:e2e` runs this
// with --provide first, so the config then finds what was installed.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** How long `playwright install chromium` may take (a download of about 150 MB). */
export const INSTALL_TIMEOUT_MS = 5 * 60_000;

/** What to tell a person when no browser can be found or provided. */
export const NO_BROWSER =
  'No Chromium or Chrome found for the end-to-end tests: install one (Debian/Ubuntu: sudo apt-get install -y chromium; elsewhere: npx playwright install chromium) or set CHROMIUM_PATH to its binary.';

/** Names of a Chromium or Chrome on PATH, most specific first. */
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'chrome'];

/**
 * Where a system Chromium or Chrome usually is, real binaries before the launcher scripts that
 * wrap them (Debian's /usr/bin/chromium is a shell script that execs /usr/lib/chromium/chromium).
 * @param {string} platform  process.platform
 * @param {Record<string, string | undefined>} env  process.env
 * @returns {string[]}
 */
export function systemCandidates(platform, env) {
  if (platform === 'darwin') {
    const apps = ['/Applications', join(env.HOME ?? '', 'Applications')];
    return apps.flatMap((dir) => [
      `${dir}/Google Chrome.app/Contents/MacOS/Google Chrome`,
      `${dir}/Chromium.app/Contents/MacOS/Chromium`,
      `${dir}/Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary`,
    ]);
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(Boolean);
    return roots.flatMap((root) => [`${root}\\Google\\Chrome\\Application\\chrome.exe`, `${root}\\Chromium\\Application\\chrome.exe`]);
  }
  const onPath = (env.PATH ?? '').split(delimiter).filter(Boolean).flatMap((dir) => PATH_NAMES.map((name) => join(dir, name)));
  return unique([
    '/usr/lib/chromium/chromium',
    '/usr/lib/chromium-browser/chromium-browser',
    '/opt/google/chrome/chrome',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    ...onPath,
    '/snap/bin/chromium',
  ]);
}

/**
 * @typedef {object} FindDeps
 * @property {Record<string, string | undefined>} env  process.env
 * @property {string} platform  process.platform
 * @property {boolean} isRoot  running as root (may use apt-get)
 * @property {(path: string) => boolean} exists  the file is there
 * @property {(path: string) => boolean} isScript  the file is a script ('#!'), not a binary
 * @property {() => string | null} playwrightBrowser  where Playwright keeps its own Chromium, or null without Playwright
 * @property {(command: string, args: string[], timeoutMs: number) => boolean} run  runs a command, true when it succeeded
 * @property {(line: string) => void} log  progress, for a person (stderr)
 */

/**
 * The browser to drive, in this order: CHROMIUM_PATH; a system Chromium or Chrome (a real binary
 * before a launcher script, which is still used when it is the only one); Playwright's own
 * Chromium. With `provide`, when none is found: `playwright install chromium` (where the network
 * allows it, with a timeout), then, as root on Debian or Ubuntu, `apt-get install -y chromium`.
 * @param {FindDeps} deps
 * @param {{ provide?: boolean }} [options]
 * @returns {{ ok: true, path: string, source: string } | { ok: false, reason: string }}
 */
export function findBrowser(deps, options = {}) {
  const chosen = deps.env.CHROMIUM_PATH;
  if (chosen) {
    return deps.exists(chosen)
      ? { ok: true, path: chosen, source: 'CHROMIUM_PATH' }
      : { ok: false, reason: `CHROMIUM_PATH is ${chosen}, but there is no such file: point it at a Chromium or Chrome binary, or unset it.` };
  }
  const found = findInstalled(deps);
  if (found || !options.provide) return found ?? { ok: false, reason: NO_BROWSER };

  if (deps.playwrightBrowser() !== null) {
    deps.log("No Chromium or Chrome found: trying Playwright's own (npx playwright install chromium)...");
    if (deps.run('npx', ['playwright', 'install', 'chromium'], INSTALL_TIMEOUT_MS)) {
      const installed = findInstalled(deps);
      if (installed) return installed;
    }
  }
  if (deps.platform === 'linux' && deps.isRoot && deps.exists('/etc/debian_version')) {
    deps.log("Installing Debian's Chromium (apt-get install -y chromium)...");
    if (deps.run('apt-get', ['update', '-qq'], INSTALL_TIMEOUT_MS) && deps.run('apt-get', ['install', '-y', '-qq', 'chromium'], INSTALL_TIMEOUT_MS)) {
      const installed = findInstalled(deps);
      if (installed) return installed;
    }
  }
  return { ok: false, reason: NO_BROWSER };
}

/** @param {FindDeps} deps */
function findInstalled(deps) {
  const system = systemCandidates(deps.platform, deps.env).filter((path) => deps.exists(path));
  const binary = system.find((path) => !deps.isScript(path));
  if (binary) return { ok: true, path: binary, source: 'system' };
  if (system[0]) return { ok: true, path: system[0], source: 'system (launcher script)' };
  const own = deps.playwrightBrowser();
  if (own && deps.exists(own)) return { ok: true, path: own, source: 'Playwright' };
  return null;
}

/** @param {string[]} list */
function unique(list) {
  return [...new Set(list)];
}

/**
 * The real machine: the file system, this process's environment, child processes.
 * @returns {FindDeps}
 */
export function machine() {
  return {
    env: process.env,
    platform: process.platform,
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    exists: (path) => existsSync(path),
    isScript: (path) => {
      try {
        const fd = openSync(path, 'r');
        const head = Buffer.alloc(2);
        readSync(fd, head, 0, 2, 0);
        closeSync(fd);
        return head.toString('latin1') === '#!';
      } catch {
        return false;
      }
    },
    playwrightBrowser: () => {
      try {
        const require = createRequire(import.meta.url);
        return require('playwright-core').chromium.executablePath();
      } catch {
        // Playwright is not installed yet (before npm ci): it has no browser to offer.
        return null;
      }
    },
    run: (command, args, timeoutMs) => {
      const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], timeout: timeoutMs, shell: process.platform === 'win32' });
      return result.status === 0;
    },
    log: (line) => console.error(line),
  };
}

// Run as a command: print the path (stdout) or the reason (stderr, one line, exit code 1).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = findBrowser(machine(), { provide: process.argv.includes('--provide') });
  if (result.ok) {
    console.log(result.path);
  } else {
    console.error(result.reason);
    process.exitCode = 1;
  }
}
