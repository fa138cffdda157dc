import { incomingWires } from '../graph';
import { newId } from '../ids';
import type { DocNode, GraphDoc, LayerNode, NeuronNode, Wire } from '../types';

/**
 * Puts an expanded neuron or layer back into one node: the weights are read from its trainable
 * Values (so nudges and training made while expanded are kept), inputs from what feeds its
 * products, outputs from its last op. Refused, with the reason, when the expanded ops were
 * rewired or deleted so that they no longer form a neuron.
 */
export function collapseGroup(doc: GraphDoc, groupId: string): { doc: GraphDoc; id: string } | { reason: string } {
  const members = Object.values(doc.nodes).filter((n) => n.group?.id === groupId);
  const tag = members[0]?.group;
  if (!tag) return { reason: 'Nothing to collapse: this node is not part of an expanded neuron or layer.' };
  const byRole = new Map<string, DocNode>(members.map((n) => [n.group!.role, n]));
  const incoming = incomingWires(doc);
  const units = new Set([...byRole.keys()].filter((r) => r.startsWith('b:')).map((r) => Number(r.split(':')[1]))).size;
  const nin = [...byRole.keys()].filter((r) => r.startsWith('w:0:')).length;
  if (units === 0 || nin === 0) return { reason: `The expanded ${tag.kind} lost its weights or bias, so it cannot be put back together.` };

  const weights: number[][] = [];
  const biases: number[] = [];
  const inputs: (Wire | undefined)[] = [];
  const outputs: string[] = [];
  for (let j = 0; j < units; j++) {
    const row: number[] = [];
    for (let i = 0; i < nin; i++) {
      const w = byRole.get(`w:${j}:${i}`);
      const mul = byRole.get(`mul:${j}:${i}`);
      if (w?.kind !== 'value' || !mul) return { reason: `Weight ${i} of neuron ${j} of '${tag.label}' is missing.` };
      if (incoming.get(mul.id)?.get('a')?.source !== w.id) return { reason: `The product for weight ${i} of '${tag.label}' was rewired.` };
      row.push(w.value);
      const feed = incoming.get(mul.id)?.get('b');
      if (j === 0) inputs.push(feed);
      else if (feed?.source !== inputs[i]?.source || feed?.from !== inputs[i]?.from) {
        return { reason: `Neurons of '${tag.label}' no longer share input ${i}, so they are not one layer.` };
      }
    }
    const bias = byRole.get(`b:${j}`);
    if (bias?.kind !== 'value') return { reason: `The bias of neuron ${j} of '${tag.label}' is missing.` };
    weights.push(row);
    biases.push(bias.value);
    const out = byRole.get(`act:${j}`) ?? byRole.get(`add:${j}:${nin - 1}`);
    if (!out) return { reason: `The output of neuron ${j} of '${tag.label}' is missing.` };
    outputs.push(out.id);
  }

  const id = newId();
  const position = {
    x: Math.min(...members.map((n) => n.position.x)),
    y: Math.min(...members.map((n) => n.position.y)),
  };
  const node: NeuronNode | LayerNode =
    tag.kind === 'neuron' && units === 1
      ? { id, kind: 'neuron', label: tag.label, activation: tag.activation, weights: weights[0]!, bias: biases[0]!, position }
      : { id, kind: 'layer', label: tag.label, activation: tag.activation, weights, biases, position };
  const memberIds = new Set(members.map((n) => n.id));
  const nodes: Record<string, DocNode> = {};
  for (const [key, n] of Object.entries(doc.nodes)) if (!memberIds.has(key)) nodes[key] = n;
  nodes[id] = node;
  const wires: Record<string, Wire> = {};
  for (const [key, w] of Object.entries(doc.wires)) {
    if (memberIds.has(w.target)) continue;
    if (memberIds.has(w.source)) {
      const unit = outputs.indexOf(w.source);
      if (unit < 0) continue; // an inner wire
      const moved: Wire = { id: key, source: id, target: w.target, port: w.port };
      if (node.kind === 'layer') moved.from = `y${unit}`;
      wires[key] = moved;
      continue;
    }
    wires[key] = w;
  }
  inputs.forEach((feed, i) => {
    if (!feed) return;
    const w: Wire = { id: newId(), source: feed.source, target: id, port: `x${i}` };
    if (feed.from) w.from = feed.from;
    wires[w.id] = w;
  });
  const output = doc.output !== null && memberIds.has(doc.output) ? id : doc.output;
  return { doc: { ...doc, nodes, wires, output }, id };
}
