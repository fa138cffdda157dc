import { MLP } from '../../nn';
import { DocBuilder, type NodeRef } from './DocBuilder';
import type { Preset } from './types';

/** The seed of the network's initial weights: same seed, same weights, same output. */
export const MLP_PRESET_SEED = 42;
/** The lecture's input to MLP(3, [4, 4, 1]). */
export const MLP_PRESET_INPUT: readonly number[] = [2.0, 3.0, -1.0];

/** The network src/nn builds for this preset: its weights are the ones drawn on the canvas. */
function presetNetwork(): MLP {
  return new MLP(3, [4, 4, 1], { seed: MLP_PRESET_SEED, activation: 'tanh', outputActivation: 'tanh' });
}

/** What src/nn computes for the preset's input; the canvas must show the same number. */
function networkOutput(): number {
  return presetNetwork().forward(MLP_PRESET_INPUT)[0]!.data;
}

/**
 * One forward pass of the lecture's MLP(3, [4, 4, 1]) spelled out as scalar ops, one node per
 * multiply and add (about 120 nodes): the size of graph draw_dot(m(x)) shows. Each neuron sums
 * b + w0*x0 + w1*x1 + ... in that order, as the lecture's Neuron (and src/nn) does, so the
 * output equals src/nn's to the last bit.
 */
export const mlpForward: Preset = {
  id: 'mlp-forward',
  title: 'MLP(3, [4, 4, 1]): one forward pass',
  blurb: `Every multiply and add of a small network on the input [2, 3, -1], with weights drawn from seed ${MLP_PRESET_SEED}; the expected output is computed by the playground's own MLP (src/nn) from that seed, not taken from the lecture.`,
  mode: 'build',
  expected: { label: 'L3.N0.out', value: networkOutput() },
  build() {
    const net = presetNetwork();
    const g = new DocBuilder();
    let inputs: NodeRef[] = MLP_PRESET_INPUT.map((x, i) => g.value(x, `x${i}`));
    net.layers.forEach((layer, li) => {
      inputs = layer.neurons.map((neuron, ni) => {
        const name = `L${li + 1}.N${ni}`;
        const ws = neuron.w.map((w, wi) => g.param(w.data, `${name}.w${wi}`));
        let act = g.param(neuron.b.data, `${name}.b`);
        inputs.forEach((x, i) => {
          const last = i === inputs.length - 1;
          const wx = g.op('mul', [ws[i]!, x], `${name}.w${i}x${i}`);
          act = g.op('add', [act, wx], last ? `${name}.act` : `${name}.sum${i}`);
        });
        return g.op('tanh', [act], `${name}.out`);
      });
    });
    return g.output(inputs[0]!).build();
  },
};
