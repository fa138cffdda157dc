import type { BackwardSchedule } from '../../document/backward/schedule';
import { evaluationOf } from '../../state/derived';
import type { PlaygroundState, PlaygroundStore } from '../../state/store';
import { SceneHost } from '../offscreen/SceneHost';
import type { SceneReport } from '../offscreen/sceneProtocol';
import { sameBoxes } from './geometrySnapshot';
import { GradientFlowScene } from './GradientFlowScene';
import type { FromScene, NodeBox, PulseArrival, ToScene, Viewport } from './protocol';

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
 * The gradient-flow overlay on the main thread: its SceneHost hands the canvas to a worker that
 * draws (GradientFlowScene); this keeps the scene told of what it draws from, the canvas
 * transform, the node boxes, the watched pass, and hands its landings to the store.
 */
export class GradientFlowOverlay {
  private readonly host = new SceneHost<ToScene, FromScene>({
    testId: OVERLAY_CANVAS_TEST_ID,
    createWorker: () => new Worker(new URL('./gradientFlow.worker.ts', import.meta.url), { type: 'module', name: 'gradient-flow' }),
    createLocal: (post) => new GradientFlowScene(post),
    onMessage: (message) => this.receive(message),
    onFailed: (reason) => console.error('The gradient-flow overlay could not start (is WebGL available?):', reason),
  });
  private cleanups: (() => void)[] = [];
  private mounted = false;

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
    if (this.mounted) return;
    this.mounted = true;
    this.host.mount(container);
    this.syncFlow();
    this.syncStore(this.store.getState());
    this.cleanups.push(this.flow.subscribe(() => this.syncFlow()));
    this.cleanups.push(this.store.subscribe((state, prev) => this.onStore(state, prev)));
  }

  /** Stops drawing, ends the worker and removes the canvas. Safe at any time, and twice. */
  destroy(): void {
    for (const cleanup of this.cleanups) cleanup();
    this.cleanups = [];
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.host.destroy();
  }

  private send(message: ToScene): void {
    this.host.send(message);
  }

  private receive(message: FromScene | SceneReport): void {
    if (message.type === 'landed' && message.epoch === this.epoch) {
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

/** What the scene needs of an arrival; the output port is the part of its key after the id. */
function pulseOf(a: BackwardSchedule['arrivals'][number]): PulseArrival {
  return { node: a.node, from: a.from, port: a.port, out: a.key === a.node ? 'out' : a.key.slice(a.node.length + 1), amount: a.amount, after: a.after };
}
