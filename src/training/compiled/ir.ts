import { topoSort, Value } from '../../engine';
import { kindOf, type IrNode, type IrRef } from '../../document/kinds';
import { sampleLoss } from '../../document/kinds/loss';
import { incomingWires } from '../../document/graph';
import { inputPorts, OUT, outputPorts } from '../../document/ports';
import type { GraphDoc } from '../../document/types';
import type { Model } from './model';

/**
 * The network as a graph of computing units, between the document and the tape: each op node
 * is one unit, each neuron a dense unit with one output, each layer a dense unit with one
 * output per neuron, and the loss is expanded into the very ops `sampleLoss` (evaluate.ts)
 * builds, so its numbers and its gradient flow cannot drift from the Value engine's.
 */

export type { IrNode, IrRef } from '../../document/kinds';

const NONE: readonly IrRef[] = [];

/** The per-sample graph of a selected model: its loss (the root) and the scores it judges (k for a softmax). */
export function buildIr(doc: GraphDoc, model: Model): { root: IrRef; scores: IrRef[] } {
  const incoming = incomingWires(doc);
  const units = new Map<string, IrNode>();
  const refOf = (target: string, port: string): IrRef => {
    const w = incoming.get(target)!.get(port)!;
    const source = doc.nodes[w.source]!;
    return { node: units.get(w.source)!, port: Math.max(0, outputPorts(source).indexOf(w.from ?? OUT)) };
  };
  for (const id of model.nodes) {
    const node = doc.nodes[id]!;
    const inputs = (): IrRef[] => inputPorts(node).map((p) => refOf(id, p));
    const unit = kindOf(node).trainer.unit(node, inputs, model.firstParam.get(id));
    if (unit !== null) units.set(id, unit);
  }
  const ports = inputPorts(doc.nodes[model.lossId]!);
  const scores = ports.slice(0, model.classes).map((port) => refOf(model.lossId, port));
  return { root: expandLoss(model, scores, refOf(model.lossId, 'target')), scores };
}

/**
 * The loss as units: `sampleLoss` run once on two placeholder Values, and its Value graph copied
 * op for op (its number leaves, such as hinge's 1, become constants).
 */
function expandLoss(model: Model, scores: readonly IrRef[], target: IrRef): IrRef {
  const scoreVs = scores.map(() => new Value(0));
  const targetV = new Value(0);
  const root = sampleLoss(model.lossKind, scoreVs, targetV);
  const refs = new Map<Value, IrRef>(scoreVs.map((v, j) => [v, scores[j]!]));
  refs.set(targetV, target);
  for (const v of topoSort(root)) {
    if (refs.has(v)) continue;
    if (v.op === null || v.a === null) {
      refs.set(v, { node: { kind: 'const', value: v.data, inputs: NONE }, port: 0 });
      continue;
    }
    const inputs = v.b === null ? [refs.get(v.a)!] : [refs.get(v.a)!, refs.get(v.b)!];
    refs.set(v, { node: { kind: 'op', op: v.op, k: v.k, inputs }, port: 0 });
  }
  return refs.get(root)!;
}
