import { evaluationOf } from '../../state/derived';
import type { PlaygroundState, PlaygroundStore } from '../../state/store';
import { SceneHost } from '../offscreen/SceneHost';
import type { SceneReport } from '../offscreen/sceneProtocol';
import { sameBoxes } from './geometrySnapshot';
import { LandingRelay } from './landingRelay';
import type { FromScene, NodeBox, ToScene, Viewport } from './protocol';

/** The `data-testid` of the overlay's canvas, for end-to-end tests. */
const OVERLAY_CANVAS_TEST_ID = 'overlay-canvas';

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
    createLocal: (post) => import('./GradientFlowScene').then(({ GradientFlowScene }) => new GradientFlowScene(post)),
    onMessage: (message) => this.receive(message),
    onFailed: (reason) => console.error('The gradient-flow overlay could not start (is WebGL available?):', reason),
  });
  private cleanups: (() => void)[] = [];
  private mounted = false;

  private lastViewport: Viewport | null = null;
  private lastBoxes: NodeBox[] = [];
  private lastOutput: string | null | undefined = undefined;
  private readonly relay: LandingRelay;

  constructor(
    private readonly store: PlaygroundStore,
    private readonly flow: FlowSource,
  ) {
    this.relay = new LandingRelay((count) => this.store.getState().deliverArrivals(count));
  }

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
    this.relay.dispose();
    this.host.destroy();
  }

  private send(message: ToScene): void {
    this.host.send(message);
  }

  private receive(message: FromScene | SceneReport): void {
    if (message.type === 'landed') this.relay.landed(message.epoch, message.delivered);
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
    for (const message of this.relay.sync(run, state.backwardSpeed)) this.send(message);
  }
}
