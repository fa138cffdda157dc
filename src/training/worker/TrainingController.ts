import type { GraphDoc, TrainingSetup } from '../../document/types';
import { reinitialize } from '../../document/network/reinitialize';
import { compileNetwork } from '../compiled/compile';
import type { Program } from '../compiled/program';
import { writeParams } from '../compiled/params';
import { whyDataDoesNotFit } from '../dataFit';
import { datasetsOf, setupOf } from '../setup';
import { optimiserOf } from '../trainerOptions';
import type { FromWorker, HistoryPoint, LiveSettings, ToWorker } from './protocol';
import { StepNarrator } from './StepNarrator';
import { IDLE_TRAINING, paramKey, type TrainingStatus } from './trainingStatus';

/**
 * What the controller reads and calls on the page's store. Declared here, not imported from
 * state/ (a layer above this one): the playground store has all of it, and this file stays
 * beside the worker it drives without an arrow pointing up.
 */
interface TrainingStoreState {
  doc: GraphDoc;
  /** Counts semantic edits (not moves). */
  revision: number;
  training: TrainingStatus;
  /** Puts trained weights into the document as one undo step. */
  applyTraining(doc: GraphDoc): void;
  setTrainingStatus(patch: Partial<TrainingStatus>): void;
  notify(tone: 'error', text: string): void;
}

/** The store, as much of it as training needs (a zustand store's getState and subscribe). */
interface TrainingStore {
  getState(): TrainingStoreState;
  subscribe(listener: (state: TrainingStoreState, previous: TrainingStoreState) => void): () => void;
}

/** Settings the worker can change between steps without reloading the network. */
const LIVE_KEYS = ['lr', 'alpha', 'batchSize', 'schedule', 'decaySteps', 'optimiser'] as const;
const HISTORY_LIMIT = 4000;
/**
 * The page takes the worker's progress at most this often. Every update repaints numbers,
 * curves and hundreds of wires; ten a second reads as live and leaves the frame budget to the
 * canvas (the worker reports thirty times a second; the reports in between are merged).
 */
const STATUS_EVERY_MS = 100;

/**
 * The page's side of training: compiles the drawn network, hands it to the worker, relays the
 * learning-rate slider mid-run, and puts the worker's reports in the store. When training
 * pauses, the trained weights are written into the document as one undo step, so saving keeps
 * them and Undo takes them back.
 */
export class TrainingController {
  private worker: Worker | null = null;
  /** The document revision the worker holds (moves do not count); another means load again. */
  private loadedRevision: number | null = null;
  /** True while this controller writes into the document itself. */
  private writing = false;
  private program: Program | null = null;
  private commitOnPause = false;
  /** Counts loads; reports from an earlier one (still in flight after a Reset) are dropped. */
  private generation = 0;
  /** Progress waiting to reach the store, merged, and the timer that will put it there. */
  private pending: { points: HistoryPoint[]; patch: Partial<TrainingStatus> } | null = null;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly unsubscribe: () => void;
  /** The learner's speed limit in steps a second; null is full speed. Kept across loads. */
  private speed: number | null = null;
  /** Whether the hidden units' heatmaps are shown. Kept across loads. */
  private unitMapsShown = false;
  /** The optimiser panel's parameters, kept across loads. */
  private watched: number[] | null = null;
  private readonly narrator = new StepNarrator(
    (narration) => this.status({ narration }),
    (message) => this.receive(message),
  );

  constructor(private readonly store: TrainingStore) {
    this.unsubscribe = store.subscribe((state, previous) => {
      if (state.doc !== previous.doc && !this.writing) this.onDocChange(previous.doc, state.doc, state.revision);
    });
  }

  /** Starts (loading the drawing first if it changed) or resumes training. */
  play(): void {
    this.narrator.cancel();
    if (!this.isLoaded() && !this.load()) return;
    this.send({ type: 'play' });
    this.status({ phase: 'running', message: null });
  }

  /** Pauses; the worker's final report then writes the weights into the document. */
  pause(): void {
    if (this.store.getState().training.phase !== 'running') return;
    this.commitOnPause = true;
    this.send({ type: 'pause' });
    this.status({ phase: 'paused' });
  }

  toggle(): void {
    if (this.store.getState().training.phase === 'running') this.pause();
    else this.play();
  }

  /** `count` SGD steps (one by default; the lecture's loop runs twenty), then paused. */
  step(count = 1): void {
    this.narrator.cancel();
    if (!this.isLoaded() && !this.load()) return;
    this.commitOnPause = true;
    this.send({ type: 'step', count });
    this.status({ phase: 'paused' });
  }

  /** Which parameters (program indices) the optimiser panel shows; null: the 10 largest |grad|. */
  watch(indices: number[] | null): void {
    this.watched = indices;
    this.send({ type: 'watch', indices });
  }

  /** The speed limit while playing, in steps a second (null: full speed); takes effect at once. */
  get stepsPerSecondLimit(): number | null {
    return this.speed;
  }

