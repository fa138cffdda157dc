import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DifferenceMeter } from '../../test/python/largestDifference';
import { runTorch, SKIP_TORCH_ENV, torchOrOptOut, type TorchPython } from '../../test/python/runPython';
import { stringLiteral } from '../document/codegen/text';
import { toTorch } from '../document/codegen/torch';
import { insertMlp } from '../document/network/insertMlp';
import { DEFAULT_OPTIMISER } from '../nn/optimisers';
import { EMPTY_DOC, type GraphDoc, type LossKind, type TrainingSetup } from '../document/types';
import { CompiledTrainer } from './compiled/Trainer';
import { compileNetwork } from './compiled/compile';
import { randomNetwork } from './compiled/randomNetwork';
import { datasetsOf, DEFAULT_SETUP, setupOf } from './setup';
import { toTorchTraining } from './torchTraining';
import { trainerOptionsOf } from './trainerOptions';

/**
 * The exported PyTorch training program run with a real PyTorch: its first 20 losses are the
 * playground's compiled trainer's, to 1e-9, for the moons network (full batch and seeded
 * mini-batches with the decay schedule) and for random small networks of every op and loss.
 */

const STEPS = 20;
const meter = new DifferenceMeter();
let torch: TorchPython | null = null;

/**
 * The first losses the playground's trainer gives, set up as the Train panel sets it up, and the
 * step where the panel stops: a loss or gradient that is not a number, or a loss past
 * max(1e6, 10⁴ × the first) (TrainingSession's explosion rule).
 */
function playgroundRun(doc: GraphDoc): { losses: number[]; stoppedAt: number | null } {
  const compiled = compileNetwork(doc);
  if (!compiled.ok) throw new Error(compiled.reason);
  const setup = setupOf(doc);
  const trainer = new CompiledTrainer(compiled.program, datasetsOf(setup).train, trainerOptionsOf(setup));
  const losses: number[] = [];
  let first: number | null = null;
  for (let k = 0; k < STEPS; k++) {
    const r = trainer.step();
    if (r.diverged) return { losses, stoppedAt: k };
    first ??= r.loss;
    if (r.loss > Math.max(1e6, 1e4 * first)) return { losses, stoppedAt: k };
    losses.push(r.loss);
  }
  return { losses, stoppedAt: null };
}

/** The whole PyTorch tab of each document, run in one torch process: what each printed. */
function torchRuns(python: TorchPython, docs: readonly GraphDoc[]): { losses: number[]; stoppedAt: number | null }[] {
  const programs = docs.map((doc) => {
    const training = toTorchTraining(doc);
    if (!training.ok) throw new Error(training.reason);
    return toTorch(doc) + training.code;
  });
  const script = programs.map((code, i) => `print('=== ${i}')\nexec(${stringLiteral(code)}, {})\n`).join('');
  const chunks = runTorch(python, script).split(/^=== \d+\n/m).slice(1);
  expect(chunks).toHaveLength(docs.length);
  return chunks.map((chunk) => {
    const stop = /^stopped at step (\d+) /m.exec(chunk);
    return { losses: [...chunk.matchAll(/^step (\d+) loss (\S+)$/gm)].map((m) => Number(m[2])), stoppedAt: stop ? Number(stop[1]) : null };
  });
}

/** Same losses to 1e-9, and the export stops at the step where the Train panel stops. */
function expectSameRuns(python: TorchPython, docs: readonly GraphDoc[]): number {
  const printed = torchRuns(python, docs);
  let stopped = 0;
  docs.forEach((doc, i) => {
    const expected = playgroundRun(doc);
    const got = printed[i]!;
    if (expected.stoppedAt === null) {
      expect(got.losses.length, `network ${i} steps`).toBeGreaterThanOrEqual(STEPS);
      if (got.stoppedAt !== null) expect(got.stoppedAt, `network ${i} stopped early`).toBeGreaterThanOrEqual(STEPS);
    } else {
      stopped++;
      expect(got.stoppedAt, `network ${i} stop`).toBe(expected.stoppedAt);
      expect(got.losses, `network ${i} losses before the stop`).toHaveLength(expected.losses.length);
    }
    expected.losses.forEach((loss, k) => meter.expectClose(got.losses[k]!, loss, `network ${i} step ${k} loss`));
  });
  return stopped;
}

