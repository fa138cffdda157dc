import { getOp } from '../engine';
import type { Activation } from '../nn/activation';
import { floatLiteral } from '../document/codegen/names';
import { planProgram, type PlanOperand, type PlanStep } from '../document/codegen/plan';
import { pythonLines } from '../document/codegen/python';
import { TORCH_DIALECT } from '../document/codegen/torch';
import { lineComment } from '../document/codegen/text';
import type { GraphDoc, TrainingSetup } from '../document/types';
import { compileNetwork } from './compiled/compile';
import { REDUCTION, selectModel } from './compiled/model';
import { datasetsOf, setupOf } from './setup';
import { torchOptimiser } from './optimiserCode';
import { optimiserOf } from './trainerOptions';
import { CHECKPOINT_EVERY } from './worker/TrainingSession';

/** How many steps the exported training loop runs. */
export const TORCH_TRAINING_STEPS = 100;

/**
 * The drawn network as a PyTorch training program, to follow `toTorch`'s graph program in the
 * same file: an nn.Module whose Linear layers hold the drawn weights exactly, the drawn
 * activations and ops over a whole batch at once, the training set as tensors, and the loop the
 * playground's trainer runs (same loss and reduction, L2 term, the Train panel's optimiser, rate,
 * schedule and seeded mini-batches), printing `step k loss L` per step. Everything sits inside
 * `train()`, so its names cannot meet the graph program's. Null with the reason when the drawing
 * does not train.
 */
export function toTorchTraining(doc: GraphDoc): { ok: true; code: string } | { ok: false; reason: string } {
  const compiled = compileNetwork(doc);
  if (!compiled.ok) return compiled;
  const selected = selectModel(doc);
  if (!selected.ok) return selected;
  const { model } = selected;
  const setup = setupOf(doc);
  const train = datasetsOf(setup).train;
  if (train.x.length === 0) return { ok: false, reason: 'the training set is empty' };
  const inModel = new Set(model.nodes);
  const steps = planProgram(doc).steps.filter((s) => s.kind !== 'skip' && inModel.has(s.id));
  const features = Math.max(1, model.featureCount);

  const init: string[] = [];
  const body: string[] = [];
  const layers = layersOf(steps);
  for (const step of steps) {
    const node = doc.nodes[step.id]!;
    if (step.kind === 'leaf') {
      if (node.kind === 'input') body.push(`${step.name} = X[:, ${node.feature}]  ${lineComment('python', `feature x${node.feature + 1}`)}`);
      else if (node.kind === 'target') body.push(`${step.name} = Y`);
      else if (node.kind === 'value' && node.trainable === true) {
        init.push(`self.${step.name}_param = torch.nn.Parameter(torch.tensor(${floatLiteral(step.value)}, dtype=torch.float64))`);
        body.push(`${step.name} = self.${step.name}_param`);
      } else body.push(`${step.name} = torch.tensor(${floatLiteral(step.value)}, dtype=torch.float64)`);
    } else if (step.kind === 'neurons') {
      const layer = layers.get(step);
      if (!layer) continue; // an earlier neuron's Linear computes this one too
      const { init: i, body: b } = linearLines(layer);
      init.push(...i);
      body.push(...b);
    } else {
      body.push(...pythonLines(step, TORCH_DIALECT));
    }
  }
  const lossName = steps.find((s) => s.id === model.lossId) as Extract<PlanStep, { kind: 'loss' }>;
  const x = train.x.map((row) => `[${row.slice(0, features).map(floatLiteral).join(', ')}]`);
  const reduce = REDUCTION[model.lossKind] === 'sum' ? 'sum' : 'mean';
  const out = [
    '',
    '# ---- Training: the network above as an nn.Module, trained as the Train panel trains it ----',
    'import copy, math, struct',
    '',
    ...BATCHES,
    '',
    `def train(steps=${TORCH_TRAINING_STEPS}):`,
    `    # the training set (${train.x.length} points): features, and ${model.lossKind === 'softmax' ? 'class labels 0, 1, ...' : 'labels of -1 or +1'}`,
    `    X = torch.tensor([${x.join(', ')}], dtype=torch.float64)`,
    `    Y = torch.tensor([${train.y.map(floatLiteral).join(', ')}], dtype=torch.float64)`,
    '',
    '    class Net(torch.nn.Module):',
    '        def __init__(self):',
    '            super().__init__()',
    ...(init.length > 0 ? init : ['pass']).map((l) => `            ${l}`),
    '',
    '        def forward(self, X, Y):',
    '            # each line is a card of the canvas, for every sample of the batch at once',
    ...body.map((l) => `            ${l}`),
    `            return torch.broadcast_to(${lossName.name}, Y.shape)`,
    '',
    '    model = Net()',
    `    optimiser = ${torchOptimiser(optimiserOf(setup), 'model.parameters()', floatLiteral(setup.lr))}`,
    ...scheduleLines(setup),
    `    batches = _Batches(len(Y), ${floatLiteral(setup.initSeed)})`,
    '    checkpoint, first_loss = copy.deepcopy(model.state_dict()), None',
    '    for step in range(steps):',
    `        batch = batches.draw(${setup.batchSize})`,
    `        data_loss = model(X[batch], Y[batch]).${reduce}()  ${lineComment('python', `the ${model.lossKind} loss, ${reduce === 'sum' ? 'summed' : 'averaged'} over the batch`)}`,
    `        reg_loss = sum((p * p).sum() for p in model.parameters()) * ${floatLiteral(setup.alpha)}  # L2`,
    '        loss = data_loss + reg_loss',
    '        optimiser.zero_grad()',
    '        loss.backward()',
    ...STOPS,
    '        optimiser.step()',
    '        schedule.step()',
    ...EXPLOSION,
    "        print('step', step, 'loss', loss.item())",
    `        if (step + 1) % ${CHECKPOINT_EVERY} == 0 and loss.item() <= 10 * first_loss:`,
    '            checkpoint = copy.deepcopy(model.state_dict())',
    '',
    'train()',
  ];
  return { ok: true, code: `${out.join('\n')}\n` };
}

