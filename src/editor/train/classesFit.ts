import { insertMlp } from '../../document/network/insertMlp';
import { lossClasses } from '../../document/kinds/loss';
import type { GraphDoc, TrainingSetup } from '../../document/types';

/** How many scores the drawn network's loss reads (1, or k for a softmax); null without a loss. */
export function networkClasses(doc: GraphDoc): number | null {
  const out = doc.output ? doc.nodes[doc.output] : undefined;
  return out?.kind === 'loss' ? lossClasses(out) : null;
}

/** The hidden layers the one-click k-class network gets: enough for a 5-arm spiral. */
const HIDDEN = [16, 16];

/**
 * Why the drawn network cannot learn data of `classes` classes, in words, or null when it fits:
 * k > 2 classes need a softmax over k scores, and a softmax needs the data's class numbers.
 */
export function classesMisfit(doc: GraphDoc, classes: number): string | null {
  const scores = networkClasses(doc);
  if (scores === null) return classes > 2 ? `The data has ${classes} classes: a network for it needs a softmax loss over ${classes} scores.` : null;
  if (classes > 2 && scores !== classes) {
    const reads = scores === 1 ? 'one score' : `a softmax over ${scores} classes`;
    return `The data has ${classes} classes but the network's loss reads ${reads}: it needs a softmax loss over ${classes} scores.`;
  }
  if (classes === 2 && scores > 1) {
    return `The network's loss is a softmax over ${scores} classes but the data has two classes labelled ±1: pick ${scores} classes, or a one-score loss.`;
  }
  return null;
}

/**
 * A fresh drawing for `classes` classes: MLP(2, [16, 16, k]) as compact layers with a softmax
 * loss, replacing what was drawn (one undo step brings it back). Keeps the training setup.
 */
export function softmaxNetworkFor(setup: TrainingSetup, classes: number, nin: number): GraphDoc {
  const empty: GraphDoc = { nodes: {}, wires: {}, output: null, training: setup };
  return insertMlp(empty, { nin, sizes: [...HIDDEN, classes], activation: 'relu', seed: 1337, style: 'layers', loss: 'softmax', at: { x: 0, y: 0 } }).doc;
}

/** The network softmaxNetworkFor draws, in the notation the lecture writes it. */
export function softmaxNetworkName(classes: number, nin: number): string {
  return `MLP(${nin}, [${[...HIDDEN, classes].join(', ')}])`;
}
