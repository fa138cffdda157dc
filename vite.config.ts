import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { canOpenBrowserHere } from './scripts/desktop.mjs';

/**
 * The Content-Security-Policy of the built app. Every script is one of our own files (no
 * `unsafe-eval`, no inline script: zod runs jitless and pixi with its `unsafe-eval` polyfills),
 * so a graph file or a share link can never get code run. Workers are our own files too.
 * Styles may be inline: React Flow and the panels position things with `style`. Images may be
 * data: and blob: URLs: the PNG export draws the SVG through a blob: URL.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * Writes the policy into the built index.html as a <meta> tag, so any static host enforces it.
 * Only for builds: the dev server's hot reload needs inline scripts. A meta policy does not
 * reach workers loaded from their own URL, so `vite preview` (and the e2e suite on it) also sends
 * it as a header, as a host may.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml(html) {
      // Right after the charset, before any script or style it has to govern.
      const charset = /<meta charset="UTF-8" \/>/i;
      if (!charset.test(html)) throw new Error('index.html has no <meta charset="UTF-8" /> to put the CSP after');
      return html.replace(charset, (tag) => `${tag}\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`);
    },
  };
}

/** Whether `npm start` opens a browser window: not without a desktop (a server, a container, CI). */
const openBrowser = canOpenBrowserHere();

/** Where no window can open, says so next to vite's own address lines instead of failing. */
function noDesktopHint(): Plugin {
  return {
    name: 'no-desktop-hint',
    apply: 'serve',
    configureServer(server) {
      if (openBrowser || process.env.CI) return;
      server.httpServer?.once('listening', () => {
        server.config.logger.info('  No desktop browser to open here: open the Local address in a browser of your own.');
      });
    },
  };
}

// `base: './'` makes every asset URL relative, so `dist/` works from any static host and any
// sub-path (https://host/some/deep/path/) with no rewriting.
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy(), noDesktopHint()],
  server: { open: openBrowser },
  preview: { headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
});
