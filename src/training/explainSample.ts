import { cloneFragment } from '../document/edit';
import { evaluate } from '../document/evaluate';
import { MAX_DRAWN_NEURONS } from '../document/network/insertMlp';
import { inactiveNeurons } from '../document/network/neuronActivity';
import { scalarize, scalarSize } from '../document/network/scalarize';
import { splitLayers } from '../document/network/splitLayers';
import type { DocNode, GraphDoc, LabelledPoint, LossKind } from '../document/types';
import { selectModel } from './compiled/model';

/** Above this many scalar nodes the fully expanded form stops being readable (and responsive). */
const SAMPLE_GRAPH_CAP = 700;

/**
 * How a point's graph is drawn: `neurons` keeps every neuron one card (layers split into their
 * neurons) and takes only the loss apart, so micrograd's MLP(2, [16, 16, 1]) opens as 33 cards
 * the learner expands one at a time; `scalars` takes every neuron apart at once, as the lecture
 * draws a small one.
 */
export type SampleForm = 'neurons' | 'scalars';

/** A point's graph, ready to open, and what it shows about the point. */
export interface SampleGraph {
  ok: true;
  doc: GraphDoc;
  /** Nodes in `doc`. */
  size: number;
  form: SampleForm;
  /** Neurons in the network (cards in the `neurons` form, taken apart in the `scalars` form). */
  neurons: number;
  /** ReLU neurons whose pre-activation is ≤ 0 for this point (counted before expanding). */
  inactive: number;
  /** The point's loss. */
  loss: number;
  lossKind: LossKind;
}

/** Why a point's graph was not made, and how large it would have been. */
export interface SampleRefusal {
  ok: false;
  reason: string;
  size: number;
}

/**
 * One data point's forward and backward graph: the trained model with its inputs set to the
 * point's features and the target to its label. Only what the loss depends on is kept; the
 * loss is taken apart into its ops, as the lecture writes it. In the `neurons` form layers
 * become their neurons; in the `scalars` form every neuron becomes ops too, refused (with the
 * size) above `cap` nodes.
 */
export function sampleGraph(
  doc: GraphDoc,
  point: LabelledPoint,
  options: { form?: SampleForm; cap?: number } = {},
): SampleGraph | SampleRefusal {
  const form = options.form ?? 'neurons';
  const cap = options.cap ?? SAMPLE_GRAPH_CAP;
  const selected = selectModel(doc);
  if (!selected.ok) return { ok: false, reason: selected.reason, size: 0 };
  const keep = new Set(selected.model.nodes);
  let scalars = 0;
  let neurons = 0;
  const nodes: Record<string, DocNode> = {};
  for (const id of keep) {
    const node = doc.nodes[id]!;
    scalars += scalarSize(node);
    neurons += node.kind === 'neuron' ? 1 : node.kind === 'layer' ? node.weights.length : 0;
    if (node.kind === 'input') nodes[id] = { ...node, value: point.x[node.feature] ?? 0 };
    else if (node.kind === 'target') nodes[id] = { ...node, value: point.label };
    else nodes[id] = node;
  }
  if (form === 'scalars' && scalars > cap) {
    return {
      ok: false,
      size: scalars,
      reason: `Taking every neuron apart would need ${scalars.toLocaleString('en')} scalar nodes for one point, more than the canvas shows well (${cap}). Open it with the neurons as cards and expand them one at a time.`,
    };
  }
  if (form === 'neurons' && neurons > MAX_DRAWN_NEURONS) {
    return {
      ok: false,
      size: neurons,
      reason: `This network has ${neurons} neurons, too many cards (and wires) to draw for one point (at most ${MAX_DRAWN_NEURONS}). Try a smaller network.`,
    };
  }
  // Fresh ids: the canvas still holds the network's cards, measured at their old sizes, and
  // would lay the point's cards out at those sizes if they shared ids (cards here are taller).
  const kept = Object.values(nodes);
  const copy = cloneFragment({ nodes: kept, wires: Object.values(doc.wires) }, { x: 0, y: 0 });
  const lossId = copy.nodes[kept.findIndex((n) => n.id === selected.model.lossId)]!.id;
  const trimmed: GraphDoc = {
    ...doc,
    nodes: Object.fromEntries(copy.nodes.map((n) => [n.id, n])),
    wires: Object.fromEntries(copy.wires.map((w) => [w.id, w])),
    output: lossId,
  };
  const layers = copy.nodes.filter((n) => n.kind === 'layer').map((n) => n.id);
  const split = splitLayers(trimmed, layers);
  const inactive = inactiveNeurons(split, evaluate(split)).length;
  const composite = form === 'scalars' ? Object.keys(split.nodes).filter((id) => split.nodes[id]!.kind === 'neuron') : [];
  const expanded = scalarize(split, [...composite, lossId]).doc;
  const e = evaluate(expanded);
  return {
    ok: true,
    doc: expanded,
    size: Object.keys(expanded.nodes).length,
    form,
    neurons,
    inactive,
    loss: e.output === null ? NaN : e.results.get(e.output)!.data,
    lossKind: selected.model.lossKind,
  };
}

/**
 * What the learner should know when a point's graph opens: how many neurons are inactive for
 * it and why their weights' grads are 0, and when the loss's own hinge is flat, that every
 * grad is 0.
 */
export function sampleLesson(graph: SampleGraph): string {
  const totalNeurons = graph.neurons;
  const parts: string[] = [];
  if (graph.inactive > 0) {
    parts.push(
      `${graph.inactive} of ${totalNeurons} neurons are inactive for this point (ReLU with z ≤ 0): relu′(z) = 0 there, so their weights and bias get grad 0 and no gradient flows back through them.`,
    );
  } else if (totalNeurons > 0) {
    parts.push(`All ${totalNeurons} neurons are active for this point.`);
  }
  if (graph.lossKind === 'hinge' && graph.loss === 0) {
    parts.push('The loss’s hinge is inactive too: y·score ≥ 1, so max(0, 1 − y·score) = 0 and every grad is 0 for this point.');
  }
  return parts.join(' ');
}
