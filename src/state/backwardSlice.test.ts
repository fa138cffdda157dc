import { describe, expect, it } from 'vitest';
import { nudgeLeaves } from '../document/backward';
import { docOf, lecture, op, val, wire } from '../document/testDocs';
import { EMPTY_DOC } from '../document/types';
import { backwardRank, accumulatedGrad, evaluationOf, gradsAreStale } from './derived';
import { createPlaygroundStore, type PlaygroundStore } from './store';
import { undoSteps } from './testStores';

/** The lecture's grads after one pass: L = (a*b + c) * f at a=2, b=-3, c=10, f=-2. */
const LECTURE = { L: 1, f: 4, d: -2, c: -2, e: -2, b: -4, a: 6 };
const LEAVES = { a: 6, b: -4, c: -2, f: 4 };
/** micrograd's order: the output first, each node after every node that uses it. */
const ORDER = ['L', 'f', 'd', 'c', 'e', 'b', 'a'];

/** Every node's grad as the cards show it. */
function shown(store: PlaygroundStore): Record<string, number> {
  const s = store.getState();
  return Object.fromEntries(Object.keys(s.doc.nodes).map((id) => [id, accumulatedGrad(s, id)]));
}

const total = (store: PlaygroundStore) => store.getState().backwardRun!.schedule.arrivals.length;

describe('Backward (instant, as with reduced motion)', () => {
  it("commits the lecture's grads as one pass, without touching the document or the history", () => {
    const store = createPlaygroundStore(lecture());
    const doc = store.getState().doc;
    expect(shown(store)).toEqual({ L: 0, f: 0, d: 0, c: 0, e: 0, b: 0, a: 0 });
    store.getState().backward();
    const s = store.getState();
    expect(s.grads).toEqual({ passes: 1, leaves: LEAVES, latest: LECTURE, revision: s.revision });
    expect(s.backwardRun).toMatchObject({ committed: true, delivered: 7, target: 7 });
    expect(shown(store)).toEqual(LECTURE);
    expect(s.doc).toBe(doc);
    expect(undoSteps(store)).toBe(0);
    expect(s.notice).toBeNull();
  });

  it('run again without Zero grad adds into the leaves (+=), keeps the latest interior grads, and says so', () => {
    const store = createPlaygroundStore(lecture());
    store.getState().backward();
    store.getState().backward();
    expect(store.getState().grads.passes).toBe(2);
    expect(shown(store)).toEqual({ ...LECTURE, a: 12, b: -8, c: -4, f: 8 });
    expect(store.getState().notice).toMatchObject({ tone: 'info', text: expect.stringMatching(/2 times without Zero grad.*2× too big/) });
    store.getState().backward();
    expect(shown(store)).toMatchObject({ a: 18, b: -12, L: 1, e: -2 });
    expect(store.getState().notice!.text).toMatch(/3 times/);
  });

  it('Zero grad clears grads and the pass; the next Backward starts from zero again', () => {
    const store = createPlaygroundStore(lecture());
    store.getState().backward();
    store.getState().backward();
    store.getState().zeroGrad();
    expect(store.getState().grads.passes).toBe(0);
    expect(store.getState().backwardRun).toBeNull();
    expect(Object.values(shown(store)).every((g) => g === 0)).toBe(true);
    store.getState().backward();
    expect(shown(store)).toEqual(LECTURE);
  });

  it('with nothing to backpropagate from, gives a hint and runs no pass', () => {
    const store = createPlaygroundStore(EMPTY_DOC);
    for (const run of [() => store.getState().backward(), () => store.getState().startBackward(), () => store.getState().stepBackward()]) {
      store.setState({ notice: null });
      run();
      expect(store.getState().notice).toMatchObject({ tone: 'info', text: expect.stringMatching(/Nothing to backpropagate/) });
      expect(store.getState().backwardRun).toBeNull();
      expect(store.getState().grads.passes).toBe(0);
    }
  });
});

