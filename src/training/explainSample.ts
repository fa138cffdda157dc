import type { DocNode, GraphDoc, LabelledPoint } from '../document/types';
import { scalarize, scalarSize } from '../document/network/scalarize';
import { selectModel } from './compiled/model';

/** Above this many scalar nodes the canvas stops being readable (and responsive): offer a smaller net. */
const SAMPLE_GRAPH_CAP = 700;

/**
 * One data point's forward and backward graph, scalar by scalar, as the lecture draws it: the
 * trained model with its inputs set to the point's features and the target to its label, every
 * neuron, layer and loss taken apart into ops. Refused (with the size) above `cap` nodes.
 */
export function sampleGraph(
  doc: GraphDoc,
  point: LabelledPoint,
  cap = SAMPLE_GRAPH_CAP,
): { ok: true; doc: GraphDoc; size: number } | { ok: false; reason: string; size: number } {
  const selected = selectModel(doc);
  if (!selected.ok) return { ok: false, reason: selected.reason, size: 0 };
  const keep = new Set(selected.model.nodes);
  let size = 0;
  const nodes: Record<string, DocNode> = {};
  for (const id of keep) {
    const node = doc.nodes[id]!;
    size += scalarSize(node);
    if (node.kind === 'input') nodes[id] = { ...node, value: point.x[node.feature] ?? 0 };
    else if (node.kind === 'target') nodes[id] = { ...node, value: point.label };
    else nodes[id] = node;
  }
  if (size > cap) {
    return {
      ok: false,
      size,
      reason: `This network would need ${size.toLocaleString('en')} scalar nodes for one point, more than the canvas shows well (${cap}). Try a smaller network, such as MLP(2, [4, 4, 1]).`,
    };
  }
  const wires = Object.fromEntries(Object.entries(doc.wires).filter(([, w]) => keep.has(w.source) && keep.has(w.target)));
  const trimmed: GraphDoc = { ...doc, nodes, wires, output: selected.model.lossId };
  const composite = [...keep].filter((id) => ['neuron', 'layer', 'loss'].includes(doc.nodes[id]!.kind));
  const expanded = scalarize(trimmed, composite).doc;
  return { ok: true, doc: expanded, size: Object.keys(expanded.nodes).length };
}
