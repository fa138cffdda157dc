import { kindOf } from '../../document/kinds';
import type { DocNode, GraphDoc } from '../../document/types';
import type { ParamRef } from './model';
import type { Program } from './program';

/**
 * Moving parameters between a document and a flat array, through the program's `paramRefs`
 * (parameter index → node and field). Both throw a RangeError when the document no longer has
 * a parameter the program expects: its shape changed since compiling, so compile again.
 */

/** The document's current parameter values, in the program's parameter order. */
export function readParams(program: Pick<Program, 'paramRefs'>, doc: GraphDoc): Float64Array {
  const out = new Float64Array(program.paramRefs.length);
  program.paramRefs.forEach((ref, p) => {
    out[p] = paramValue(doc.nodes[ref.nodeId], ref);
  });
  return out;
}

/**
 * A new document with the parameters set to `params` (trained values written back). Nodes whose
 * parameters did not change are shared with the old document, as every edit does.
 */
export function writeParams(program: Pick<Program, 'paramRefs'>, doc: GraphDoc, params: ArrayLike<number>): GraphDoc {
  if (params.length !== program.paramRefs.length) {
    throw new RangeError(`${params.length} values for ${program.paramRefs.length} parameters`);
  }
  const changed = new Map<string, DocNode>();
  program.paramRefs.forEach((ref, p) => {
    const value = params[p]!;
    const node = changed.get(ref.nodeId) ?? doc.nodes[ref.nodeId];
    if (Object.is(paramValue(node, ref), value)) return;
    changed.set(ref.nodeId, withParam(node!, ref, value, changed.has(ref.nodeId)));
  });
  if (changed.size === 0) return doc;
  return { ...doc, nodes: { ...doc.nodes, ...Object.fromEntries(changed) } };
}

function paramValue(node: DocNode | undefined, ref: ParamRef): number {
  const value = node ? kindOf(node).trainer.readParam?.(node, ref) : undefined;
  if (value === undefined) {
    throw new RangeError(`the document has no ${ref.field} (${ref.unit}, ${ref.input}) on node '${ref.nodeId}': it changed shape since compiling`);
  }
  return value;
}

/** `node` with one parameter replaced; `owned` when `node` is already a private copy. */
function withParam(node: DocNode, ref: ParamRef, value: number, owned: boolean): DocNode {
  const write = kindOf(node).trainer.writeParam;
  if (!write) throw new RangeError(`node '${node.id}' holds no parameters`);
  return write(node, ref, value, owned);
}