describe('a watched pass (Backward with motion)', () => {
  it('shows what has landed as the animation reports arrivals, and commits once at the end', () => {
    const store = createPlaygroundStore(lecture());
    store.getState().startBackward();
    const run = store.getState().backwardRun!;
    expect(run).toMatchObject({ delivered: 0, target: 7, committed: false, paused: false });
    expect(run.schedule.steps.map((step) => step.node)).toEqual(ORDER);
    expect(store.getState().grads.passes).toBe(0);
    expect(backwardRank(store.getState(), 'L')).toBe(1);
    expect(backwardRank(store.getState(), 'a')).toBe(7);

    store.getState().deliverArrivals(3);
    expect(shown(store)).toEqual({ L: 1, f: 4, d: -2, c: 0, e: 0, b: 0, a: 0 });
    // A count behind what has landed changes nothing.
    const mid = store.getState().backwardRun;
    store.getState().deliverArrivals(2);
    expect(store.getState().backwardRun).toBe(mid);

    store.getState().deliverArrivals(7);
    expect(store.getState().grads.passes).toBe(1);
    expect(store.getState().backwardRun!.committed).toBe(true);
    expect(shown(store)).toEqual(LECTURE);
    store.getState().deliverArrivals(7);
    expect(store.getState().grads.passes).toBe(1);
  });

  it('skips to the end at once when finished', () => {
    const store = createPlaygroundStore(lecture());
    store.getState().startBackward();
    store.getState().deliverArrivals(2);
    store.getState().finishBackward();
    expect(store.getState().grads).toMatchObject({ passes: 1, leaves: LEAVES });
    expect(store.getState().backwardRun).toMatchObject({ committed: true, delivered: 7 });
  });

  it('is counted before a new Backward starts, as if it had played out', () => {
    const store = createPlaygroundStore(lecture());
    store.getState().startBackward();
    store.getState().deliverArrivals(2);
    store.getState().backward();
    expect(store.getState().grads.passes).toBe(2);
    expect(store.getState().grads.leaves).toEqual({ a: 12, b: -8, c: -4, f: 8 });
  });

  it('replays the last pass from its start without adding its grads a second time', () => {
    const store = createPlaygroundStore(lecture());
    store.getState().backward();
    const grads = store.getState().grads;
    store.getState().replayBackward();
    expect(store.getState().backwardRun).toMatchObject({ delivered: 0, target: 7, committed: true });
    store.getState().deliverArrivals(1);
    expect(shown(store)).toMatchObject({ L: 1, f: 0, a: 0 });
    store.getState().deliverArrivals(7);
    store.getState().replayBackward();
    store.getState().finishBackward();
    expect(store.getState().grads).toBe(grads);
    expect(store.getState().backwardRun!.delivered).toBe(7);
    expect(store.getState().notice).toBeNull();
  });

  it('pauses, and keeps its speed between 1/8 and 8', () => {
    const store = createPlaygroundStore(lecture());
    store.getState().setBackwardPaused(true);
    expect(store.getState().backwardRun).toBeNull();
    store.getState().startBackward();
    store.getState().setBackwardPaused(true);
    const paused = store.getState().backwardRun!;
    expect(paused.paused).toBe(true);
    store.getState().setBackwardPaused(true);
    expect(store.getState().backwardRun).toBe(paused);
    const speeds = [100, 0.01, 2].map((v) => {
      store.getState().setBackwardSpeed(v);
      return store.getState().backwardSpeed;
    });
    expect(speeds).toEqual([8, 0.125, 2]);
  });

  it('is dropped by an edit of the graph, not by a move, and undo drops it too', () => {
    const store = createPlaygroundStore(lecture());
    store.getState().startBackward();
    store.getState().moveNodes(new Map([['a', { x: 30, y: 0 }]]));
    expect(store.getState().backwardRun).not.toBeNull();
    store.getState().updateNode('a', { value: 3 });
    expect(store.getState().backwardRun).toBeNull();
    store.getState().startBackward();
    store.getState().undo();
    expect(store.getState().backwardRun).toBeNull();
  });
});