type NeuronsStep = Extract<PlanStep, { kind: 'neurons' }>;

/**
 * Neurons that read the same inputs with the same activation form one layer, as
 * `nn.Linear(nin, nout)` holds it, however they were drawn: a Layer card, or Neuron cards side by
 * side (micrograd's Layer is a list of Neurons). Keyed by the first step of each layer, which
 * comes after all of their inputs in the plan's order, so the Linear can stand where it stands.
 */
function layersOf(steps: readonly PlanStep[]): Map<NeuronsStep, NeuronsStep[]> {
  const byKey = new Map<string, NeuronsStep[]>();
  const layers = new Map<NeuronsStep, NeuronsStep[]>();
  for (const step of steps) {
    if (step.kind !== 'neurons') continue;
    const key = `${step.activation}|${step.inputs.map(operandText).join(',')}`;
    const layer = byKey.get(key);
    if (layer) layer.push(step);
    else {
      const fresh = [step];
      byKey.set(key, fresh);
      layers.set(step, fresh);
    }
  }
  return layers;
}

/** A layer as a Linear module with the drawn weights copied in, and its forward lines. */
function linearLines(layer: readonly NeuronsStep[]): { init: string[]; body: string[] } {
  const step = layer[0]!;
  const neurons = layer.flatMap((s) => s.neurons);
  const first = neurons[0]!;
  const module = `self.${first.name}_linear`;
  const rows = neurons.map((n) => `[${n.weights.map((w) => floatLiteral(w.value)).join(', ')}]`);
  const what = layer.length === 1 ? `${step.what} ${step.title}` : `${layer.length} neurons as one layer: ${layer.map((s) => s.title).join(', ')}`;
  const init = [
    `${module} = torch.nn.Linear(${step.inputs.length}, ${neurons.length}, dtype=torch.float64)  ${lineComment('python', what)}`,
    'with torch.no_grad():',
    `    ${module}.weight.copy_(torch.tensor([${rows.join(', ')}], dtype=torch.float64))`,
    `    ${module}.bias.copy_(torch.tensor([${neurons.map((n) => floatLiteral(n.bias.value)).join(', ')}], dtype=torch.float64))`,
  ];
  const z = `${module}(_columns(Y, ${step.inputs.map(operandText).join(', ')}))`;
  const body = [`${first.name}_all = ${activated(z, step.activation)}`];
  neurons.forEach((n, j) => body.push(`${n.name} = ${first.name}_all[:, ${j}]`));
  return { init, body };
}

