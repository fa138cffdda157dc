import type { GraphDoc } from '../types';

/** Which way "Step leaves" moves: up the gradient (the lecture's first demo) or down it (training). */
export type NudgeDirection = 'ascend' | 'descend';

/**
 * One optimisation step by hand: every leaf Value's data += lr · grad (or −=). Constants are
 * plain numbers, not parameters, and stay. The lecture's lr 0.01 up the gradient moves L from
 * −8.0 to −7.286496.
 */
export function nudgeLeaves(doc: GraphDoc, grads: Readonly<Record<string, number>>, lr: number, direction: NudgeDirection): GraphDoc {
  const sign = direction === 'ascend' ? 1 : -1;
  const nodes = { ...doc.nodes };
  let changed = false;
  for (const node of Object.values(doc.nodes)) {
    if (node.kind !== 'value') continue;
    const g = grads[node.id] ?? 0;
    if (g === 0) continue;
    nodes[node.id] = { ...node, value: node.value + sign * lr * g };
    changed = true;
  }
  return changed ? { ...doc, nodes } : doc;
}
