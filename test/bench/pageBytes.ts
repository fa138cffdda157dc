import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';

/** One response the server sent. */
export interface Transfer {
  /** Path from the site's root, e.g. 'assets/index-abc.js'. */
  path: string;
  /** Body bytes as they left the server: compressed when the server compressed them. */
  bytes: number;
  /** The body's Content-Encoding ('gzip'), or '' when it was sent as is. */
  encoding: string;
}

/**
 * Counts what `vite preview` sends, at the server: Chromium fetches a worker's script outside
 * the page (so the page's DevTools Network events and Playwright never see the ELK and
 * gradient-flow workers), but every byte still comes through here. The counter wraps the
 * response before vite's gzip middleware does, so it sees the compressed bytes; headers are
 * not counted.
 */
export function transferCounter(): { plugin: Plugin; take(): Transfer[] } {
  let sent: Transfer[] = [];
  const count = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    let bytes = 0;
    const add = (chunk: unknown, encoding?: unknown) => {
      if (typeof chunk === 'string') bytes += Buffer.byteLength(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
      else if (chunk instanceof Uint8Array) bytes += chunk.byteLength;
    };
    const { write, end } = res;
    res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      add(chunk, rest[0]);
      return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof res.write;
    res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      if (typeof chunk !== 'function') add(chunk, rest[0]);
      return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
    } as typeof res.end;
    res.once('finish', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\//, '') || 'index.html';
      sent.push({ path, bytes, encoding: String(res.getHeader('content-encoding') ?? '') });
    });
    next();
  };
  return {
    plugin: {
      name: 'bench-transfer-counter',
      // Registered here (not in a returned hook) so it runs before vite's own compression.
      configurePreviewServer(server) {
        server.middlewares.use(count);
      },
    },
    take() {
      const taken = sent;
      sent = [];
      return taken;
    },
  };
}
