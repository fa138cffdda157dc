import { unnamedOpNames } from '../../../document/codegen/nodeNames';
import type { GraphDoc } from '../../../document/types';
import { findOp } from '../../../engine';
import { formatLecture } from '../../formatNumber';

/**
 * How the Backward side panel's tools name nodes and sum up a gradient check. Pure, so it is
 * tested in Node; the numbers themselves are printed by ../../formatNumber, as everywhere.
 */

/**
 * The name a node goes by in these panels: its label; a constant's value ("3.0"); an
 * unlabelled op's variable in the exported code (n1, as its card shows); its kind ("value")
 * when unnamed; "output" for a missing node.
 */
export function nameOf(doc: GraphDoc, id: string): string {
  const node = doc.nodes[id];
  if (!node) return 'output';
  if (node.kind === 'constant') return formatLecture(node.value);
  if (node.label) return node.label;
  if (node.kind === 'op') return unnamedOpNames(doc).get(id) ?? findOp(node.op)?.symbol ?? node.op;
  return node.kind;
}

/** The gradient check's summary line: "All 4 leaves agree", "2 of 4 differ", "1 of 4 differs". */
export function gradcheckSummary(total: number, differing: number): string {
  if (total === 0) return 'No leaves to check';
  if (differing === 0) return total === 1 ? 'The 1 leaf agrees' : `All ${total} leaves agree`;
  if (total === 1) return 'The 1 leaf differs';
  return `${differing} of ${total} ${differing === 1 ? 'differs' : 'differ'}`;
}

/** How far an estimate is from autograd, relative as gradcheck measures it (floor 1). */
export function relativeError(autograd: number, estimate: number): number {
  return Math.abs(autograd - estimate) / Math.max(1, Math.abs(autograd), Math.abs(estimate));
}