function activated(z: string, activation: Activation): string {
  return activation === 'linear' ? z : getOp(activation).code.torch([z], 0);
}

function operandText(a: PlanOperand): string {
  return a.kind === 'var' ? a.name : floatLiteral(a.value);
}

function scheduleLines(setup: TrainingSetup): string[] {
  if (setup.schedule !== 'linear') return ['    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda k: 1.0)  # a constant rate'];
  const s = setup.decaySteps;
  return [`    # lr0 · (1 − 0.9·k/${s}), a tenth of lr0 from step ${s} on`, `    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda k: 1.0 - 0.9 * min(k, ${s}) / ${s})`];
}

/**
 * Where the Train panel stops, the loop stops, with the reason, so the printed losses end where
 * the panel's curve ends: a loss or gradient that is no longer a number takes no update (the
 * parameters stay the last finite ones), and a loss blown up past max(1e6, 10⁴ × the first loss)
 * goes back to the last checkpoint, taken every few steps while the loss was sane.
 */
const STOPS = [
  '        bad = [i for i, p in enumerate(model.parameters()) if p.grad is not None and not torch.isfinite(p.grad).all()]',
  '        if not math.isfinite(loss.item()) or bad:',
  "            print('stopped at step', step, ': the loss or a gradient stopped being a number, so no update; the learning rate is probably too large')",
  '            break',
];
const EXPLOSION = [
  '        first_loss = loss.item() if first_loss is None else first_loss',
  '        if loss.item() > max(1e6, 1e4 * first_loss):',
  '            model.load_state_dict(checkpoint)',
  "            print('stopped at step', step, ': the loss exploded to', loss.item(), '; back to the last sane checkpoint')",
  '            break',
];

/**
 * The playground's seeded batch draws, digit for digit: mulberry32 seeded as src/data/random.ts
 * seeds it, and the partial Fisher–Yates of training/compiled/batch.ts. 0 means the full batch.
 */
const BATCHES = [
  'def _columns(Y, *columns):',
  '    # inputs side by side, a number or a batch-free value repeated for every sample',
  '    return torch.stack([torch.broadcast_to(torch.as_tensor(c, dtype=torch.float64), Y.shape) for c in columns], dim=1)',
  '',
  'class _Batches:',
  '    # the Train panel\'s mini-batches: its seeded generator (mulberry32) and partial shuffle, exactly',
  '    def __init__(self, n, seed):',
  '        h = 0x9e3779b9',
  "        for byte in struct.pack('>d', seed if seed == seed and abs(seed) != float('inf') else 0.0):",
  '            h = ((h ^ byte) * 0x85ebca6b) & 0xffffffff',
  '            h ^= h >> 13',
  '        self.state, self.n, self.indices = h, n, list(range(n))',
  '    def next(self):',
  '        self.state = (self.state + 0x6d2b79f5) & 0xffffffff',
  '        t = self.state',
  '        t = ((t ^ (t >> 15)) * (t | 1)) & 0xffffffff',
  '        t ^= (t + (((t ^ (t >> 7)) * (t | 61)) & 0xffffffff)) & 0xffffffff',
  '        return (t ^ (t >> 14)) / 4294967296',
  '    def draw(self, size):',
  '        if size <= 0 or size >= self.n:',
  '            self.indices = list(range(self.n))',
  '            return self.indices',
  '        idx = self.indices',
  '        for i in range(size):',
  '            j = i + int(self.next() * (self.n - i))',
  '            idx[i], idx[j] = idx[j], idx[i]',
  '        return idx[:size]',
];