function moonsNetwork(setup: Partial<TrainingSetup>, loss: LossKind, style: 'layers' | 'neurons' = 'layers'): GraphDoc {
  const training = { ...DEFAULT_SETUP, ...setup };
  return insertMlp({ ...EMPTY_DOC, training }, { nin: 2, sizes: [8, 8, 1], activation: 'tanh', seed: 1337, style, loss, at: { x: 0, y: 0 } } as never).doc;
}

function torchOrReport(): TorchPython | null {
  torch = torchOrOptOut();
  if (torch === null) {
    console.warn(`PyTorch training checks not run: ${SKIP_TORCH_ENV}=1 (install python3-torch or pip install torch to run them)`);
    expect(process.env[SKIP_TORCH_ENV]).toBe('1');
  }
  return torch;
}

afterAll(() => {
  if (torch) console.log(`bench torch-training: torch ${torch.torchVersion}, ${meter.count} losses, largest difference ${meter.largest.toExponential(2)}`);
});

describe('toTorchTraining', { timeout: 90_000 }, () => {
  it('trains the moons network as the playground does: the first 20 losses agree to 1e-9', () => {
    const python = torchOrReport();
    if (python === null) return;
    expectSameRuns(python, [
      moonsNetwork({}, 'hinge'),
      moonsNetwork({ batchSize: 16, schedule: 'linear', decaySteps: 10, lr: 0.5, initSeed: 7.5 }, 'bce', 'neurons'),
      moonsNetwork({ alpha: 0.01, lr: 0.01 }, 'squared'),
    ]);
  });

  it('trains with momentum, Adam and AdamW as torch.optim does: the first 20 losses agree to 1e-9', () => {
    const python = torchOrReport();
    if (python === null) return;
    const o = DEFAULT_OPTIMISER;
    expectSameRuns(python, [
      moonsNetwork({ optimiser: { ...o, kind: 'momentum', momentum: 0.8 }, lr: 0.05 }, 'hinge'),
      moonsNetwork({ optimiser: { ...o, kind: 'adam' }, lr: 0.01 }, 'hinge'),
      moonsNetwork({ optimiser: { ...o, kind: 'adam', beta1: 0.5, beta2: 0.9, eps: 1e-6 }, lr: 0.02, batchSize: 16, schedule: 'linear', decaySteps: 10 }, 'bce', 'neurons'),
      moonsNetwork({ optimiser: { ...o, kind: 'adamw', weightDecay: 0.1 }, lr: 0.01, alpha: 0.001 }, 'squared'),
    ]);
  });

  it('trains random small networks with Adam and AdamW as torch.optim does', () => {
    const python = torchOrReport();
    if (python === null) return;
    const cases = fc.sample(fc.record({ seed: fc.integer({ min: 1, max: 100_000 }), loss: fc.constantFrom<LossKind>('squared', 'hinge', 'bce'), kind: fc.constantFrom('adam', 'adamw', 'momentum') }), {
      numRuns: 12,
      seed: 13,
    });
    const docs = cases.flatMap(({ seed, loss, kind }) => {
      const { doc, data } = randomNetwork(seed, loss);
      const points = data.x.map((x, i) => ({ x, label: data.y[i]! }));
      const optimiser = { ...DEFAULT_OPTIMISER, kind, beta1: 0.8, weightDecay: 0.05 };
      const withSetup: GraphDoc = { ...doc, training: { ...DEFAULT_SETUP, imported: { name: 'random', points }, testFraction: 0, lr: 0.01, optimiser } };
      return [withSetup];
    });
    expectSameRuns(python, docs);
  });

  it('trains random small networks of every op and loss as the playground does', () => {
    const python = torchOrReport();
    if (python === null) return;
    const cases = fc.sample(fc.record({ seed: fc.integer({ min: 1, max: 100_000 }), loss: fc.constantFrom<LossKind>('squared', 'hinge', 'bce'), batch: fc.constantFrom(0, 3) }), {
      numRuns: 24,
      seed: 14,
    });
    const docs = cases.flatMap(({ seed, loss, batch }) => {
      const { doc, data } = randomNetwork(seed, loss);
      const points = data.x.map((x, i) => ({ x, label: data.y[i]! }));
      const withSetup: GraphDoc = { ...doc, training: { ...DEFAULT_SETUP, imported: { name: 'random', points }, testFraction: 0, lr: 0.05, batchSize: batch } };
      return [withSetup];
    });
    expectSameRuns(python, docs);
  });

  it('trains a softmax over a 3-class spiral as the playground does: the first 20 losses agree to 1e-9', () => {
    const python = torchOrReport();
    if (python === null) return;
    const spiral = (setup: Partial<TrainingSetup>, style: 'layers' | 'neurons' = 'layers'): GraphDoc => {
      const training = { ...DEFAULT_SETUP, dataset: { kind: 'spiral', n: 90, noise: 0.02, seed: 3, classes: 3 }, ...setup } as TrainingSetup;
      return insertMlp({ ...EMPTY_DOC, training }, { nin: 2, sizes: [8, 3], activation: 'tanh', seed: 1337, style, loss: 'softmax', at: { x: 0, y: 0 } } as never).doc;
    };
    const docs = [
      spiral({ lr: 0.1 }),
      spiral({ batchSize: 16, schedule: 'linear', decaySteps: 10, lr: 0.5, alpha: 0.001 }, 'neurons'),
      spiral({ optimiser: { ...DEFAULT_OPTIMISER, kind: 'adam' }, lr: 0.01 }),
    ];
    // the three classes reach the export as labels 0, 1 and 2
    expect(new Set(datasetsOf(setupOf(docs[0]!)).train.y)).toEqual(new Set([0, 1, 2]));
    expectSameRuns(python, docs);
  });

  it('trains random small networks with a softmax loss as the playground does', () => {
    const python = torchOrReport();
    if (python === null) return;
    const seeds = fc.sample(fc.integer({ min: 1, max: 100_000 }), { numRuns: 10, seed: 15 });
    const docs = seeds.map((seed, i) => {
      const { doc, data } = randomNetwork(seed, 'softmax');
      const points = data.x.map((x, j) => ({ x, label: data.y[j]! }));
      return { ...doc, training: { ...DEFAULT_SETUP, imported: { name: 'random', points }, testFraction: 0, lr: 0.05, batchSize: i % 2 === 0 ? 0 : 3 } };
    });
    expectSameRuns(python, docs);
  });

  it('stops where the Train panel stops when the rate is far too large, with the reason', () => {
    const python = torchOrReport();
    if (python === null) return;
    const docs = [moonsNetwork({ lr: 10 }, 'squared'), moonsNetwork({ lr: 1e6 }, 'hinge', 'neurons'), moonsNetwork({ lr: 10, batchSize: 16 }, 'squared', 'neurons')];
    expect(docs.map((d) => playgroundRun(d).stoppedAt !== null)).toEqual([true, true, true]);
    expect(expectSameRuns(python, docs)).toBe(3);
  });

  it('writes one Linear per layer however the network was drawn: Neuron cards side by side are one layer', () => {
    for (const style of ['layers', 'neurons'] as const) {
      const result = toTorchTraining(moonsNetwork({}, 'hinge', style));
      if (!result.ok) throw new Error(result.reason);
      expect([...result.code.matchAll(/torch\.nn\.Linear\((\d+), (\d+),/g)].map((m) => `${m[1]}→${m[2]}`), style).toEqual(['2→8', '8→8', '8→1']);
    }
  });

  it('says why a drawing without a loss does not train', () => {
    const result = toTorchTraining(EMPTY_DOC);
    expect(result.ok).toBe(false);
  });
});
