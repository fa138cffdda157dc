import { Value, whyNotFinite } from '../engine';
import { incomingWires, resolveOutput, topologicalOrder } from './graph';
import { kindOf, type OwnedParams } from './kinds';
import { inputPorts, OUT, outputKey, outputPorts } from './ports';
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
  | { kind: 'cycle'; message: string }
  /**
   * The data is fine but the grad shown is NaN or ±Infinity. Never set by evaluate: it depends
   * on the backward passes run (see `whyGradNotFinite`). `origin` is false when the node only
   * received a gradient that was already broken.
   */
  | { kind: 'grad'; origin: boolean; message: string };

/** A node error as the card's mark says it: trouble that started elsewhere is prefixed so. */
export function errorText(error: NodeError): string {
  return error.kind === 'upstream' ? `upstream: ${error.message}` : error.message;
}

/** True when the trouble started at another node (drawn in a softer red). */
export function isSecondhand(error: NodeError): boolean {
  return error.kind === 'upstream' || (error.kind === 'grad' && !error.origin);
}

/** What evaluate derives for one node. */
export interface NodeResult {
  /** The forward value (a layer's first output), NaN when the node cannot be computed. */
  data: number;
  /**
   * d(output)/d(this node) from one fresh backward pass from the output; 0 off the output's
   * path. Not what a card shows after the user's passes: that is state's `accumulatedGrad`.
   */
  passGrad: number;
  error: NodeError | null;
  /** Every output's data and grad, by port, for nodes with several outputs (layers). */
  outputs?: { port: string; data: number; grad: number }[];
  /** Gradients of the parameters a node owns (a neuron's or layer's weights and biases). */
  paramGrads?: { weights: number[] | number[][]; bias: number | number[] };
}

/** Everything evaluate derives for a document. */
export interface Evaluation {
  /** Per node id. */
  results: ReadonlyMap<string, NodeResult>;
  /** The node backward started from, or null (empty graph, or the output cannot be computed). */
  output: string | null;
  /** The value backward started from: the output's id, or its first output for a layer. */
  outputKey: string | null;
  /** Node ids in topological order (inputs first). */
  order: readonly string[];
  /**
   * The engine Values behind the results, by output key (the node id, or `id:port` for a
   * layer's outputs), for the backward animation and the gradient check. Absent for nodes that
   * could not be computed.
   */
  values: ReadonlyMap<string, Value>;
  /** The parameter Values composite nodes own, by node id (weights row-major, then biases). */
  params: ReadonlyMap<string, OwnedParams>;
}

/**
 * Runs the drawn graph through the engine: a forward pass in topological order, then one
 * backward pass from the output. Pure: the document is not touched, and a fresh set of Values
 * is built each time (as a training loop rebuilds its graph every step). Neurons and layers
 * build the same Values src/nn would, in the same order, so their digits agree with it.
 */
