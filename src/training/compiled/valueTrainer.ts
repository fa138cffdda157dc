import type { Dataset } from '../../data';
import { findOp, Value } from '../../engine';
import { activate, type Activation } from '../../nn/activation';
import { l2Penalty, sum } from '../../nn/losses';
import { ValueOptimiser } from '../../nn/optim';
import { DEFAULT_OPTIMISER } from '../../nn/optimisers';
import { sampleLoss } from '../../document/kinds/loss';
import { incomingWires } from '../../document/graph';
import { inputPorts, outputKey } from '../../document/ports';
import type { GraphDoc } from '../../document/types';
import { BatchSampler } from './batch';
import { isRight } from './classify';
import { REDUCTION, selectModel, type Model } from './model';
import { readParams } from './params';
import { scheduledRate, type Schedule } from './schedule';
import type { TrainerOptions } from './Trainer';

/** What one reference step computed, before its update. */
interface ValueStep {
  loss: number;
  dataLoss: number;
  regLoss: number;
  accuracy: number;
  /** d loss / d param, in the compiled program's parameter order. */
  grads: number[];
}

/**
 * The reference trainer: the slow, plain way, on the Value engine. Each step builds one Value
 * graph for the whole batch, with the parameters as Values shared by every sample (in the same
 * order as the compiled program), each sample computed node by node as evaluate.ts does, the
 * reduction and L2 as src/nn/losses.ts, then backward and the optimiser (src/nn/optim.ts). Tests hold the compiled trainer
 * to its numbers.
 */
export class ValueTrainer {
  lr: number;
  alpha: number;
  batchSize: number;
  schedule: Schedule;
  steps = 0;
  /** The parameters, in the compiled program's order. */
  readonly params: Value[];
  readonly optimiser: ValueOptimiser;

  private readonly model: Model;
  private readonly sampler: BatchSampler;

  constructor(
    private readonly doc: GraphDoc,
    private readonly data: Dataset,
    options: TrainerOptions = {},
  ) {
    const selected = selectModel(doc);
    if (!selected.ok) throw new Error(selected.reason);
    this.model = selected.model;
    this.params = Array.from(readParams({ paramRefs: this.model.params }, doc), (x) => new Value(x));
    this.sampler = new BatchSampler(data.x.length, options.seed ?? 0);
    this.lr = options.lr ?? 0.1;
    this.alpha = options.alpha ?? 0;
    this.batchSize = options.batchSize ?? 0;
    this.schedule = options.schedule ?? { kind: 'constant' };
    this.optimiser = new ValueOptimiser(this.params, options.optimiser ?? DEFAULT_OPTIMISER);
  }

  /** One step on a freshly built graph. */
  step(): ValueStep {
    const size = this.sampler.draw(this.batchSize);
    const losses: Value[] = [];
    let right = 0;
    for (let s = 0; s < size; s++) {
      const i = this.sampler.indices[s]!;
      const { loss, scores } = this.sample(this.data.x[i]!, this.data.y[i]!);
      losses.push(loss);
      if (isRight(scores.map((v) => v.data), this.data.y[i]!)) right++;
    }
    const data = REDUCTION[this.model.lossKind] === 'mean' ? sum(losses).mul(1.0 / losses.length) : sum(losses);
    const reg = l2Penalty(this.params, this.alpha);
    const total = data.add(reg);
    for (const p of this.params) p.grad = 0;
    total.backward();
    const grads = this.params.map((p) => p.grad);
    this.optimiser.step(scheduledRate(this.lr, this.schedule, this.steps));
    this.steps++;
    return { loss: total.data, dataLoss: data.data, regLoss: reg.data, accuracy: right / size, grads };
  }

  /** One sample's loss and score, every node computed as evaluate.ts computes it. */
  private sample(row: readonly number[], label: number): { loss: Value; scores: Value[] } {
    const doc = this.doc;
    const incoming = incomingWires(doc);
    const values = new Map<string, Value>();
    const params = this.params;
    let loss: Value | null = null;
    let scores: Value[] = [];
    for (const id of this.model.nodes) {
      const node = doc.nodes[id]!;
      const inputs = inputPorts(node).map((port) => {
        const w = incoming.get(id)!.get(port)!;
        return values.get(outputKey(w.source, w.from))!;
      });
      const first = this.model.firstParam.get(id) ?? 0;
      switch (node.kind) {
        case 'value':
          values.set(id, node.trainable === true ? params[first]! : new Value(node.value, node.label));
          break;
        case 'constant':
          values.set(id, new Value(node.value));
          break;
        case 'input':
          values.set(id, new Value(row[node.feature]!, node.label));
          break;
        case 'target':
          values.set(id, new Value(label, node.label));
          break;
        case 'op': {
          const op = findOp(node.op)!;
          const [a, b] = inputs;
          const k = node.param ?? 0;
          values.set(id, new Value(op.forward(a!.data, b?.data ?? 0, k), node.label, op, a!, b ?? null, k));
          break;
        }
        case 'neuron': {
          const nin = node.weights.length;
          values.set(id, neuron(params.slice(first, first + nin), params[first + nin]!, inputs, node.activation));
          break;
        }
        case 'layer': {
          const nin = node.weights[0]?.length ?? 0;
          node.weights.forEach((_, j) => {
            const w = first + j * (nin + 1);
            values.set(outputKey(id, `y${j}`), neuron(params.slice(w, w + nin), params[w + nin]!, inputs, node.activation));
          });
          break;
        }
        case 'loss':
          scores = inputs.slice(0, this.model.classes);
          loss = sampleLoss(node.loss, scores, inputs[this.model.classes]!);
          break;
      }
    }
    return { loss: loss!, scores };
  }
}

/** evaluate.ts's neuron: act(b + w0·x0 + w1·x1 + ...), in that order. */
function neuron(w: readonly Value[], b: Value, x: readonly Value[], activation: Activation): Value {
  let act = b;
  for (let i = 0; i < w.length; i++) act = act.add(w[i]!.mul(x[i]!));
  return activate(act, activation);
}

