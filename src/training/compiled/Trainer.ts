import type { Dataset } from '../../data';
import { DEFAULT_OPTIMISER, OptimiserState, type OptimiserSettings } from '../../nn/optimisers';
import { BatchSampler } from './batch';
import { backward, forward } from './interpret';
import type { Program } from './program';
import { scheduledRate, type Schedule } from './schedule';

/** How a trainer starts; every field can be changed later on the trainer itself. */
export interface TrainerOptions {
  /** Learning rate (the schedule's lr0). Default 0.1. */
  lr?: number;
  /** L2 strength: the loss gains alpha · Σ p². Default 0. */
  alpha?: number;
  /** Samples per step; 0 (the default) or at least the dataset size means the full batch. */
  batchSize?: number;
  /** Default constant. */
  schedule?: Schedule;
  /** Seeds the mini-batch draws. Default 0. */
  seed?: number;
  /** SGD (the default), momentum, Adam or AdamW. */
  optimiser?: OptimiserSettings;
}

/**
 * One step's outcome. The trainer returns the same object every step (a step allocates
 * nothing), so copy the fields you want to keep.
 */
interface StepResult {
  /** Steps taken before this one: the k of the schedule. */
  step: number;
  /** The learning rate used (or that would have been, for a diverged step). */
  lr: number;
  /** dataLoss + regLoss, at the parameters before the update. */
  loss: number;
  /** The batch's loss: summed (squared error) or averaged (hinge, cross-entropy) per-sample losses. */
  dataLoss: number;
  /** alpha · Σ p². */
  regLoss: number;
  /** Fraction of the batch whose score has the label's sign, before the update. */
  accuracy: number;
  batchSize: number;
  /** True when the loss or a gradient was not finite; the parameters were then rolled back. */
  diverged: boolean;
  /** Why it diverged, in words; null otherwise. */
  reason: string | null;
}

/**
 * Trains a compiled network over typed arrays: per step, forward and backward for each sample of
 * the batch, the L2 term, then the optimiser's update (SGD's p −= lr · grad, momentum, Adam). Gives the numbers the Value engine
 * gives for the same graph (see compile.ts and valueTrainer.ts), and allocates nothing per step.
 */
export class CompiledTrainer {
  /** Base learning rate; takes effect on the next step. */
  lr: number;
  /** L2 strength; takes effect on the next step. */
  alpha: number;
  /** Samples per step (0 = full batch); takes effect on the next step. */
  batchSize: number;
  schedule: Schedule;
  /** Successful steps so far (the schedule's k). Writable, to restart a schedule. */
  steps = 0;
  /** The parameters, in the program's order (paramRefs). Read them, or write them to set the weights. */
  readonly params: Float64Array;
  /** d loss / d param from the last step. */
  readonly grads: Float64Array;
  /** The optimiser and its memory (velocity, Adam's moments). */
  get optimiser(): OptimiserState {
    return this.state;
  }
  /**
   * The optimiser from the next step on. Another kind starts with fresh state, as a new
   * torch.optim object would; new settings of the same kind (a β edited mid-run) keep the moments.
   */
  setOptimiser(settings: OptimiserSettings): void {
    if (settings.kind === this.state.settings.kind) this.state.settings = settings;
    else this.state = new OptimiserState(settings, this.program.paramCount);
  }
  private state: OptimiserState;

  /**
   * Goes back to these parameters with the optimiser's memory cleared: the velocity or Adam
   * moments built up on the way to a blow-up would push the next run straight back there.
   */
  rollBack(params: Float64Array): void {
    this.params.set(params);
    this.state = new OptimiserState(this.state.settings, this.program.paramCount);
  }

  private readonly mem: Float64Array;
  private readonly grad: Float64Array;
  private readonly lastGood: Float64Array;
  private readonly x: Float64Array;
  private readonly y: Float64Array;
  private readonly scores: Float64Array;
  private readonly losses: Float64Array;
  private readonly sampler: BatchSampler;
  /** One sample's features for predictions (input nodes read it as row 0). */
  private readonly point: Float64Array;
  private readonly noLabel = new Float64Array(1);
  // Fractional starting values, so V8 gives the number fields a double representation from the
  // start and later writes update them in place instead of changing the object's shape.
  private readonly result: StepResult = {
    step: 0,
    lr: 0.5,
    loss: 0.5,
    dataLoss: 0.5,
    regLoss: 0.5,
    accuracy: 0.5,
    batchSize: 0,
    diverged: false,
    reason: null,
  };