describe('Step', () => {
  it('walks the pass one node at a time in backward order, each press landing one node', () => {
    const store = createPlaygroundStore(lecture());
    ORDER.forEach((id, i) => {
      store.getState().stepBackward();
      const run = store.getState().backwardRun!;
      expect(run.target, `step ${i + 1} goes up to arrival ${i + 1}`).toBe(i + 1);
      expect(run.delivered).toBe(i);
      expect(accumulatedGrad(store.getState(), id), `${id} before its step`).toBe(0);
      // The animation lands the step and stops there: arrivals past the step are not taken.
      store.getState().deliverArrivals(7);
      expect(store.getState().backwardRun!.delivered).toBe(i + 1);
      expect(accumulatedGrad(store.getState(), id), `${id} after its step`).toBe(LECTURE[id as keyof typeof LECTURE]);
      store.getState().deliverArrivals(7);
      expect(store.getState().backwardRun!.delivered).toBe(i + 1);
    });
    expect(store.getState().backwardRun!.committed).toBe(true);
    expect(store.getState().grads).toMatchObject({ passes: 1, leaves: LEAVES });
  });

  it('pressed while a step is still landing, lands it at once and starts the next', () => {
    const store = createPlaygroundStore(lecture());
    store.getState().stepBackward();
    store.getState().stepBackward();
    expect(store.getState().backwardRun).toMatchObject({ delivered: 1, target: 2 });
    for (let i = 0; i < 6; i++) store.getState().stepBackward();
    // The seventh press queued the last step; the eighth landed it and committed the pass.
    expect(store.getState().backwardRun).toMatchObject({ delivered: 7, committed: true });
    expect(store.getState().grads.passes).toBe(1);
  });

  it('after a finished pass starts the next one from the leaves’ grads (no Zero grad)', () => {
    const store = createPlaygroundStore(lecture());
    store.getState().backward();
    store.getState().stepBackward();
    const run = store.getState().backwardRun!;
    expect(run).toMatchObject({ committed: false, delivered: 0, target: 1, base: LEAVES });
    expect(accumulatedGrad(store.getState(), 'a')).toBe(6);
    expect(accumulatedGrad(store.getState(), 'e')).toBe(0);
    store.getState().finishBackward();
    expect(store.getState().grads).toMatchObject({ passes: 2, leaves: { a: 12, b: -8, c: -4, f: 8 } });
  });

  it('lands both uses of a node used twice (a + a) as one step, one contribution at a time', () => {
    const store = createPlaygroundStore(docOf([val('a', 3), op('s', 'add')], [wire('a', 's', 'a'), wire('a', 's', 'b')]));
    store.getState().stepBackward();
    store.getState().deliverArrivals(1);
    expect(shown(store)).toEqual({ a: 0, s: 1 });
    store.getState().stepBackward();
    expect(store.getState().backwardRun).toMatchObject({ delivered: 1, target: 3 });
    expect(total(store)).toBe(3);
    store.getState().deliverArrivals(2);
    expect(shown(store)).toEqual({ a: 1, s: 1 });
    store.getState().deliverArrivals(3);
    expect(shown(store)).toEqual({ a: 2, s: 1 });
    expect(store.getState().grads.passes).toBe(1);
  });
});

describe('the lecture by hand: Backward, Step leaves, Zero grad, Backward', () => {
  it('moves L from -8.0 to -7.286496 as one undo step, keeps the grads (stale), then recomputes them', () => {
    const store = createPlaygroundStore(lecture());
    const s = () => store.getState();
    const L = () => evaluationOf(s().doc).results.get('L')!.data;
    expect(L()).toBe(-8);
    s().backward();
    expect(gradsAreStale(s())).toBe(false);
    const grads = s().grads;

    const before = s().doc;
    s().applyNudge(nudgeLeaves(s().doc, s().grads.leaves, 0.01, 'ascend'));
    expect(L()).toBeCloseTo(-7.286496, 12);
    expect(s().grads).toBe(grads);
    expect(gradsAreStale(s())).toBe(true);
    expect(undoSteps(store)).toBe(1);

    s().zeroGrad();
    s().backward();
    expect(gradsAreStale(s())).toBe(false);
    // d/da (a*b + c) * f = b*f, and so on, at the stepped values a=2.06, b=-3.04, c=9.98, f=-1.96.
    const g = s().grads.leaves;
    expect(g.a).toBeCloseTo(-3.04 * -1.96, 12);
    expect(g.b).toBeCloseTo(2.06 * -1.96, 12);
    expect(g.c).toBeCloseTo(-1.96, 12);
    expect(g.f).toBeCloseTo(2.06 * -3.04 + 9.98, 12);

    // Undo takes the step back; the grads stay, now describing another graph.
    s().undo();
    expect(s().doc).toBe(before);
    expect(s().grads.passes).toBe(1);
    expect(gradsAreStale(s())).toBe(true);
  });
});
