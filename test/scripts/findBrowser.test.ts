import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { findBrowser, INSTALL_TIMEOUT_MS, NO_BROWSER } from '../../scripts/find-browser.mjs';

/**
 * How the e2e suite gets a browser on any machine: scripts/find-browser.mjs, driven here with a
 * pretend file system and pretend commands, so every kind of machine can be tried from one.
 */

interface Machine {
  platform?: string;
  env?: Record<string, string | undefined>;
  isRoot?: boolean;
  /** Files present; a value of 'script' marks a launcher script. */
  files?: Record<string, 'binary' | 'script'>;
  /** Where Playwright keeps its browser; null when Playwright is not installed. */
  playwright?: string | null;
  /** What each command does: the files it creates, or false when it fails. */
  commands?: Record<string, Record<string, 'binary' | 'script'> | false>;
}

function pretend(m: Machine) {
  const files = { ...m.files };
  const ran: { command: string; timeoutMs: number }[] = [];
  const logged: string[] = [];
  const deps = {
    env: m.env ?? { PATH: '/usr/local/bin:/usr/bin:/bin' },
    platform: m.platform ?? 'linux',
    isRoot: m.isRoot ?? false,
    exists: (path: string) => path in files,
    isScript: (path: string) => files[path] === 'script',
    playwrightBrowser: () => (m.playwright === undefined ? '/root/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome' : m.playwright),
    run: (command: string, args: string[], timeoutMs: number) => {
      const line = [command, ...args].join(' ');
      ran.push({ command: line, timeoutMs });
      const effect = m.commands?.[line];
      if (effect === undefined || effect === false) return false;
      Object.assign(files, effect);
      return true;
    },
    log: (line: string) => logged.push(line),
  };
  return { deps, ran, logged };
}

const found = (path: string) => expect.objectContaining({ ok: true, path });

