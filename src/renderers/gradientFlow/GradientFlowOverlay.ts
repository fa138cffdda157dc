import type { BackwardSchedule } from '../../document/backward/schedule';
import { evaluationOf } from '../../state/derived';
import type { PlaygroundState, PlaygroundStore } from '../../state/store';
import { readThemeColors } from '../themeColors';
import { sameBoxes } from './geometrySnapshot';
import { GradientFlowScene } from './GradientFlowScene';
import type { CanvasSize, FromScene, NodeBox, PulseArrival, ToScene, Viewport } from './protocol';

/** The `data-testid` of the overlay's canvas, for end-to-end tests. */
export const OVERLAY_CANVAS_TEST_ID = 'overlay-canvas';

/**
 * Landed contributions reach the store (and so the nodes' grads, the panel) at most this often.
 * The pulses and glows keep their own frame rate in the worker. Each store update costs the
 * page one React render, layout, layerization and hover hit test over 300 nodes (≈15–30 ms in
 * headless Chromium); 25 a second, one per landing, kept the main thread busy most of every
 * frame, while 8 a second leaves most frames idle and still reads as live.
 */
const LANDINGS_EVERY_MS = 125;

/** Where the node editor put things: the host implements it on React Flow. */
export interface FlowSource {
  viewport(): Viewport;
  /** Every node's box and handle centres, in flow coordinates. */
  boxes(): NodeBox[];
  /** Calls back when anything in the editor's view may have moved. */
  subscribe(listener: () => void): () => void;
}

/**
 * The gradient-flow overlay on the main thread: owns the canvas, hands it to a worker that
 * draws (GradientFlowScene), and keeps that worker told of what it draws from, the canvas
 * transform, the node boxes, the watched pass, the theme, while reporting its landings to the
 * store. Where OffscreenCanvas is missing the same scene runs here instead.
 */
export class GradientFlowOverlay {
  private canvas: HTMLCanvasElement | null = null;
  private worker: Worker | null = null;
  private local: GradientFlowScene | null = null;
  private cleanups: (() => void)[] = [];
  private destroyed = false;

  private lastViewport: Viewport | null = null;
  private lastBoxes: NodeBox[] = [];
  private lastOutput: string | null | undefined = undefined;
  private schedule: BackwardSchedule | null = null;
  private scheduleId = 0;
  /** Bumped whenever the cursor moves for another reason than the scene's landings. */
  private epoch = 0;
  /** The furthest landing the scene reported in this epoch (or where the epoch began). */
  private reported = 0;
  private lastDelivered = 0;
  private pendingLanded: number | null = null;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private lastFlush = 0;

  constructor(
    private readonly store: PlaygroundStore,
    private readonly flow: FlowSource,
  ) {}

  mount(container: HTMLElement): void {
    if (this.canvas || this.destroyed) return;
    const canvas = document.createElement('canvas');
    canvas.dataset.testid = OVERLAY_CANVAS_TEST_ID;
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
      reducedMotion: window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false,
    } as const;
    if (typeof canvas.transferControlToOffscreen === 'function' && typeof Worker !== 'undefined') {
      const worker = new Worker(new URL('./gradientFlow.worker.ts', import.meta.url), { type: 'module', name: 'gradient-flow' });
      worker.onmessage = (event: MessageEvent<FromScene>) => this.receive(event.data);
      worker.onerror = (event) => console.error('The gradient-flow overlay worker failed:', event.message);
      const offscreen = canvas.transferControlToOffscreen();
      worker.postMessage({ ...init, canvas: offscreen } satisfies ToScene, [offscreen]);
      this.worker = worker;
    } else {
      this.local = new GradientFlowScene((message) => queueMicrotask(() => this.receive(message)));
      this.local.handle({ ...init, canvas });
    }

