import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../document/evaluate';
import { findPreset } from '../../../document/presets';
import type { GraphDoc } from '../../../document/types';
import { createPlaygroundStore } from '../../../state/store';
import { applyNudge, nudgeCode, nudgeResultText, planNudge } from './nudgePlan';

function leafGrads(doc: GraphDoc): Record<string, number> {
  const ev = evaluate(doc);
  const grads: Record<string, number> = {};
  for (const [id, r] of ev.results) if (doc.nodes[id]!.kind !== 'op') grads[id] = r.passGrad;
  return grads;
}

function lectureL(): GraphDoc {
  return findPreset('lecture-L')!.build();
}

describe('planNudge', () => {
  it("reproduces the lecture's first step: L from -8.0 to -7.286496", () => {
    const doc = lectureL();
    const plan = planNudge(doc, leafGrads(doc), 0.01, 'ascend');
    expect(plan.output).toBe('L');
    expect(plan.before).toBe(-8);
    expect(plan.after).toBeCloseTo(-7.286496, 12);
    expect(nudgeResultText(plan.output, plan.before, plan.after)).toBe('L: \u22128.0 → \u22127.286496');
    expect(plan.moves.map((m) => m.name).sort()).toEqual(['a', 'b', 'c', 'f']);
    const a = plan.moves.find((m) => m.name === 'a')!;
    expect(a.from).toBe(2);
    expect(a.to).toBeCloseTo(2.06, 12);
  });
  it('descends: the output goes down', () => {
    const doc = lectureL();
    const plan = planNudge(doc, leafGrads(doc), 0.01, 'descend');
    expect(plan.after).toBeLessThan(plan.before);
  });
  it('moves nothing when every grad is zero, and never moves constants', () => {
    const doc = lectureL();
    const plan = planNudge(doc, {}, 0.01, 'ascend');
    expect(plan.next).toBe(doc);
    expect(plan.moves).toEqual([]);
    expect(plan.after).toBe(plan.before);

    const quad = findPreset('quadratic')!.build();
    const q = planNudge(quad, leafGrads(quad), 0.01, 'ascend');
    expect(q.moves.map((m) => m.name)).toEqual(['x']);
  });
  it('prints the micrograd line it runs', () => {
    expect(nudgeCode(0.01, 'ascend')).toBe('p.data += 0.01 * p.grad');
    expect(nudgeCode(0.01, 'descend')).toBe('p.data += -0.01 * p.grad');
  });
});

describe('applyNudge', () => {
  it('is one undo step and keeps the grads', () => {
    const store = createPlaygroundStore(lectureL());
    store.getState().backward();
    const before = store.getState().doc;
    const grads = store.getState().grads;
    const plan = planNudge(before, grads.leaves, 0.01, 'ascend');
    applyNudge(store, plan.next);

    const after = store.getState();
    expect(after.grads).toBe(grads);
    expect(after.history.past).toEqual([before]);
    const L = evaluate(after.doc);
    expect(L.results.get(L.output!)!.data).toBeCloseTo(-7.286496, 12);

    after.undo();
    expect(store.getState().doc).toBe(before);
    // One step: a single undo went all the way back.
    expect(store.getState().history.past).toHaveLength(0);
    expect(store.getState().history.future).toHaveLength(1);
  });
});
