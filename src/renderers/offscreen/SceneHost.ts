import { prefersReducedMotion } from '../reducedMotion';
import { readThemeColors } from '../themeColors';
import type { CanvasScene } from './CanvasScene';
import type { CanvasSize, SceneControl, SceneReport } from './sceneProtocol';

interface SceneHostOptions<In extends { type: string }, Out extends { type: string }> {
  /** The canvas's data-testid, for end-to-end tests that read its pixels. */
  testId: string;
  /**
   * Starts the scene's worker. Each scene writes `new Worker(new URL('./x.worker.ts',
   * import.meta.url), …)` itself: the bundler finds workers by that exact shape.
   */
  createWorker(): Worker;
  /**
   * The same scene on this thread, for browsers that cannot hand a canvas to a worker. A
   * promise, so the scene (and pixi with it) is a dynamic import: the page never downloads pixi
   * for a thread that does not draw.
   */
  createLocal(post: (message: Out | SceneReport) => void): Promise<CanvasScene<In, Out>>;
  /** A message from the scene (its own, or `ready`). */
  onMessage(message: Out | SceneReport): void;
  /** The scene could not start (no WebGL, a worker that failed to load). */
  onFailed(reason: string): void;
}

/**
 * The main-thread end of a canvas scene: makes the canvas in `container`, hands it to the
 * scene's worker (or runs the scene here), and keeps the scene told of the container's size
 * and the theme. Owned by a class, not by React: a thin React host calls mount and destroy.
 */
export class SceneHost<In extends { type: string }, Out extends { type: string }> {
  private canvas: HTMLCanvasElement | null = null;
  private worker: Worker | null = null;
  private local: CanvasScene<In, Out> | null = null;
  /** Messages sent while the main-thread scene is still loading; null once it runs. */
  private pending: (In | SceneControl)[] | null = null;
  private cleanups: (() => void)[] = [];
  private destroyed = false;

  constructor(private readonly options: SceneHostOptions<In, Out>) {}

  mount(container: HTMLElement): void {
    if (this.canvas || this.destroyed) return;
    const canvas = document.createElement('canvas');
    canvas.dataset.testid = this.options.testId;
    canvas.setAttribute('aria-hidden', 'true');
    canvas.classList.add('overlay-canvas');
    container.appendChild(canvas);
    this.canvas = canvas;
    const size = sizeOf(container);
    canvas.width = Math.round(size.width * size.resolution);
    canvas.height = Math.round(size.height * size.resolution);
    const init = {
      type: 'init',
      size,
      colors: readThemeColors(container),
      reducedMotion: prefersReducedMotion(),
    } as const;
    const receive = (message: Out | SceneReport) => {
      if (this.destroyed) return;
      if (message.type === 'failed') this.options.onFailed((message as Extract<SceneReport, { type: 'failed' }>).message);
      else this.options.onMessage(message);
    };
    if (typeof canvas.transferControlToOffscreen === 'function' && typeof Worker !== 'undefined') {
      const worker = this.options.createWorker();
      worker.onmessage = (event: MessageEvent<Out | SceneReport>) => receive(event.data);
      worker.onerror = (event) => receive({ type: 'failed', message: `its worker failed: ${event.message}` });
      const offscreen = canvas.transferControlToOffscreen();
      worker.postMessage({ ...init, canvas: offscreen } satisfies SceneControl, [offscreen]);
      this.worker = worker;
    } else {
      // Asynchronous like a worker's messages, so callers see one behaviour.
      this.pending = [{ ...init, canvas }];
      this.options.createLocal((message) => queueMicrotask(() => receive(message))).then(
        (scene) => {
          if (this.destroyed) return;
          this.local = scene;
          for (const message of this.pending ?? []) scene.handle(message);
          this.pending = null;
        },
        (err: unknown) => receive({ type: 'failed', message: `its scene could not load: ${err instanceof Error ? err.message : String(err)}` }),
      );
    }
    const resize = new ResizeObserver(() => this.send({ type: 'size', size: sizeOf(container) }));
    resize.observe(container);
    this.cleanups.push(() => resize.disconnect());
    const theme = new MutationObserver(() => this.send({ type: 'colors', colors: readThemeColors(container) }));
    theme.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    this.cleanups.push(() => theme.disconnect());
  }

  send(message: In | SceneControl): void {
    if (this.worker) this.worker.postMessage(message);
    else if (this.local) this.local.handle(message);
    else this.pending?.push(message);
  }

  /** Stops drawing, ends the worker and removes the canvas. Safe at any time, and twice. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const cleanup of this.cleanups) cleanup();
    this.cleanups = [];
    this.worker?.terminate();
    this.local?.handle({ type: 'destroy' });
    this.canvas?.remove();
    this.worker = null;
    this.local = null;
    this.pending = null;
    this.canvas = null;
  }
}

function sizeOf(container: HTMLElement): CanvasSize {
  return { width: Math.max(1, container.clientWidth), height: Math.max(1, container.clientHeight), resolution: window.devicePixelRatio || 1 };
}
