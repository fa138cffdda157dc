import { ancestors, incomingWires, missingPorts, resolveOutput, topologicalOrder } from '../../document/graph';
import { kindOf, type ParamSlot } from '../../document/kinds';
import { lossClasses } from '../../document/kinds/loss';
import { OUT, outputPorts } from '../../document/ports';
import type { GraphDoc, LossKind } from '../../document/types';
import { describeNode } from '../../document/validate';

/** Where one parameter lives in the document, so trained values can be written back. */
export interface ParamRef extends ParamSlot {
  nodeId: string;
}

/** What training works on, picked out of the drawn document by `selectModel`. */
export interface Model {
  /** The loss node trained. */
  lossId: string;
  lossKind: LossKind;
  /** Scores the loss reads: k for a softmax, 1 otherwise. */
  classes: number;
  /** The loss and every node it depends on, in the document's topological order. */
  nodes: readonly string[];
  /** Every parameter in training order (see `selectModel`). */
  params: readonly ParamRef[];
  /** Index of the first parameter of each node that holds parameters. */
  firstParam: ReadonlyMap<string, number>;
  /** 1 + the highest feature index an input node reads (0 without input nodes). */
  featureCount: number;
}

/** How each loss reduces over a batch: the lecture sums squared errors, micrograd's demo averages its hinge. */
export const REDUCTION: Readonly<Record<LossKind, 'sum' | 'mean'>> = { squared: 'sum', hinge: 'mean', bce: 'mean', softmax: 'mean' };

/**
 * Picks what is trained out of a drawn document: the loss node and everything upstream of it.
 * The loss is the one feeding the document's output (the marked output or the main sink), or,
 * when the output has none upstream, the only loss node on the canvas. Parameters are every
 * trainable Value node and every neuron's and layer's weights and biases upstream of the loss,
 * node by node in topological order; a neuron gives its weights then its bias, a layer neuron by
 * neuron (weights[j][*] then biases[j]): micrograd's parameters() order. Everything else
 * upstream (constants, non-trainable values) stays fixed.
 */
export function selectModel(doc: GraphDoc): { ok: true; model: Model } | { ok: false; reason: string } {
  const picked = pickLoss(doc);
  if (typeof picked !== 'string') return picked;
  const lossId = picked;
  const loss = doc.nodes[lossId]!;
  if (loss.kind !== 'loss') throw new Error('unreachable: pickLoss returns loss nodes');
  const upstream = ancestors(doc, lossId);
  const { order, cyclic } = topologicalOrder(doc);
  const looped = cyclic.find((id) => upstream.has(id));
  if (looped !== undefined) return refuse(`${describeNode(doc, looped)} sits on a cycle, so the network cannot be computed.`);

  const nodes = order.filter((id) => upstream.has(id));
  const incoming = incomingWires(doc);
  const params: ParamRef[] = [];
  const firstParam = new Map<string, number>();
  let featureCount = 0;
  for (const id of nodes) {
    const node = doc.nodes[id]!;
    const missing = missingPorts(doc, id, incoming);
    if (missing.length > 0) {
      return refuse(`${describeNode(doc, id)} needs ${missing.map((p) => `'${p}'`).join(' and ')} wired before training.`);
    }
    for (const w of incoming.get(id)?.values() ?? []) {
      const source = doc.nodes[w.source];
      if (!source) return refuse(`${describeNode(doc, id)} is wired to a node that no longer exists.`);
      if (!outputPorts(source).includes(w.from ?? OUT)) {
        return refuse(`${describeNode(doc, w.source)} has no output '${w.from}' for the wire into ${describeNode(doc, id)}.`);
      }
    }
    const kind = kindOf(node);
    const problem = kind.trainer.check?.(node) ?? null;
    if (problem !== null) return refuse(`${describeNode(doc, id)} ${problem}`);
    const feature = kind.trainer.feature?.(node) ?? null;
    if (feature !== null) featureCount = Math.max(featureCount, feature + 1);
    const owned = kind.trainer.params?.(node) ?? [];
    if (owned.length > 0) {
      firstParam.set(id, params.length);
      for (const slot of owned) params.push({ nodeId: id, ...slot });
    }
  }
  const labelled = incoming.get(lossId)?.get('target');
  if (labelled && ![...ancestors(doc, labelled.source)].some((id) => doc.nodes[id]?.kind === 'target')) {
    return refuse(`The loss's target input does not come from a Target node, so nothing tells it the labels.`);
  }
  if (params.length === 0) return refuse('Nothing to train: no trainable value, neuron or layer feeds the loss.');
  return { ok: true, model: { lossId, lossKind: loss.loss, classes: lossClasses(loss), nodes, params, firstParam, featureCount } };
}

/** The loss node to train, or why there is none. */
function pickLoss(doc: GraphDoc): string | { ok: false; reason: string } {
  const output = resolveOutput(doc);
  if (output !== null) {
    const feeding = [...ancestors(doc, output)].filter((id) => doc.nodes[id]?.kind === 'loss');
    if (feeding.length === 1) return feeding[0]!;
    if (feeding.length > 1) {
      return refuse(`Several loss nodes feed the output (${feeding.map((id) => describeNode(doc, id)).join(', ')}); training needs exactly one.`);
    }
  }
  const all = Object.values(doc.nodes).filter((n) => n.kind === 'loss');
  if (all.length === 1) return all[0]!.id;
  if (all.length === 0) return refuse('Add a Loss node: training minimises its value, summed or averaged over the data.');
  return refuse(`There are ${all.length} loss nodes; mark the one to train as the output.`);
}

function refuse(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}
