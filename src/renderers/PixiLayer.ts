import { Application } from 'pixi.js';

/**
 * A transparent pixi canvas owned by a class, not by React: React decides when it exists (a
 * thin host calls mount and destroy), the pixi ticker decides when it draws.
 *
 * `mount()` awaits pixi's async `app.init()`. React StrictMode mounts, unmounts and mounts
 * again, so `destroy()` can arrive while `init()` is pending; the `destroyed` flag is checked
 * after the await and the half-born app is thrown away there, so at most one canvas ever
 * reaches the DOM.
 */
export abstract class PixiLayer {
  protected app: Application | null = null;
  private destroyed = false;
  private mountCalled = false;
  private resizeObserver: ResizeObserver | null = null;
  private themeObserver: MutationObserver | null = null;

  /** The canvas's data-testid, for end-to-end tests that read its pixels. */
  constructor(private readonly testId: string) {}

  /** True once the canvas is in the page and the ticker runs. */
  get isMounted(): boolean {
    return this.app !== null;
  }

  /** Creates the pixi application sized to `container` and starts drawing. Once per instance. */
  async mount(container: HTMLElement): Promise<void> {
    if (this.mountCalled) throw new Error(`${this.constructor.name}.mount() may be called only once.`);
    this.mountCalled = true;
    if (this.destroyed) return;
    const app = new Application();
    await app.init({
      // WebGPU is not reliable in headless browsers yet; WebGL is everywhere.
      preference: 'webgl',
      backgroundAlpha: 0,
      resizeTo: container,
      antialias: false,
      autoDensity: true,
      resolution: window.devicePixelRatio || 1,
      // Keeps the last frame readable by drawImage(), which end-to-end tests use to prove drawing.
      preserveDrawingBuffer: true,
    });
    if (this.destroyed) {
      app.destroy({ removeView: true }, { children: true });
      return;
    }
    this.app = app;
    const canvas = app.canvas;
    canvas.dataset.testid = this.testId;
    canvas.setAttribute('aria-hidden', 'true');
    canvas.classList.add('overlay-canvas');
    container.appendChild(canvas);
    // resizeTo only listens to window resizes; folding a panel resizes the container alone.
    if (typeof ResizeObserver !== 'undefined') {
      this.resizeObserver = new ResizeObserver(() => {
        app.queueResize();
        this.requestFrame();
      });
      this.resizeObserver.observe(container);
    }
    // A theme switch changes the colours to draw with.
    this.themeObserver = new MutationObserver(() => {
      this.onThemeChange(container);
      this.requestFrame();
    });
    this.themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    this.setup(app, container);
    app.ticker.add(this.onTick);
    // Drawing costs the GPU (software WebGL on many machines) every frame; when nothing moves
    // the ticker sleeps and subclasses wake it with requestFrame().
    app.ticker.stop();
    this.requestFrame();
  }

  /**
   * Asks for a frame soon. The ticker keeps running while `isAnimating()` says so, then stops
   * again; a layer that reacts to pans, edits or store changes calls this when they happen.
   */
  requestFrame(): void {
    const app = this.app;
    if (!app || app.ticker.started) return;
    app.ticker.start();
  }

  /** True while something on the layer moves by itself; the ticker stops once it is false. */
  protected isAnimating(): boolean {
    return false;
  }

  /** Stops drawing and frees the GPU resources and the canvas. Safe at any time, and twice. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    this.themeObserver?.disconnect();
    this.themeObserver = null;
    if (this.app) {
      this.app.ticker.remove(this.onTick);
      this.teardown();
      this.app.destroy({ removeView: true }, { children: true });
      this.app = null;
    }
  }

  /** Builds the scene once the application exists. */
  protected abstract setup(app: Application, container: HTMLElement): void;
  /** Draws one frame; `deltaMs` is the time since the last one. */
  protected abstract frame(deltaMs: number): void;
  /** Frees what setup made beyond the stage's children (textures, listeners). */
  protected teardown(): void {}
  /** The page switched themes: re-read the colours. */
  protected onThemeChange(_container: HTMLElement): void {}

  private readonly onTick = (): void => {
    const app = this.app;
    if (!app) return;
    // After a pause the first delta can be huge; animations should resume, not jump.
    this.frame(Math.min(app.ticker.deltaMS, 100));
    if (!this.isAnimating()) app.ticker.stop();
  };
}