export function evaluate(doc: GraphDoc): Evaluation {
  const { order, cyclic } = topologicalOrder(doc);
  const incoming = incomingWires(doc);
  const results = new Map<string, NodeResult>();
  const values = new Map<string, Value>();
  const params = new Map<string, OwnedParams>();

  for (const id of order) {
    const node = doc.nodes[id]!;
    const kind = kindOf(node);
    if (kind.leaf) {
      const v = (kind.evaluate(node, []) as { outputs: Value[] }).outputs[0]!;
      values.set(id, v);
      results.set(id, { data: v.data, passGrad: 0, error: leafError(v) });
      continue;
    }
    const ports = inputPorts(node);
    const wired = incoming.get(id);
    const missing = ports.filter((p) => !wired?.has(p));
    if (missing.length > 0) {
      const message = `needs ${missing.length === 1 ? 'input' : 'inputs'} ${missing.map((p) => `'${p}'`).join(' and ')} wired`;
      results.set(id, { data: NaN, passGrad: 0, error: { kind: 'missing-input', ports: missing, message } });
      continue;
    }
    const sources = ports.map((p) => wired!.get(p)!);
    // Trouble upstream taints everything downstream, even where the number looks fine again
    // (tanh(Infinity) = 1): its gradients are not to be trusted.
    const tainted = sources.findIndex((w) => results.get(w.source)?.error);
    const cause = tainted >= 0 ? results.get(sources[tainted]!.source)!.error! : null;
    const upstream: NodeError | null = cause && {
      kind: 'upstream',
      message: cause.kind === 'upstream' ? cause.message : `input '${ports[tainted]}': ${cause.message}`,
    };
    const inputs = sources.map((w) => values.get(outputKey(w.source, w.from)));
    if (inputs.some((v) => v === undefined)) {
      results.set(id, { data: NaN, passGrad: 0, error: upstream ?? { kind: 'upstream', message: 'an input cannot be computed' } });
      continue;
    }
    const computed = kind.evaluate(node, inputs as Value[]);
    if ('refused' in computed) {
      results.set(id, { data: NaN, passGrad: 0, error: { kind: 'upstream', message: computed.refused } });
      continue;
    }
    const outs = computed.outputs;
    if (computed.params) params.set(id, computed.params);
    outputPorts(node).forEach((port, i) => values.set(outputKey(id, port), outs[i]!));
    const first = outs[0]!;
    const error = upstream ?? outs.map(finiteError).find((e) => e !== null) ?? null;
    results.set(id, { data: first.data, passGrad: 0, error });
  }
  for (const id of cyclic) {
    results.set(id, { data: NaN, passGrad: 0, error: { kind: 'cycle', message: 'sits on a cycle' } });
  }

  const outputId = resolveOutput(doc);
  // Backward starts from one number: a layer with several outputs cannot be the start.
  const rootPorts = outputId === null ? [] : outputPorts(doc.nodes[outputId]!);
  const rootKey = outputId === null || rootPorts.length !== 1 ? null : outputKey(outputId, rootPorts[0]);
  const outputValue = rootKey === null ? undefined : values.get(rootKey);
  if (outputValue !== undefined) outputValue.backward();
  for (const [id, r] of results) {
    const node = doc.nodes[id]!;
    const v = values.get(outputKey(id, outputPorts(node)[0]));
    if (!v) continue;
    r.passGrad = v.grad;
    const ports = outputPorts(node);
    // A node with named outputs (a layer's y0, y1, ...) reports each of them.
    if (ports[0] !== OUT) {
      r.outputs = ports.map((port) => {
        const out = values.get(outputKey(id, port))!;
        return { port, data: out.data, grad: out.grad };
      });
    }
    const owned = params.get(id);
    if (owned) r.paramGrads = gradsOf(owned);
  }
  return { results, output: outputValue === undefined ? null : outputId, outputKey: outputValue === undefined ? null : rootKey, order, values, params };
}

function gradsOf(owned: OwnedParams): NonNullable<NodeResult['paramGrads']> {
  const weights = (owned.weights as (Value | Value[])[]).map((w) => (Array.isArray(w) ? w.map((x) => x.grad) : w.grad));
  const bias = Array.isArray(owned.bias) ? owned.bias.map((b) => b.grad) : owned.bias.grad;
  return { weights: weights as number[] | number[][], bias };
}

function leafError(v: Value): NodeError | null {
  const why = whyNotFinite(v);
  return why === null ? null : { kind: 'non-finite', message: why };
}

/** A computed node whose inputs were all fine: its own op is the only possible culprit. */
function finiteError(v: Value): NodeError | null {
  if (Number.isFinite(v.data)) return null;
  // Composite nodes build several ops; the first non-finite one inside says why.
  let origin = v;
  while (origin.inputs.some((x) => !Number.isFinite(x.data))) origin = origin.inputs.find((x) => !Number.isFinite(x.data))!;
  const why = whyNotFinite(origin) ?? 'not a finite number';
  return { kind: 'non-finite', message: why };
}