describe('finding a browser for the end-to-end tests', () => {
  it('takes CHROMIUM_PATH first, and says so when it points nowhere', () => {
    const { deps } = pretend({ env: { CHROMIUM_PATH: '/opt/my/chrome' }, files: { '/opt/my/chrome': 'binary', '/usr/lib/chromium/chromium': 'binary' } });
    expect(findBrowser(deps)).toEqual({ ok: true, path: '/opt/my/chrome', source: 'CHROMIUM_PATH' });
    const missing = pretend({ env: { CHROMIUM_PATH: '/opt/gone' }, files: { '/usr/lib/chromium/chromium': 'binary' } });
    expect(findBrowser(missing.deps, { provide: true })).toEqual({ ok: false, reason: expect.stringContaining('CHROMIUM_PATH is /opt/gone, but there is no such file') });
    expect(missing.ran).toEqual([]);
  });

  it("on Debian prefers the real binary to /usr/bin/chromium's launcher script", () => {
    const { deps } = pretend({ files: { '/usr/bin/chromium': 'script', '/usr/lib/chromium/chromium': 'binary' } });
    expect(findBrowser(deps)).toEqual(found('/usr/lib/chromium/chromium'));
  });

  it('uses a launcher script when it is the only browser', () => {
    const { deps } = pretend({ files: { '/usr/bin/chromium': 'script' } });
    expect(findBrowser(deps)).toEqual({ ok: true, path: '/usr/bin/chromium', source: 'system (launcher script)' });
  });

  it('finds Google Chrome on Linux, a Chromium on PATH, and the snap', () => {
    expect(findBrowser(pretend({ files: { '/usr/bin/google-chrome-stable': 'script', '/opt/google/chrome/chrome': 'binary' } }).deps)).toEqual(found('/opt/google/chrome/chrome'));
    expect(findBrowser(pretend({ env: { PATH: '/home/me/bin:/usr/bin' }, files: { '/home/me/bin/chromium': 'binary' } }).deps)).toEqual(found('/home/me/bin/chromium'));
    expect(findBrowser(pretend({ files: { '/snap/bin/chromium': 'binary' } }).deps)).toEqual(found('/snap/bin/chromium'));
  });

  it('finds Chrome or Chromium where macOS and Windows install them', () => {
    const mac = pretend({ platform: 'darwin', env: { HOME: '/Users/me' }, files: { '/Users/me/Applications/Chromium.app/Contents/MacOS/Chromium': 'binary' } });
    expect(findBrowser(mac.deps)).toEqual(found('/Users/me/Applications/Chromium.app/Contents/MacOS/Chromium'));
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findBrowser(pretend({ platform: 'darwin', env: { HOME: '/Users/me' }, files: { [chrome]: 'binary' } }).deps)).toEqual(found(chrome));
    const windows = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    expect(findBrowser(pretend({ platform: 'win32', env: { PROGRAMFILES: 'C:\\Program Files' }, files: { [windows]: 'binary' } }).deps)).toEqual(found(windows));
  });

  it("falls back to Playwright's own Chromium when it is installed", () => {
    const own = '/home/me/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';
    const { deps, ran } = pretend({ playwright: own, files: { [own]: 'binary' } });
    expect(findBrowser(deps, { provide: true })).toEqual({ ok: true, path: own, source: 'Playwright' });
    expect(ran).toEqual([]);
  });

  it("installs Playwright's Chromium when nothing is found, with a timeout", () => {
    const own = '/root/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';
    const { deps, ran } = pretend({ playwright: own, commands: { 'npx playwright install chromium': { [own]: 'binary' } } });
    expect(findBrowser(deps, { provide: true })).toEqual(found(own));
    expect(ran).toEqual([{ command: 'npx playwright install chromium', timeoutMs: INSTALL_TIMEOUT_MS }]);
  });

  it("as root on Debian, installs Debian's Chromium when Playwright's download fails", () => {
    const { deps, ran } = pretend({
      isRoot: true,
      files: { '/etc/debian_version': 'binary' },
      commands: { 'npx playwright install chromium': false, 'apt-get update -qq': {}, 'apt-get install -y -qq chromium': { '/usr/bin/chromium': 'script', '/usr/lib/chromium/chromium': 'binary' } },
    });
    expect(findBrowser(deps, { provide: true })).toEqual(found('/usr/lib/chromium/chromium'));
    expect(ran.map((r) => r.command)).toEqual(['npx playwright install chromium', 'apt-get update -qq', 'apt-get install -y -qq chromium']);
  });

  it('goes straight to apt-get before npm ci, when Playwright itself is not there yet', () => {
    const { deps, ran } = pretend({ isRoot: true, playwright: null, files: { '/etc/debian_version': 'binary' }, commands: { 'apt-get update -qq': {}, 'apt-get install -y -qq chromium': { '/usr/lib/chromium/chromium': 'binary' } } });
    expect(findBrowser(deps, { provide: true })).toEqual(found('/usr/lib/chromium/chromium'));
    expect(ran.map((r) => r.command)).toEqual(['apt-get update -qq', 'apt-get install -y -qq chromium']);
  });

  it('says in one line what to run when nothing works, and installs nothing unless asked', () => {
    const notRoot = pretend({ files: { '/etc/debian_version': 'binary' } });
    expect(findBrowser(notRoot.deps, { provide: true })).toEqual({ ok: false, reason: NO_BROWSER });
    expect(notRoot.ran.map((r) => r.command)).toEqual(['npx playwright install chromium']);
    expect(NO_BROWSER).not.toContain('\n');
    expect(NO_BROWSER).toMatch(/apt-get install -y chromium.*npx playwright install chromium.*CHROMIUM_PATH/);
    const asked = pretend({ isRoot: true, files: { '/etc/debian_version': 'binary' } });
    expect(findBrowser(asked.deps)).toEqual({ ok: false, reason: NO_BROWSER });
    expect(asked.ran).toEqual([]);
  });
});

describe('the e2e suite without a browser', () => {
  it('stops with one line saying what to do, not a stack trace', () => {
    // The same config `npm test` loads; a CHROMIUM_PATH that points nowhere stands in for a
    // machine without a browser (this one has one).
    const result = spawnSync('npx', ['playwright', 'test', '--list'], {
      encoding: 'utf8',
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toEqual([expect.stringContaining('CHROMIUM_PATH is /nonexistent/chromium, but there is no such file')]);
  }, 60_000);
});
