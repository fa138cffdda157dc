import { findOp, Value, whyNotFinite } from '../engine';
import { incomingWires, resolveOutput, topologicalOrder } from './graph';
import { inputPorts } from './ports';
import type { GraphDoc } from './types';

/** Why a node has no trustworthy number, for the red mark and its tooltip. */
export type NodeError =
  /** An input port has no wire. */
  | { kind: 'missing-input'; ports: string[]; message: string }
  /** This node's own op turned finite inputs into NaN or ±Infinity (division by zero, log(−1)...). */
  | { kind: 'non-finite'; message: string }
  /** An input already had an error or a non-finite value; the trouble started upstream. */
  | { kind: 'upstream'; message: string }
  /** The node sits on a cycle (only possible in a damaged document). */
  | { kind: 'cycle'; message: string };

/** What evaluate derives for one node. */
export interface NodeResult {
  /** The forward value, NaN when the node cannot be computed. */
  data: number;
  /** d(output)/d(this node) from one backward pass from the output; 0 off the output's path. */
  grad: number;
  error: NodeError | null;
}

/** Everything evaluate derives for a document. */
export interface Evaluation {
  /** Per node id. */
  results: ReadonlyMap<string, NodeResult>;
  /** The node backward started from, or null (empty graph, or the output cannot be computed). */
  output: string | null;
  /** Node ids in topological order (inputs first). */
  order: readonly string[];
  /**
   * The engine Values behind the results, for the backward animation and the gradient check.
   * Absent for nodes that could not be computed.
   */
  values: ReadonlyMap<string, Value>;
}

/**
 * Runs the drawn graph through the engine: a forward pass in topological order, then one
 * backward pass from the output. Pure: the document is not touched, and a fresh set of Values
 * is built each time (as a training loop rebuilds its graph every step).
 */
export function evaluate(doc: GraphDoc): Evaluation {
  const { order, cyclic } = topologicalOrder(doc);
  const incoming = incomingWires(doc);
  const results = new Map<string, NodeResult>();
  const values = new Map<string, Value>();

  for (const id of order) {
    const node = doc.nodes[id]!;
    if (node.kind !== 'op') {
      const v = new Value(node.value, node.kind === 'value' ? node.label : '');
      values.set(id, v);
      results.set(id, { data: v.data, grad: 0, error: leafError(v) });
      continue;
    }
    const op = findOp(node.op);
    if (!op) {
      results.set(id, { data: NaN, grad: 0, error: { kind: 'upstream', message: `unknown op '${node.op}'` } });
      continue;
    }
    const ports = inputPorts(node);
    const wired = incoming.get(id);
    const missing = ports.filter((p) => !wired?.has(p));
    if (missing.length > 0) {
      const message = `needs ${missing.length === 1 ? 'input' : 'inputs'} ${missing.map((p) => `'${p}'`).join(' and ')} wired`;
      results.set(id, { data: NaN, grad: 0, error: { kind: 'missing-input', ports: missing, message } });
      continue;
    }
    const sources = ports.map((p) => wired!.get(p)!.source);
    // Trouble upstream taints everything downstream, even where the number looks fine again
    // (tanh(Infinity) = 1): its gradients are not to be trusted.
    const tainted = sources.findIndex((src) => results.get(src)?.error);
    const cause = tainted >= 0 ? results.get(sources[tainted]!)!.error! : null;
    const upstream: NodeError | null = cause && {
      kind: 'upstream',
      message: cause.kind === 'upstream' ? cause.message : `input '${ports[tainted]}': ${cause.message}`,
    };
    const inputs = sources.map((src) => values.get(src));
    if (inputs.some((v) => v === undefined)) {
      results.set(id, { data: NaN, grad: 0, error: upstream ?? { kind: 'upstream', message: 'an input cannot be computed' } });
      continue;
    }
    const [a, b] = inputs as Value[];
    const k = node.param ?? 0;
    const v = new Value(op.forward(a!.data, b?.data ?? 0, k), node.label, op, a!, b ?? null, k);
    values.set(id, v);
    results.set(id, { data: v.data, grad: 0, error: upstream ?? finiteError(v) });
  }
  for (const id of cyclic) {
    results.set(id, { data: NaN, grad: 0, error: { kind: 'cycle', message: 'sits on a cycle' } });
  }

  const outputId = resolveOutput(doc);
  const outputValue = outputId === null ? undefined : values.get(outputId);
  if (outputValue !== undefined) {
    outputValue.backward();
    for (const [id, v] of values) results.get(id)!.grad = v.grad;
  }
  return { results, output: outputValue === undefined ? null : outputId, order, values };
}

function leafError(v: Value): NodeError | null {
  const why = whyNotFinite(v);
  return why === null ? null : { kind: 'non-finite', message: why };
}

/** A computed node whose inputs were all fine: its own op is the only possible culprit. */
function finiteError(v: Value): NodeError | null {
  const why = whyNotFinite(v);
  return why === null ? null : { kind: 'non-finite', message: why };
}
