import type { GraphDoc, TrainingSetup } from '../../document/types';
import { compileNetwork } from '../compiled/compile';
import { readParams } from '../compiled/params';
import type { Program } from '../compiled/program';
import { CompiledTrainer } from '../compiled/Trainer';
import { whyDataDoesNotFit } from '../dataFit';
import { datasetsOf, type Datasets } from '../setup';
import { trainerOptionsOf } from '../trainerOptions';
import type { StepNumbers } from '../narration';
import { scheduledRate } from '../compiled/schedule';
import type { HistoryPoint, LiveSettings } from './protocol';

/** Keep at most this many curve points; past it, every other one is dropped and the spacing doubles. */
const MAX_POINTS = 2000;
/** Steps between checkpoints of sane parameters. */
export const CHECKPOINT_EVERY = 10;
/** The decision boundary's resolution. */
const BOUNDARY_SIZE = 100;

/**
 * One training run of a drawn network on its dataset, without any messaging: the worker wraps
 * it, and tests drive it directly in Node. Steps run in slices of a time budget, so the worker
 * can report between slices.
 */
export class TrainingSession {
  readonly program: Program;
  readonly trainer: CompiledTrainer;
  readonly data: Datasets;
  /** Curve points not yet reported. */
  private pending: HistoryPoint[] = [];
  private recorded = 0;
  private spacing = 1;
  /** The newest step a curve point was made for; a point is never made twice for one step. */
  private lastPointStep = -1;
  private readonly grid = new Float32Array(BOUNDARY_SIZE * BOUNDARY_SIZE);
  /** A k-class network's argmax per grid cell (then `grid` holds its probability); null for one score. */
  private readonly gridClasses: Uint8Array | null;
  /** Parameters from a recent step whose loss was sane, to go back to when it explodes. */
  private readonly checkpoint: Float64Array;
  private firstLoss: number | null = null;
  readonly xRange: [number, number];
  readonly yRange: [number, number];

  private constructor(program: Program, setup: TrainingSetup) {
    this.program = program;
    this.data = datasetsOf(setup);
    this.trainer = new CompiledTrainer(program, this.data.train, trainerOptionsOf(setup));
    [this.xRange, this.yRange] = plotRanges(this.data.all.x);
    this.checkpoint = new Float64Array(program.paramCount);
    this.gridClasses = program.classes > 1 ? new Uint8Array(BOUNDARY_SIZE * BOUNDARY_SIZE) : null;
  }

  /** Compiles the document; a drawing that cannot train gets the reason instead. */
  static create(doc: GraphDoc, setup: TrainingSetup): { ok: true; session: TrainingSession } | { ok: false; reason: string } {
    const compiled = compileNetwork(doc);
    if (!compiled.ok) return compiled;
    const data = datasetsOf(setup);
    if (data.train.x.length === 0) return { ok: false, reason: 'The training set is empty: pick a dataset or add points.' };
    // Files are checked for ragged points when read; this also covers anything else that
    // reaches the worker, so a short row is a reason, never a RangeError mid-run.
    const misfit = whyDataDoesNotFit(compiled.program.featureCount, data.all.x);
    if (misfit) return { ok: false, reason: misfit };
    const session = new TrainingSession(compiled.program, setup);
    session.trainer.params.set(readParams(compiled.program, doc));
    session.checkpoint.set(session.trainer.params);
    session.recordNow();
    return { ok: true, session };
  }

  /** Whether the model reads at most two features, so a 2-D decision boundary can be drawn. */
  get hasBoundary(): boolean {
    return this.program.featureCount <= 2 && (this.data.all.x[0]?.length ?? 0) === 2;
  }

  /** Changes settings between steps: the learning-rate slider takes effect on the next one. */
  apply(settings: LiveSettings): void {
    const t = this.trainer;
    if (settings.lr !== undefined) t.lr = settings.lr;
    if (settings.alpha !== undefined) t.alpha = settings.alpha;
    if (settings.batchSize !== undefined) t.batchSize = settings.batchSize;
    if (settings.optimiser !== undefined) t.setOptimiser(settings.optimiser);
    if (settings.schedule !== undefined || settings.decaySteps !== undefined) {
      const kind = settings.schedule ?? (t.schedule.kind === 'linear-decay' ? 'linear' : 'constant');
      const steps = settings.decaySteps ?? (t.schedule.kind === 'linear-decay' ? t.schedule.steps : 100);
      t.schedule = kind === 'linear' ? { kind: 'linear-decay', steps } : { kind: 'constant' };
    }
  }