    this.syncFlow();
    this.syncStore(this.store.getState());
    this.cleanups.push(this.flow.subscribe(() => this.syncFlow()));
    this.cleanups.push(this.store.subscribe((state, prev) => this.onStore(state, prev)));
    const resize = new ResizeObserver(() => this.send({ type: 'size', size: sizeOf(container) }));
    resize.observe(container);
    this.cleanups.push(() => resize.disconnect());
    const theme = new MutationObserver(() => this.send({ type: 'colors', colors: readThemeColors(container) }));
    theme.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    this.cleanups.push(() => theme.disconnect());
  }

  /** Stops drawing, ends the worker and removes the canvas. Safe at any time, and twice. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const cleanup of this.cleanups) cleanup();
    this.cleanups = [];
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.worker?.terminate();
    this.local?.handle({ type: 'destroy' });
    this.canvas?.remove();
    this.worker = null;
    this.local = null;
    this.canvas = null;
  }

  private send(message: ToScene): void {
    if (this.worker) this.worker.postMessage(message);
    else this.local?.handle(message);
  }

  private receive(message: FromScene): void {
    if (this.destroyed) return;
    if (message.type === 'failed') {
      console.error('The gradient-flow overlay could not start (is WebGL available?):', message.message);
    } else if (message.type === 'landed' && message.epoch === this.epoch) {
      this.reported = Math.max(this.reported, message.delivered);
      this.pendingLanded = message.delivered;
      this.scheduleFlush();
    }
  }

  private scheduleFlush(): void {
    if (this.flushTimer !== null) return;
    const wait = LANDINGS_EVERY_MS - (performance.now() - this.lastFlush);
    if (wait <= 0) this.flush();
    else this.flushTimer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.flushTimer = null;
    this.lastFlush = performance.now();
    const count = this.pendingLanded;
    this.pendingLanded = null;
    if (count !== null) this.store.getState().deliverArrivals(count);
  }

  /** Pans, zooms, drags, measurements: resend what changed. */
  private syncFlow(): void {
    const viewport = this.flow.viewport();
    const last = this.lastViewport;
    if (!last || last.x !== viewport.x || last.y !== viewport.y || last.zoom !== viewport.zoom) {
      this.lastViewport = viewport;
      this.send({ type: 'viewport', viewport });
    }
    const boxes = this.flow.boxes();
    if (!sameBoxes(boxes, this.lastBoxes)) {
      this.lastBoxes = boxes;
      this.send({ type: 'geometry', boxes });
    }
  }

  private onStore(state: PlaygroundState, prev: PlaygroundState): void {
    if (state.backwardRun !== prev.backwardRun || state.backwardSpeed !== prev.backwardSpeed || state.doc !== prev.doc) this.syncStore(state);
  }

  private syncStore(state: PlaygroundState): void {
    const run = state.backwardRun;
    const output = run?.schedule.output ?? evaluationOf(state.doc).output ?? null;
    if (output !== this.lastOutput) {
      this.lastOutput = output;
      this.send({ type: 'output', node: output });
    }
    const schedule = run?.schedule ?? null;
    const delivered = run?.delivered ?? 0;
    if (schedule !== this.schedule) {
      this.schedule = schedule;
      if (schedule) this.send({ type: 'schedule', id: ++this.scheduleId, arrivals: schedule.arrivals.map(pulseOf) });
      this.newEpoch(delivered);
    } else if (delivered < this.lastDelivered || delivered > this.reported) {
      // Replay went back, or skip / a step finished at once went ahead of the animation.
      this.newEpoch(delivered);
    }
    this.lastDelivered = delivered;
    this.send({
      type: 'run',
      run: {
        schedule: schedule ? this.scheduleId : null,
        epoch: this.epoch,
        delivered,
        target: run?.target ?? 0,
        paused: run?.paused ?? false,
        speed: state.backwardSpeed,
      },
    });
  }

  private newEpoch(delivered: number): void {
    this.epoch++;
    this.reported = delivered;
    this.pendingLanded = null;
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.flushTimer = null;
  }
}

function sizeOf(container: HTMLElement): CanvasSize {
  return { width: Math.max(1, container.clientWidth), height: Math.max(1, container.clientHeight), resolution: window.devicePixelRatio || 1 };
}

/** What the scene needs of an arrival; the output port is the part of its key after the id. */
function pulseOf(a: BackwardSchedule['arrivals'][number]): PulseArrival {
  return { node: a.node, from: a.from, port: a.port, out: a.key === a.node ? 'out' : a.key.slice(a.node.length + 1), amount: a.amount, after: a.after };
}
