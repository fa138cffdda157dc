import { nudgeLeaves, type NudgeDirection } from '../../../document/backward';
import { evaluate } from '../../../document/evaluate';
import type { GraphDoc } from '../../../document/types';
import type { PlaygroundStore } from '../../../state/store';
import { formatLecture } from '../../formatNumber';
import { nameOf } from './format';

/** Six decimals, as the lecture prints the output after its step (−7.286496). */
const stepNumber = (x: number): string => formatLecture(x, 6);

/** One leaf the step moves. */
export interface LeafMove {
  id: string;
  name: string;
  from: number;
  to: number;
}

/** What "Step leaves" will do: the document after, which leaves move, and the output before/after. */
interface NudgePlan {
  next: GraphDoc;
  moves: LeafMove[];
  /** The output's name ("L"), or null when nothing can be computed. */
  output: string | null;
  before: number;
  after: number;
}

function outputOf(doc: GraphDoc): { id: string | null; data: number } {
  const e = evaluate(doc);
  const id = e.output;
  return { id, data: id === null ? NaN : (e.results.get(id)?.data ?? NaN) };
}

/**
 * The step micrograd takes by hand, `p.data += lr * p.grad` for every leaf Value (−= to
 * descend), worked out without touching the store: `next` is the document to apply.
 */
export function planNudge(doc: GraphDoc, grads: Readonly<Record<string, number>>, lr: number, direction: NudgeDirection): NudgePlan {
  const next = nudgeLeaves(doc, grads, lr, direction);
  const moves: LeafMove[] = [];
  for (const [id, node] of Object.entries(next.nodes)) {
    const old = doc.nodes[id];
    if (node.kind === 'value' && old?.kind === 'value' && !Object.is(old.value, node.value)) {
      moves.push({ id, name: nameOf(doc, id), from: old.value, to: node.value });
    }
  }
  const before = outputOf(doc);
  const after = next === doc ? before : outputOf(next);
  return { next, moves, output: before.id === null ? null : nameOf(doc, before.id), before: before.data, after: after.data };
}

/** "L: −8.0 → −7.286496", the line the lecture prints after its first step. */
export function nudgeResultText(output: string | null, before: number, after: number): string {
  return `${output ?? 'output'}: ${stepNumber(before)} → ${stepNumber(after)}`;
}

/** The micrograd line the step runs: `p.data += 0.01 * p.grad` (ascend) or `+= -0.01 *` (descend). */
export function nudgeCode(lr: number, direction: NudgeDirection): string {
  return `p.data += ${direction === 'ascend' ? '' : '-'}${lr} * p.grad`;
}

/**
 * Puts the stepped document in the store as one undo step, keeping the grads (micrograd's
 * p.grad stays put when p.data changes).
 */
export function applyNudge(store: PlaygroundStore, next: GraphDoc): void {
  store.getState().applyNudge(next);
}