  setStepsPerSecondLimit(stepsPerSecond: number | null): void {
    this.speed = stepsPerSecond;
    this.send({ type: 'pace', stepsPerSecond });
  }

  /** Shows or hides each hidden unit's heatmap; the worker computes them from the weights it trains. */
  setUnitMapsShown(shown: boolean): void {
    this.unitMapsShown = shown;
    if (!shown) this.status({ unitMaps: null });
    this.send({ type: 'unitMaps', on: shown });
  }

  /**
   * One step in slow motion: forward, loss, backward, update, the boundary moves, each phase on
   * screen with its numbers, advancing on its own (or on Next); `cancelSlowStep` stops it.
   */
  slowStep(): void {
    if (this.store.getState().training.phase === 'running') this.pause();
    this.narrator.cancel();
    if (!this.isLoaded() && !this.load()) return;
    this.commitOnPause = true;
    this.send({ type: 'explain' });
    this.status({ phase: 'paused' });
  }

  /** The slow-motion step's next phase now. */
  nextPhase(): void {
    this.narrator.next();
  }

  /** Stops the slow-motion narration; the step it narrates shows in full at once. */
  cancelSlowStep(): void {
    this.narrator.cancel();
  }

  /** Whether the slow-motion phases advance on their own (else only on Next). */
  setNarrationAuto(auto: boolean): void {
    this.narrator.setAuto(auto);
  }

  /** New weights from the seed (micrograd's init), curves cleared. */
  reset(): void {
    this.narrator.cancel();
    this.send({ type: 'pause' });
    this.commitOnPause = false;
    this.loadedRevision = null;
    this.pending = null;
    const state = this.store.getState();
    const next = reinitialize(state.doc, setupOf(state.doc).initSeed);
    if (next !== state.doc) this.write(() => state.applyTraining(next));
    this.status({ ...IDLE_TRAINING });
    this.load();
  }

  destroy(): void {
    this.narrator.cancel();
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.unsubscribe();
    this.worker?.terminate();
    this.worker = null;
  }

  /** Compiles the current drawing and sends it to the worker; false (with the reason shown) when it cannot train. */
  private load(): boolean {
    const { doc } = this.store.getState();
    const compiled = compileNetwork(doc);
    const reason = compiled.ok ? whyDataDoesNotFit(compiled.program.featureCount, datasetsOf(setupOf(doc)).all.x) : compiled.reason;
    if (!compiled.ok || reason !== null) {
      this.status({ phase: 'error', message: reason });
      this.store.getState().notify('error', `Cannot train yet: ${reason}`);
      return false;
    }
    this.program = compiled.program;
    const index = new Map<string, number>();
    compiled.program.paramRefs.forEach((r, i) => index.set(paramKey(r.nodeId, r.field, r.unit, r.input), i));
    this.loadedRevision = this.store.getState().revision;
    this.status({ ...IDLE_TRAINING, phase: 'paused', paramIndex: index });
    this.send({ type: 'load', doc, setup: setupOf(doc), generation: ++this.generation });
    this.send({ type: 'pace', stepsPerSecond: this.speed });
    // A new worker starts with the maps off.
    if (this.unitMapsShown) this.send({ type: 'unitMaps', on: true });
    // A choice made before the worker existed (the worker keeps it across loads after that).
    if (this.watched !== null) this.send({ type: 'watch', indices: this.watched });
    return true;
  }

  private isLoaded(): boolean {
    return this.loadedRevision !== null && this.loadedRevision === this.store.getState().revision;
  }

  /** Runs a change this controller makes to the document without taking it for the person's edit. */
  private write(change: () => void): void {
    this.writing = true;
    try {
      change();
    } finally {
      this.writing = false;
    }
    if (this.loadedRevision !== null) this.loadedRevision = this.store.getState().revision;
  }

  private onDocChange(before: GraphDoc, after: GraphDoc, revision: number): void {
    // Other data is another run: its steps count from 0, its curves start afresh, and a refusal
    // about the old data no longer holds.
    const dataChanged = !sameData(setupOf(before), setupOf(after));
    if (dataChanged && this.loadedRevision === null) this.status({ ...IDLE_TRAINING });
    // Moving nodes (a drag, a layout glide) changes nothing the worker holds.
    if (this.loadedRevision === null || revision === this.loadedRevision) return;
    if (onlyLiveSettingsChanged(before, after)) {
      // The slider moved: the worker takes the new rate on its next step, no reload.
      this.loadedRevision = revision;
      this.send({ type: 'set', settings: liveSettings(setupOf(after)) });
      return;
    }
    // The drawing or the dataset changed under a run: pause, and load again on the next Play.
    this.narrator.cancel();
    const wasRunning = this.store.getState().training.phase === 'running';
    if (wasRunning) {
      this.send({ type: 'pause' });
      this.status({ phase: 'paused', message: 'Paused: the graph or the dataset changed. Press Train to start again on the new one.' });
    }
    if (dataChanged) {
      this.status({ ...IDLE_TRAINING, message: wasRunning ? 'Paused: the dataset changed. Press Train to start again on the new one.' : null });
    }
    this.commitOnPause = false;
    this.loadedRevision = null;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    worker.onerror = (e) => {
      this.status({ phase: 'error', message: `The training worker failed: ${e.message}` });
    };
    this.worker = worker;
    return worker;
  }

