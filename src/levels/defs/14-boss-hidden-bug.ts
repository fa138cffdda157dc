import { DocBuilder } from '../../document/presets/DocBuilder';
import { addNeuronSum } from '../../document/presets/tanhNeuron';
import type { GraphDoc } from '../../document/types';
import type { LevelContext, LevelDef } from '../types';

/** The label of the node whose backward is wrong: the tanh, with `1 − t` for `1 − t²`. */
const FAULTY_LABEL = 'o';

/** The lecture's neuron, with the planted bug in its tanh's backward. */
function buggyNeuron(): GraphDoc {
  const g = new DocBuilder();
  const o = g.op('tanh', [addNeuronSum(g)], FAULTY_LABEL);
  const doc = g.output(o).build();
  const node = doc.nodes[o]!;
  return node.kind === 'op' ? { ...doc, nodes: { ...doc.nodes, [o]: { ...node, faulty: true } } } : doc;
}

function picked(ctx: LevelContext) {
  const id = ctx.choices['faulty-node'];
  return id === undefined ? undefined : ctx.now.doc.nodes[id];
}

/** Boss: backprop disagrees with the gradient check, and one op card is to blame. */
export const bossHiddenBug: LevelDef = {
  id: 'boss-hidden-bug',
  chapter: 'boss',
  title: 'Boss: a hidden bug',
  goal: 'One op card in this neuron has a wrong local derivative. Run Backward, compare it with the Gradient check, and point at the faulty node.',
  mode: 'backward',
  start: buggyNeuron,
  palette: [],
  hidden: ['mode-train', 'examples', 'file'],
  budget: null,
  hints: [
    'The Gradient check lists the leaves whose grad by backprop differs from nudging: the bug sits on every path from those leaves to the output.',
    'Walk back from the output: at each op, is each input’s grad its own grad times the op’s local derivative? The Backward panel writes out the chain rule for the node you select.',
  ],
  predictions: [],
  choices: [{ id: 'faulty-node', prompt: 'The faulty node', style: 'node' }],
  checks: [
    {
      id: 'found',
      text: 'You pointed at the node with the wrong local derivative',
      test: (ctx) => {
        const node = picked(ctx);
        return node?.kind === 'op' && node.faulty === true;
      },
      explain: (ctx) => {
        const node = picked(ctx);
        if (!node) return null;
        const name = 'label' in node && node.label ? node.label : 'that node';
        if (node.kind !== 'op') return `Not ${name}: it is a leaf, with no backward of its own to get wrong.`;
        return `Not ${name}: its inputs’ grads are its own grad times its right local derivative. Look for a node whose grad is right but whose inputs’ grads are not.`;
      },
    },
  ],
};