  constructor(
    readonly program: Program,
    data: Dataset,
    options: TrainerOptions = {},
  ) {
    const n = data.x.length;
    if (n === 0 || data.y.length !== n) throw new RangeError('training needs at least one sample, with one label per row');
    const f = program.featureCount;
    this.x = new Float64Array(n * f);
    data.x.forEach((row, i) => this.x.set(checkRow(row, f).slice(0, f), i * f));
    this.y = Float64Array.from(data.y);
    this.scores = new Float64Array(n * program.classes);
    this.losses = new Float64Array(n);
    this.sampler = new BatchSampler(n, options.seed ?? 0);
    this.point = new Float64Array(Math.max(2, f));
    this.mem = Float64Array.from(program.init);
    this.grad = new Float64Array(program.slotCount);
    this.params = this.mem.subarray(0, program.paramCount);
    this.grads = this.grad.subarray(0, program.paramCount);
    this.lastGood = Float64Array.from(this.params);
    this.lr = options.lr ?? 0.1;
    this.alpha = options.alpha ?? 0;
    this.batchSize = options.batchSize ?? 0;
    this.schedule = options.schedule ?? { kind: 'constant' };
    this.state = new OptimiserState(options.optimiser ?? DEFAULT_OPTIMISER, program.paramCount);
  }

  /** One step: loss, gradients, then the optimiser's update. The returned object is reused by the next call. */
  step(): StepResult {
    const p = this.program;
    const { mem, grad, scores, losses } = this;
    const count = p.paramCount;
    const alpha = this.alpha;
    const size = this.sampler.draw(this.batchSize);
    const batch = this.sampler.indices;
    const k = p.classes;

    // The engine's backward reaches the L2 term before the data term (total = data + reg, and it
    // walks the graph from its last input), so each parameter's grad starts with its two
    // p·alpha contributions (p.mul(p) feeds p twice), then the samples', last sample first.
    for (let i = 0; i < count; i++) {
      const t = mem[i]! * alpha;
      let g = 0;
      g += t;
      g += t;
      grad[i] = g;
    }
    // Each sample's loss gets d total / d loss_i: 1 for a sum, 1/B for a mean (as hingeLoss's .mul(1/n)).
    const invN = 1.0 / size;
    const seed = p.reduction === 'mean' ? invN : 1;
    for (let s = size - 1; s >= 0; s--) {
      forward(p, p.starts, mem, this.x, p.featureCount, this.y, batch[s]!);
      losses[s] = mem[p.lossSlot]!;
      for (let j = 0; j < k; j++) scores[s * k + j] = mem[p.scoreSlots[j]!]!;
      grad.fill(0, count);
      grad[p.lossSlot] = seed;
      backward(p, mem, grad);
    }

    // The loss, summed in src/nn's order: ((l0 + l1) + l2) + ..., then Σ p² likewise.
    let dataLoss = losses[0]!;
    let right = 0;
    for (let s = 0; s < size; s++) {
      if (s > 0) dataLoss += losses[s]!;
      if (this.rightAt(s, this.y[batch[s]!]!)) right++;
    }
    if (p.reduction === 'mean') dataLoss *= invN;
    let squares = mem[0]! * mem[0]!;
    for (let i = 1; i < count; i++) squares += mem[i]! * mem[i]!;
    const regLoss = squares * alpha;
    const loss = dataLoss + regLoss;

    const r = this.result;
    r.step = this.steps;
    r.lr = scheduledRate(this.lr, this.schedule, this.steps);
    r.loss = loss;
    r.dataLoss = dataLoss;
    r.regLoss = regLoss;
    r.accuracy = right / size;
    r.batchSize = size;
    const bad = this.firstNonFinite(loss);
    if (bad !== null) {
      this.rollBack(this.lastGood);
      r.diverged = true;
      r.reason = bad;
      return r;
    }
    this.lastGood.set(this.params);
    this.state.lr = r.lr;
    this.state.step(this.params, this.grads);
    this.steps++;
    r.diverged = false;
    r.reason = null;
    return r;
  }

  /**
   * The loss at the current parameters over the whole training set, without a step: what the
   * next full-batch step would measure, summed in the same order so the digits agree. It is the
   * loss of the weights the canvas shows, so the loss card and the panel print one number.
   */
  evaluateLoss(): number {
    const p = this.program;
    const { mem, y } = this;
    const n = y.length;
    let dataLoss = 0;
    for (let s = 0; s < n; s++) {
      forward(p, p.starts, mem, this.x, p.featureCount, y, s);
      dataLoss = s === 0 ? mem[p.lossSlot]! : dataLoss + mem[p.lossSlot]!;
    }
    if (p.reduction === 'mean') dataLoss *= 1.0 / n;
    const count = p.paramCount;
    let squares = mem[0]! * mem[0]!;
    for (let i = 1; i < count; i++) squares += mem[i]! * mem[i]!;
    return dataLoss + squares * this.alpha;
  }

  /** The length of the last step's gradient, √Σ grad²: how hard that step pushed. */
  gradNorm(): number {
    let sum = 0;
    for (let i = 0; i < this.grads.length; i++) sum += this.grads[i]! * this.grads[i]!;
    return Math.sqrt(sum);
  }

  /**
   * Fraction of `data` the current parameters classify right: score > 0 for label +1, as
   * micrograd, or for a softmax the largest score at the label's class.
   */
  evaluateAccuracy(data: Dataset): number {
    let right = 0;
    for (let i = 0; i < data.x.length; i++) if (this.predictClass(data.x[i]!) === classOf(data.y[i]!, this.program.classes)) right++;
    return data.x.length === 0 ? 0 : right / data.x.length;
  }

