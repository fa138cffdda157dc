import type { OpType } from '../engine';
import { DocBuilder } from './presets/DocBuilder';
import type { ConstantNode, DocNode, GraphDoc, OpNode, ValueNode, Wire } from './types';

/**
 * Tiny document builders with readable ids, for tests: failures then name the nodes. Not used
 * by the app.
 */
const at = { x: 0, y: 0 };

/** A leaf Value with id (and label) `id`. */
export const val = (id: string, value: number, label = id): ValueNode => ({ id, kind: 'value', position: at, value, label });
/** A constant. */
export const konst = (id: string, value: number): ConstantNode => ({ id, kind: 'constant', position: at, value });
/** An op node labelled with its id. */
export const op = (id: string, type: OpType, param?: number): OpNode =>
  param === undefined ? { id, kind: 'op', op: type, position: at, label: id } : { id, kind: 'op', op: type, position: at, label: id, param };
/** A wire whose id says where it goes (or `id`, for tests about ids). */
export const wire = (source: string, target: string, port: string, id = `${source}->${target}.${port}`): Wire => ({ id, source, target, port });
/** A wire with an id a file accepts (`a_e_a`: letters, digits, `_` and `-` only). */
export const fileWire = (source: string, target: string, port: string): Wire => wire(source, target, port, `${source}_${target}_${port}`);
/** The node moved to (x, y). */
export const placed = <N extends DocNode>(node: N, x: number, y: number): N => ({ ...node, position: { x, y } });

/** A document from lists. */
export function docOf(nodes: DocNode[], wires: Wire[] = [], output: string | null = null): GraphDoc {
  return {
    nodes: Object.fromEntries(nodes.map((n) => [n.id, n])),
    wires: Object.fromEntries(wires.map((w) => [w.id, w])),
    output,
  };
}

/** The lecture's L = (a*b + c) * f, op nodes inserted before their inputs. */
export function lecture(): GraphDoc {
  return docOf(
    [op('L', 'mul'), op('d', 'add'), op('e', 'mul'), val('a', 2), val('b', -3), val('c', 10), val('f', -2)],
    [wire('a', 'e', 'a'), wire('b', 'e', 'b'), wire('e', 'd', 'a'), wire('c', 'd', 'b'), wire('d', 'L', 'a'), wire('f', 'L', 'b')],
  );
}

/** o = tanh(a·b + a) with the product and the sum left unlabelled: the ops the code names n1, n2. */
export function unlabelledOpsDoc(): { doc: GraphDoc; unlabelled: [string, string]; labelled: string } {
  const g = new DocBuilder();
  const a = g.value(2, 'a');
  const b = g.value(-3, 'b');
  const prod = g.op('mul', [a, b]);
  const sum = g.op('add', [prod, a]);
  const out = g.op('tanh', [sum], 'o');
  return { doc: g.output(out).build(), unlabelled: [prod, sum], labelled: out };
}
