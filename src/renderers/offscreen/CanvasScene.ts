import { Application } from 'pixi.js';
// Pixi compiles its shader and uniform uploaders with `new Function` unless this polyfill is in;
// the built app's Content-Security-Policy forbids eval. Every scene, in a worker or on the main
// thread, starts from this class, so importing it here covers every place pixi runs.
import 'pixi.js/unsafe-eval';
import type { ThemeColors } from '../themeColors';
import type { CanvasSize, SceneControl, SceneReport } from './sceneProtocol';

/**
 * A pixi scene driven by messages, so the same class runs in a worker (drawing into an
 * OffscreenCanvas, the usual case: frames and, in software-composited browsers, reading each
 * frame back cost the page's main thread nothing) or on the main thread where a canvas cannot
 * be handed over. Subclasses build their stage in `setup`, draw in `frame`, and take their own
 * messages in `receive`.
 *
 * The ticker sleeps when nothing moves: any message wakes it for a frame, and it keeps running
 * while `isAnimating()` says so.
 */
export abstract class CanvasScene<In extends { type: string }, Out extends { type: string }> {
  protected app: Application | null = null;
  protected colors: ThemeColors | null = null;
  protected reducedMotion = false;
  private destroyed = false;
  /** The latest size asked for: a resize can arrive while the application is still starting. */
  private size: CanvasSize | null = null;

  constructor(protected readonly post: (message: Out | SceneReport) => void) {}

  handle(message: SceneControl | In): void {
    switch (message.type) {
      case 'init': {
        const init = message as Extract<SceneControl, { type: 'init' }>;
        this.colors = init.colors;
        this.reducedMotion = init.reducedMotion;
        this.size = init.size;
        this.start(init.canvas, init.size).catch((error: unknown) => {
          this.post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
        });
        return;
      }
      case 'size': {
        const { size } = message as Extract<SceneControl, { type: 'size' }>;
        this.size = size;
        this.app?.renderer.resize(size.width, size.height, size.resolution);
        break;
      }
      case 'colors':
        this.colors = (message as Extract<SceneControl, { type: 'colors' }>).colors;
        this.onColors();
        break;
      case 'destroy':
        this.destroy();
        return;
      default:
        this.receive(message as In);
    }
    this.requestFrame();
  }

  /** Builds the stage once the application exists. */
  protected abstract setup(app: Application, size: CanvasSize): void;
  /** Draws one frame; `deltaMs` is the time since the last one. */
  protected abstract frame(deltaMs: number): void;
  /** A message of the scene's own. */
  protected abstract receive(message: In): void;
  /** True while something moves by itself; the ticker stops once it is false. */
  protected isAnimating(): boolean {
    return false;
  }
  /** The theme changed: `this.colors` holds the new colours. */
  protected onColors(): void {}
  /** Frees what setup made beyond the stage's children (textures). */
  protected teardown(): void {}

  /** Draws soon; the ticker sleeps again after the frame unless something animates. */
  protected requestFrame(): void {
    const app = this.app;
    if (app && !app.ticker.started) app.ticker.start();
  }

  private async start(canvas: OffscreenCanvas | HTMLCanvasElement, size: CanvasSize): Promise<void> {
    const app = new Application();
    await app.init({
      canvas,
      width: size.width,
      height: size.height,
      resolution: size.resolution,
      // WebGPU is not reliable in headless browsers yet; WebGL is everywhere.
      preference: 'webgl',
      backgroundAlpha: 0,
      antialias: false,
      // Keeps the last frame readable by drawImage(), which end-to-end tests use to prove drawing.
      preserveDrawingBuffer: true,
      autoStart: false,
    });
    if (this.destroyed) {
      app.destroy(false, { children: true });
      return;
    }
    this.app = app;
    const latest = this.size ?? size;
    if (latest !== size) app.renderer.resize(latest.width, latest.height, latest.resolution);
    this.setup(app, latest);
    app.ticker.add(this.onTick);
    this.post({ type: 'ready' });
    this.requestFrame();
  }

  private destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.app) {
      this.app.ticker.remove(this.onTick);
      this.teardown();
      this.app.destroy(false, { children: true });
      this.app = null;
    }
  }

  private readonly onTick = (): void => {
    const app = this.app;
    if (!app) return;
    // After a pause the first delta can be huge; animations should resume, not jump.
    this.frame(Math.min(app.ticker.deltaMS, 100));
    // The application renders the stage right after this, at a lower ticker priority.
    if (!this.isAnimating()) app.ticker.stop();
  };
}