  private send(message: ToWorker): void {
    if (message.type !== 'load' && !this.worker) return;
    this.ensureWorker().postMessage(message);
  }

  private receive(message: FromWorker): void {
    if (message.generation !== this.generation || this.narrator.hold(message)) return;
    const state = this.store.getState();
    switch (message.type) {
      case 'explained':
        this.narrator.start(message.numbers);
        return;
      case 'loaded':
        if (!message.ok) this.status({ phase: 'error', message: message.reason });
        return;
      case 'progress': {
        const pending = (this.pending ??= { points: [], patch: {} });
        pending.points.push(...message.points);
        pending.patch = { step: message.step, lr: message.lr, stepsPerSecond: message.stepsPerSecond, params: message.params, optimiser: message.optimiser ?? null };
        // A load's report is not the end of a run: a Step sent right after it must still write back.
        if (!message.running && !message.loaded) {
          // The last report of a run: show it now, and keep the weights.
          this.flush();
          if (this.commitOnPause) {
            this.commitOnPause = false;
            this.commit(message.params);
          }
        } else {
          this.flushTimer ??= setTimeout(() => this.flush(), STATUS_EVERY_MS);
        }
        return;
      }
      case 'boundary':
        // A mark per refresh lets `npm run bench` count refreshes per second in a real browser.
        performance.mark('playground:boundary');
        this.status({ boundary: { size: message.size, xRange: message.xRange, yRange: message.yRange, scores: message.scores, ...(message.classes ? { classes: message.classes } : {}) } });
        return;
      case 'units':
        if (this.unitMapsShown) this.status({ unitMaps: message.maps });
        return;
      case 'diverged': {
        this.commitOnPause = false;
        this.commit(message.params);
        const lr = setupOf(state.doc).lr;
        const text = `Training stopped at step ${message.step}: ${message.reason}. The weights went back to the last good step; try a smaller learning rate, such as ${formatRate(lr / 10)}.`;
        this.status({ phase: 'diverged', message: text, params: message.params });
        state.notify('error', text);
        return;
      }
    }
  }

  /** Puts the merged progress into the store. */
  private flush(): void {
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const pending = this.pending;
    this.pending = null;
    if (!pending) return;
    const history = appendHistory(this.store.getState().training.history, pending.points);
    this.status({ ...pending.patch, history });
  }

  /** Trained weights into the document (one undo step); the worker already has them. */
  private commit(params: Float64Array): void {
    if (!this.program || !this.isLoaded()) return;
    const state = this.store.getState();
    const next = writeParams(this.program, state.doc, params);
    if (next !== state.doc) this.write(() => state.applyTraining(next));
  }

  private status(patch: Partial<TrainingStatus>): void {
    this.store.getState().setTrainingStatus(patch);
  }
}

function appendHistory(history: readonly HistoryPoint[], points: readonly HistoryPoint[]): readonly HistoryPoint[] {
  if (points.length === 0) return history;
  const next = history.concat(points);
  // Keep the curves bounded: past the limit, every other old point goes.
  return next.length > HISTORY_LIMIT ? next.filter((_, i) => i % 2 === 0 || i >= next.length - 100) : next;
}

function liveSettings(setup: TrainingSetup): LiveSettings {
  return { lr: setup.lr, alpha: setup.alpha, batchSize: setup.batchSize, schedule: setup.schedule, decaySteps: setup.decaySteps, optimiser: optimiserOf(setup) };
}

/** True when only the learning rate, L2, batch size or schedule differ. */
function onlyLiveSettingsChanged(before: GraphDoc, after: GraphDoc): boolean {
  if (before.nodes !== after.nodes || before.wires !== after.wires || before.output !== after.output) return false;
  // (A setup change edits only doc.training: nodes and wires stay the same objects.)
  const a = setupOf(before);
  const b = setupOf(after);
  const rest = (s: TrainingSetup) => {
    const copy: Partial<TrainingSetup> = { ...s };
    for (const key of LIVE_KEYS) delete copy[key];
    return JSON.stringify(copy);
  };
  return rest(a) === rest(b);
}

/** True when both setups train on the same points (the same generator, CSV, added points and split). */
function sameData(a: TrainingSetup, b: TrainingSetup): boolean {
  const data = (s: TrainingSetup) => JSON.stringify([s.dataset, s.imported, s.added, s.testFraction]);
  return a === b || data(a) === data(b);
}

function formatRate(lr: number): string {
  return lr >= 0.01 ? String(Number(lr.toPrecision(2))) : lr.toExponential(1);
}
