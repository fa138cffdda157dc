import type { PlaygroundState, PlaygroundStore } from '../../state/store';
import { datasetsOf, setupOf } from '../../training/setup';
import { setupClasses } from '../../training/setupClasses';
import { SceneHost } from '../offscreen/SceneHost';
import { plotRangesOf } from '../plotMapping';
import type { PlotPoints, ToPlot } from './protocol';

/** The `data-testid` of the data plot's canvas, for end-to-end tests that read its pixels. */
const BOUNDARY_CANVAS_TEST_ID = 'boundary-canvas';

/**
 * The data plot on the main thread: its SceneHost hands the canvas to a worker that draws
 * (BoundaryScene); this sends it the points when the dataset changes and each boundary the
 * training worker reports.
 */
export class BoundaryPlot {
  private readonly host: SceneHost<ToPlot, never>;
  private unsubscribe: (() => void) | null = null;
  private mounted = false;
  private sentPoints: unknown = null;

  constructor(
    private readonly store: PlaygroundStore,
    onFailed: (reason: string) => void,
  ) {
    this.host = new SceneHost<ToPlot, never>({
      testId: BOUNDARY_CANVAS_TEST_ID,
      createWorker: () => new Worker(new URL('./boundary.worker.ts', import.meta.url), { type: 'module', name: 'data-plot' }),
      createLocal: (post) => import('./BoundaryScene').then(({ BoundaryScene }) => new BoundaryScene(post)),
      onMessage: () => {},
      onFailed,
    });
  }

  /** Once per instance; a destroyed plot stays destroyed. */
  mount(container: HTMLElement): void {
    if (this.mounted) return;
    this.mounted = true;
    this.host.mount(container);
    this.sync(this.store.getState(), null);
    this.unsubscribe = this.store.subscribe((state, prev) => this.sync(state, prev));
  }

  destroy(): void {
    this.mounted = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.host.destroy();
  }

  private sync(state: PlaygroundState, prev: PlaygroundState | null): void {
    if (!prev || state.training.boundary !== prev.training.boundary) {
      this.host.send({ type: 'boundary', boundary: state.training.boundary });
    }
    if (!prev || state.doc !== prev.doc) {
      const setup = setupOf(state.doc);
      const data = datasetsOf(setup);
      // datasetsOf is cached per setup: the same object means the same points.
      if (data === this.sentPoints) return;
      this.sentPoints = data;
      const plot: PlotPoints = { train: data.train, test: data.test, added: setup.added.length, classes: setupClasses(setup), ranges: plotRangesOf(setup) };
      this.host.send({ type: 'plot', plot });
    }
  }
}