  /**
   * Steps until `budgetMs` has passed (or `maxSteps` were taken). Stops at once on divergence,
   * with the parameters rolled back to the last finite step.
   */
  run(budgetMs: number, maxSteps = Infinity, now: () => number = () => performance.now()): { steps: number; diverged: string | null } {
    const start = now();
    let steps = 0;
    while (steps < maxSteps) {
      const r = this.trainer.step();
      if (r.diverged) return { steps, diverged: r.reason ?? 'the loss stopped being a number' };
      const exploded = this.explosion(r.loss);
      if (exploded) return { steps, diverged: exploded };
      steps++;
      this.record(r.step, r.loss, r.batchSize >= this.data.train.x.length ? r.accuracy : null);
      if ((steps & 7) === 0 && now() - start >= budgetMs) break;
    }
    return { steps, diverged: null };
  }

  /** One step, with the numbers the slow-motion step narrates (or why it diverged). */
  explainStep(): { ok: true; numbers: StepNumbers } | { ok: false; reason: string } {
    const t = this.trainer;
    const step = t.steps;
    const lr = scheduledRate(t.lr, t.schedule, step);
    const lossBefore = t.evaluateLoss();
    const { diverged } = this.run(Infinity, 1);
    if (diverged) return { ok: false, reason: diverged };
    const samples = t.batchSize <= 0 ? this.data.train.x.length : Math.min(t.batchSize, this.data.train.x.length);
    return { ok: true, numbers: { step, samples, lossBefore, gradNorm: t.gradNorm(), lr, lossAfter: t.evaluateLoss() } };
  }

  /**
   * A loss that is still a number but has blown up by orders of magnitude is divergence too:
   * with a ReLU network and a hinge loss, too large a rate sends the weights off towards
   * infinity for thousands of steps before anything overflows. The parameters go back to the
   * last checkpoint taken while the loss was sane.
   */
  private explosion(loss: number): string | null {
    if (this.firstLoss === null) this.firstLoss = loss;
    const limit = Math.max(1e6, 1e4 * this.firstLoss);
    if (loss > limit) {
      this.trainer.rollBack(this.checkpoint);
      return `the loss exploded to ${loss.toExponential(2)}: the learning rate is probably too large`;
    }
    if (this.trainer.steps % CHECKPOINT_EVERY === 0 && loss <= 10 * this.firstLoss) this.checkpoint.set(this.trainer.params);
    return null;
  }

  /** Curve points since the last call. */
  takePoints(): HistoryPoint[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }

  /**
   * The decision boundary on the data's range, the same buffers every call: one score per cell,
   * or for a k-class network the argmax class per cell and its softmax probability in `scores`.
   */
  boundary(): { scores: Float32Array; classes: Uint8Array | null } {
    if (this.gridClasses) {
      this.trainer.classGrid(this.xRange, this.yRange, BOUNDARY_SIZE, this.gridClasses, this.grid);
      return { scores: this.grid, classes: this.gridClasses };
    }
    return { scores: this.trainer.scoreGrid(this.xRange, this.yRange, BOUNDARY_SIZE, this.grid), classes: null };
  }

  /**
   * The point for the weights as they are now (after the last update), measured on the whole
   * training set: called when a run stops, so the newest point is the loss of the weights the
   * canvas shows, the same number the loss card sums.
   */
  recordNow(): void {
    const t = this.trainer;
    this.record(t.steps, t.evaluateLoss(), null, true);
  }

  /**
   * Adds a curve point for the weights after `step` updates (every `spacing` steps). A step
   * measures its loss before its update, so step k + 1 reports the loss of the weights after k
   * updates: the lecture's `print(k, loss.data)`. `batchAccuracy` is the step's own when it saw
   * the whole training set.
   */
  private record(step: number, loss: number, batchAccuracy: number | null, always = false): void {
    if (step <= this.lastPointStep) return;
    if (!always && step % this.spacing !== 0) return;
    this.lastPointStep = step;
    this.recorded++;
    if (this.recorded > MAX_POINTS) {
      this.spacing *= 2;
      this.recorded = MAX_POINTS / 2;
    }
    const t = this.trainer;
    this.pending.push({
      step,
      loss,
      // A full-batch step measured the training accuracy already (before its update).
      trainAccuracy: batchAccuracy ?? t.evaluateAccuracy(this.data.train),
      testAccuracy: this.data.test.x.length > 0 ? t.evaluateAccuracy(this.data.test) : NaN,
    });
  }
}

/** The data's extent with a margin, square-ish, for the boundary and the plot. */
export function plotRanges(points: readonly number[][]): [[number, number], [number, number]] {
  if (points.length === 0) return [[-1.5, 1.5], [-1.5, 1.5]];
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const p of points) {
    x0 = Math.min(x0, p[0]!);
    x1 = Math.max(x1, p[0]!);
    y0 = Math.min(y0, p[1] ?? 0);
    y1 = Math.max(y1, p[1] ?? 0);
  }
  const pad = 0.15 * Math.max(x1 - x0, y1 - y0, 0.5);
  return [
    [x0 - pad, x1 + pad],
    [y0 - pad, y1 + pad],
  ];
}
