import { nudgeLeaves } from '../document/backward';
import { insertMlp } from '../document/network/insertMlp';
import { DocBuilder } from '../document/presets/DocBuilder';
import { lectureL } from '../document/presets/lectureL';
import { tanhFromExp } from '../document/presets/tanhFromExp';
import { tanhNeuron } from '../document/presets/tanhNeuron';
import type { GraphDoc } from '../document/types';
import { evaluated } from './graphFacts';
import { findLevel } from './registry';
import { compileNetwork } from '../training/compiled/compile';
import { writeParams } from '../training/compiled/params';
import { CompiledTrainer } from '../training/compiled/Trainer';
import { datasetsOf, setupOf } from '../training/setup';

/**
 * A known way to solve each level, for the tests (the app never imports this): the graph a
 * player would end with and what they would type. Written from the lecture, not from the
 * levels' checks, so a check that is wrong fails its level's test.
 */
export interface Solution {
  doc: GraphDoc;
  predictions: Record<string, string>;
  /** The options picked, by choice id, for levels that ask for choices. */
  choices?: Record<string, string>;
}

function startOf(id: string): GraphDoc {
  return findLevel(id)!.start();
}

/** The lecture's first optimisation step: every leaf += 0.01 · grad. */
function stepUp(doc: GraphDoc): GraphDoc {
  const { evaluation } = evaluated(doc);
  const grads: Record<string, number> = {};
  for (const [id, r] of evaluation.results) grads[id] = r.passGrad;
  return nudgeLeaves(doc, grads, 0.01, 'ascend');
}

/** The id of the single node labelled `label`. */
function idOf(doc: GraphDoc, label: string): string {
  return Object.values(doc.nodes).find((n) => 'label' in n && n.label === label)!.id;
}

/** a = 1, b = a + a, then c = b + b. */
function doubledTwice(): GraphDoc {
  const g = new DocBuilder();
  const a = g.value(1.0, 'a');
  const b = g.op('add', [a, a], 'b');
  return g.output(g.op('add', [b, b], 'c')).build();
}

/** The lecture's loop, full batch, until the loss is well under the goal; the weights written back. */
function trained(doc: GraphDoc): GraphDoc {
  const compiled = compileNetwork(doc);
  if (!compiled.ok) throw new Error(compiled.reason);
  const trainer = new CompiledTrainer(compiled.program, datasetsOf(setupOf(doc)).train, { lr: 0.05 });
  for (let i = 0; i < 2000 && trainer.step().dataLoss > 0.001; i++);
  return writeParams(compiled.program, doc, trainer.params);
}

/** micrograd's demo task, smaller: MLP(2, [4, 4, 1]) with tanh, 1,500 steps of the compiled trainer. */
function smallMoonsNetwork(): GraphDoc {
  const { doc } = insertMlp(startOf('moons-with-a-budget'), { nin: 2, sizes: [4, 4, 1], activation: 'tanh', seed: 1337, style: 'neurons', loss: 'hinge', at: { x: 0, y: 0 } });
  const compiled = compileNetwork(doc);
  if (!compiled.ok) throw new Error(compiled.reason);
  const setup = setupOf(doc);
  const trainer = new CompiledTrainer(compiled.program, datasetsOf(setup).train, { lr: setup.lr });
  for (let i = 0; i < 1500; i++) trainer.step();
  return writeParams(compiled.program, doc, trainer.params);
}

/** Solutions by level id. */
export const SOLUTIONS: Readonly<Record<string, () => Solution>> = {
  'slope-by-nudging': () => ({ doc: startOf('slope-by-nudging'), predictions: { slope: '14' } }),
  'three-inputs': () => ({ doc: startOf('three-inputs'), predictions: { 'grad-a': '-3', 'grad-b': '2', 'grad-c': '1' } }),
  'build-it-yourself': () => ({ doc: lectureL.build(), predictions: {} }),
  'manual-backprop': () => ({
    doc: startOf('manual-backprop'),
    predictions: { 'grad-l': '1', 'grad-f': '4', 'grad-d': '-2', 'grad-e': '-2', 'grad-c': '-2', 'grad-b': '-4', 'grad-a': '6' },
  }),
  'one-optimisation-step': () => ({ doc: stepUp(startOf('one-optimisation-step')), predictions: {} }),
  'plus-passes-the-gradient': () => ({ doc: startOf('plus-passes-the-gradient'), predictions: { 'grad-c': '-2', 'grad-a': '−2', 'grad-b': '-2' } }),
  'a-neuron': () => ({ doc: tanhNeuron.build(), predictions: { 'grad-w1': '1', 'grad-x2': '0.5' } }),
  'node-used-twice': () => ({ doc: doubledTwice(), predictions: {}, choices: { rule: 'accumulate' } }),
  'tanh-from-exp': () => ({ doc: tanhFromExp.build(), predictions: {} }),
  // The lecture puts zero_grad right before backward.
  'forgot-zero-grad': () => ({ doc: startOf('forgot-zero-grad'), predictions: {}, choices: { 'zero-grad': '1' } }),
  'count-parameters': () => ({ doc: startOf('count-parameters'), predictions: { parameters: '41' } }),
  'train-the-tiny-mlp': () => ({ doc: trained(startOf('train-the-tiny-mlp')), predictions: {} }),
  'moons-with-a-budget': () => ({ doc: smallMoonsNetwork(), predictions: {} }),
  // The tanh's backward uses 1 − t instead of 1 − t²: o is to blame.
  'boss-hidden-bug': () => {
    const doc = startOf('boss-hidden-bug');
    return { doc, predictions: {}, choices: { 'faulty-node': idOf(doc, 'o') } };
  },
};
