import ELK from 'elkjs/lib/elk-api';
import type { ELK as ElkInstance, ElkNode } from 'elkjs/lib/elk-api';
// The worker is a classic (non-module) script: vite copies it into dist/assets as-is and gives
// us its URL. Never `import 'elkjs'` here: that bundles all of ELK (1.6 MB) into the main
// thread's code and runs layout there, freezing the canvas.
import workerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { Position } from '../../document/types';
import { fromElkGraph, toElkGraph, type LayoutInput } from './elkGraph';

/**
 * The browser half of auto-layout: one ELK in one Web Worker, created on first use and reused
 * by every later layout. elk-api's wrapper never listens for worker errors (a worker whose
 * script fails to load would leave every layout pending forever), so this module watches the
 * worker itself and turns a failure into a rejected promise with a clear Error; the next call
 * then tries a fresh worker.
 */

/** How long the worker may take to load and answer its first message before we give up. */
const START_TIMEOUT_MS = 30_000;

interface Session {
  elk: ElkInstance;
  /** Rejects (never resolves) when the worker fails or is stopped; every layout races against it. */
  failed: Promise<never>;
  /** Rejects `failed` with `err`, terminates the worker and forgets this session. */
  stop: (err: Error) => void;
}

let session: Session | null = null;

function startError(detail: string): Error {
  return new Error(`The ELK layout worker could not start (${workerUrl}): ${detail}`);
}

function startSession(): Session {
  let fail: (err: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  // Nobody may be listening when the worker fails between layouts; that is not unhandled.
  failed.catch(() => {});

  let worker: Worker | null = null;
  const elk = new ELK({
    workerFactory: () => {
      try {
        worker = new Worker(workerUrl);
      } catch (err) {
        throw startError(err instanceof Error ? err.message : String(err));
      }
      return worker;
    },
  });
  // The factory above ran synchronously inside the constructor.
  const w = worker as unknown as Worker;

  let started = false;
  const timer = setTimeout(() => {
    if (!started) die(startError(`no answer within ${START_TIMEOUT_MS / 1000} s`));
  }, START_TIMEOUT_MS);
  // elk-api sends a 'register' message at once; its answer means the script loaded and runs.
  w.addEventListener(
    'message',
    () => {
      started = true;
      clearTimeout(timer);
    },
    { once: true },
  );
  w.addEventListener('error', (event: Event) => {
    event.preventDefault();
    // A script that fails to load fires a plain Event; an exception thrown inside, an ErrorEvent.
    const detail = (event as Partial<ErrorEvent>).message || 'the worker script failed to load or crashed';
    die(started ? new Error(`The ELK layout worker crashed: ${detail}`) : startError(detail));
  });
  w.addEventListener('messageerror', () => die(new Error('The ELK layout worker sent a message that could not be read')));

  function die(err: Error) {
    clearTimeout(timer);
    fail(err);
    w.terminate();
    if (session === s) session = null;
  }
  const s: Session = { elk, failed, stop: die };
  return s;
}

function getSession(): Session {
  session ??= startSession();
  return session;
}

/** ELK's own failures arrive as whatever the worker could clone: an Error or a plain object. */
function layoutError(err: unknown): Error {
  const message = typeof err === 'object' && err !== null && 'message' in err ? String(err.message) : String(err);
  return new Error(`ELK could not lay out the graph: ${message}`, { cause: err });
}

/**
 * Lays out `graph` (an ELK graph, e.g. from `toElkGraph`) in the shared worker. Rejects with
 * an Error if the worker cannot start, crashes, or ELK rejects the graph.
 */
async function layoutElkGraph(graph: ElkNode): Promise<ElkNode> {
  const s = getSession();
  const layout = s.elk.layout(graph).catch((err: unknown) => {
    throw layoutError(err);
  });
  return Promise.race([layout, s.failed]);
}

/**
 * New top-left positions for every node of `input`, laid out left to right by ELK in a Web
 * Worker (started on first use). Rejects with an Error if the worker cannot start or ELK fails.
 */
export async function layoutPositions(input: LayoutInput): Promise<Map<string, Position>> {
  if (input.nodes.length === 0) return new Map();
  return fromElkGraph(await layoutElkGraph(toElkGraph(input)));
}

/** Stops the shared worker (the next layout starts a new one), for hot reload. */
function disposeLayoutWorker(): void {
  session?.stop(new Error('The ELK layout worker was stopped'));
}

// Vite dev: a reloaded copy of this module starts its own worker; stop the old one.
import.meta.hot?.dispose(() => disposeLayoutWorker());