  /** The class the network picks for one point: the argmax of k scores, or ±1 by the sign of one. */
  predictClass(x: readonly number[]): number {
    const score = this.predict(x);
    if (this.program.classes === 1) return score > 0 ? 1 : -1;
    return argmaxSlots(this.mem, this.program.scoreSlots);
  }

  /**
   * The class map for the decision boundary: per cell of a size × size grid (laid out as
   * scoreGrid's), the argmax class into `classes` and its softmax probability into `confidence`.
   */
  classGrid(
    xRange: readonly [number, number],
    yRange: readonly [number, number],
    size: number,
    classes: Uint8Array,
    confidence: Float32Array,
  ): void {
    if (this.program.featureCount > 2) throw new RangeError('the decision map needs a model of at most 2 features');
    const x0 = xRange[0];
    const y0 = yRange[0];
    const dx = (xRange[1] - x0) / size;
    const dy = (yRange[1] - y0) / size;
    const { point, mem } = this;
    const slots = this.program.scoreSlots;
    for (let r = 0; r < size; r++) {
      point[1] = y0 + (r + 0.5) * dy;
      for (let c = 0; c < size; c++) {
        point[0] = x0 + (c + 0.5) * dx;
        this.score();
        const best = argmaxSlots(mem, slots);
        // p(best) = 1 / Σ exp(s_j − s_best): shifted, so it cannot overflow.
        let z = 0;
        for (let j = 0; j < slots.length; j++) z += Math.exp(mem[slots[j]!]! - mem[slots[best]!]!);
        classes[r * size + c] = best;
        confidence[r * size + c] = 1 / z;
      }
    }
  }

  /** The network's score for one point (its features by column). */
  predict(x: readonly number[]): number {
    const f = this.program.featureCount;
    checkRow(x, f);
    for (let i = 0; i < f; i++) this.point[i] = x[i]!;
    return this.score();
  }

  /**
   * Scores a size × size grid for the decision boundary, into `out` (row-major, at least
   * size² long): cell (r, c) is the score at x = the c-th and y = the r-th cell centre of the
   * ranges, so row 0 is at yRange[0]. Feature 0 is x and feature 1 is y; models reading other
   * features have no 2-D picture and are refused.
   */
  scoreGrid(xRange: readonly [number, number], yRange: readonly [number, number], size: number, out: Float32Array): Float32Array {
    if (this.program.featureCount > 2) throw new RangeError('the decision boundary needs a model of at most 2 features');
    if (out.length < size * size) throw new RangeError(`a ${size}×${size} grid needs ${size * size} cells, got ${out.length}`);
    const x0 = xRange[0];
    const y0 = yRange[0];
    const dx = (xRange[1] - x0) / size;
    const dy = (yRange[1] - y0) / size;
    const point = this.point;
    for (let r = 0; r < size; r++) {
      point[1] = y0 + (r + 0.5) * dy;
      for (let c = 0; c < size; c++) {
        point[0] = x0 + (c + 0.5) * dx;
        out[r * size + c] = this.score();
      }
    }
    return out;
  }

  /** Runs only the instructions the score needs, on `point`. */
  private score(): number {
    const p = this.program;
    forward(p, p.scoreStarts, this.mem, this.point, 0, this.noLabel, 0);
    return this.mem[p.scoreSlot]!;
  }

  /** Whether batch sample s (of this step's scores) is classified right. */
  private rightAt(s: number, label: number): boolean {
    const k = this.program.classes;
    if (k === 1) return this.scores[s]! > 0 === label > 0;
    let best = 0;
    for (let j = 1; j < k; j++) if (this.scores[s * k + j]! > this.scores[s * k + best]!) best = j;
    return best === label;
  }

  /** Why this step cannot be applied, or null when the loss and every gradient are finite. */
  private firstNonFinite(loss: number): string | null {
    if (!Number.isFinite(loss)) return `the loss became ${loss}: the learning rate is probably too large`;
    const grads = this.grads;
    for (let i = 0; i < grads.length; i++) {
      if (!Number.isFinite(grads[i]!)) {
        const ref = this.program.paramRefs[i]!;
        return `the gradient of a ${ref.field} (parameter ${i}) became ${grads[i]}: the learning rate is probably too large`;
      }
    }
    return null;
  }
}

function checkRow(row: readonly number[], features: number): readonly number[] {
  if (row.length < features) throw new RangeError(`the network reads ${features} features but a row has ${row.length}`);
  return row;
}

/** The class a label names: itself for k classes, its sign for one score. */
function classOf(label: number, classes: number): number {
  return classes === 1 ? (label > 0 ? 1 : -1) : label;
}

/** The index j whose mem[slots[j]] is largest (the first on a tie, as classify.ts's argmax). */
function argmaxSlots(mem: Float64Array, slots: Int32Array): number {
  let best = 0;
  for (let j = 1; j < slots.length; j++) if (mem[slots[j]!]! > mem[slots[best]!]!) best = j;
  return best;
}
