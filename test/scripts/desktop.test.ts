import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { canOpenBrowser } from '../../scripts/desktop.mjs';

/** `npm start` opens a window only where one can open; elsewhere vite just prints the address. */

const onPath = (...files: string[]) => (path: string) => files.includes(path);

describe('whether npm start can open a browser', () => {
  it('on Linux needs a display and xdg-open', () => {
    const xdg = onPath('/usr/bin/xdg-open');
    expect(canOpenBrowser({ platform: 'linux', env: { PATH: '/usr/bin', DISPLAY: ':0' }, exists: xdg })).toBe(true);
    expect(canOpenBrowser({ platform: 'linux', env: { PATH: '/usr/bin', WAYLAND_DISPLAY: 'wayland-0' }, exists: xdg })).toBe(true);
    expect(canOpenBrowser({ platform: 'linux', env: { PATH: '/usr/bin' }, exists: xdg }), 'a server: no display').toBe(false);
    expect(canOpenBrowser({ platform: 'linux', env: { PATH: '/usr/bin', DISPLAY: ':0' }, exists: onPath() }), 'a container: no xdg-open').toBe(false);
  });

  it('on macOS and Windows always can, but never in CI or with BROWSER=none', () => {
    expect(canOpenBrowser({ platform: 'darwin', env: {}, exists: onPath() })).toBe(true);
    expect(canOpenBrowser({ platform: 'win32', env: {}, exists: onPath() })).toBe(true);
    expect(canOpenBrowser({ platform: 'darwin', env: { CI: '1' }, exists: onPath() })).toBe(false);
    expect(canOpenBrowser({ platform: 'win32', env: { BROWSER: 'none' }, exists: onPath() })).toBe(false);
  });
});

describe('the dev server config', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('does not try to open a window on a machine without a desktop', async () => {
    // A server: no display, so no window to open and nothing to spawn (no `xdg-open ENOENT`).
    vi.stubEnv('CI', '');
    vi.stubEnv('DISPLAY', '');
    vi.stubEnv('WAYLAND_DISPLAY', '');
    const { default: config } = await import('../../vite.config');
    expect(config).toMatchObject({ server: { open: false } });
    // Loading the config loads vite's React plugin: seconds on a busy machine.
  }, 30_000);

  it('leaves the choice to that config: npm start does not force --open', async () => {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe('vite');
  });
});
