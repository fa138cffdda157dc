import { findOp } from '../../engine';
import type { PlaygroundState } from '../../state/store';
import { accumulatedGrad, nodeProblem, nodeResult } from '../../state/derived';
import { formatLecture } from '../formatNumber';
import { nameOf } from '../panels/backward/format';

/** The id of a card's spoken name, which React Flow's node wrapper points at (aria-labelledby). */
export function cardNameId(nodeId: string): string {
  return `card-name-${nodeId}`;
}

/** What kind of card it is, in words: the op's name ("multiply"), else the kind ("value"). */
function kindWords(state: PlaygroundState, id: string): string {
  const node = state.doc.nodes[id];
  if (!node) return '';
  if (node.kind === 'op') return findOp(node.op)?.label ?? node.op;
  return node.kind;
}

/**
 * A card as a screen reader says it when the card is reached: "d, add: data 4.0, grad 1.0".
 * Numbers as the lecture prints them and the live region says them (formatLecture), the name as
 * the panels print it; a card that cannot compute says why instead of its data.
 */
export function cardName(state: PlaygroundState, id: string): string {
  const name = nameOf(state.doc, id);
  const kind = kindWords(state, id);
  const head = kind && kind !== name ? `${name}, ${kind}` : name;
  const problem = nodeProblem(state, id);
  if (problem) return `${head}: ${problem.message}`;
  const data = nodeResult(state, id)?.data;
  if (data === undefined || Number.isNaN(data)) return head;
  return `${head}: data ${formatLecture(data)}, grad ${formatLecture(accumulatedGrad(state, id))}`;
}
