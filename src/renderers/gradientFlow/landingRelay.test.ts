import { describe, expect, it } from 'vitest';
import { lecture } from '../../document/testDocs';
import { accumulatedGrad } from '../../state/derived';
import { createPlaygroundStore, type PlaygroundStore } from '../../state/store';
import { LandingRelay, type Timers } from './landingRelay';
import { PulseClock } from './pulseClock';

/** A clock and timers the test moves by hand. */
class ManualTimers implements Timers {
  time = 0;
  private queue: { at: number; run: () => void; id: number }[] = [];
  private ids = 0;
  now(): number {
    return this.time;
  }
  setTimeout(run: () => void, ms: number): unknown {
    const id = ++this.ids;
    this.queue.push({ at: this.time + ms, run, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.queue = this.queue.filter((t) => t.id !== handle);
  }
  advance(ms: number): void {
    this.time += ms;
    for (;;) {
      const due = this.queue.filter((t) => t.at <= this.time).sort((a, b) => a.at - b.at)[0];
      if (!due) return;
      this.queue = this.queue.filter((t) => t !== due);
      due.run();
    }
  }
}

/**
 * The main thread's relay and the worker's clock wired together as the overlay wires them, with
 * the real store: messages go through `structuredClone`, as postMessage would copy them.
 */
function rig(store: PlaygroundStore) {
  const timers = new ManualTimers();
  const clock = new PulseClock();
  const relay = new LandingRelay((count) => store.getState().deliverArrivals(count), timers);
  const toScene = () => {
    const s = store.getState();
    for (const m of structuredClone(relay.sync(s.backwardRun, s.backwardSpeed))) {
      if (m.type === 'schedule') clock.setSchedule(m.id, m.arrivals);
      if (m.type === 'run') clock.setRun(m.run);
    }
  };
  toScene();
  store.subscribe((s, prev) => {
    if (s.backwardRun !== prev.backwardRun || s.backwardSpeed !== prev.backwardSpeed) toScene();
  });
  /** One worker frame of `ms`, then the main thread's timers catch up. */
  const frame = (ms = 16) => {
    const epoch = clock.epoch;
    if (clock.advance(ms).length > 0) relay.landed(epoch, clock.delivered);
    timers.advance(ms);
  };
  return { clock, relay, timers, frame };
}

const LECTURE = { L: 1, f: 4, d: -2, e: -2, c: -2, a: 6, b: -4 } as const;

/** The grad each node shows now (in testDocs' lecture, ids are the labels). */
function grads(store: PlaygroundStore): Record<string, number> {
  const s = store.getState();
  return Object.fromEntries(Object.keys(LECTURE).map((id) => [id, accumulatedGrad(s, id)]));
}

describe('LandingRelay with the scene clock and the real store', () => {
  it('plays a whole pass: the store follows the animation and ends with the lecture’s grads', () => {
    const store = createPlaygroundStore(lecture());
    const { frame } = rig(store);
    store.getState().startBackward();
    const total = store.getState().backwardRun!.schedule.arrivals.length;
    const seen: number[] = [];
    store.subscribe((s) => seen.push(s.backwardRun?.delivered ?? -1));
    for (let i = 0; i < 1000 && !store.getState().backwardRun!.committed; i++) frame();
    expect(store.getState().backwardRun!.committed).toBe(true);
    expect(store.getState().grads.passes).toBe(1);
    expect(grads(store)).toEqual(LECTURE);
    // The store moved forward only, in several steps, and ended on the last arrival.
    expect(seen.length).toBeGreaterThan(2);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(seen.at(-1)).toBe(total);
  });

  it('hands landings to the store at most every 125 ms, however fast they land', () => {
    const store = createPlaygroundStore(lecture());
    const { frame, timers } = rig(store);
    store.getState().setBackwardSpeed(8);
    store.getState().startBackward();
    const updates: number[] = [];
    store.subscribe((s, prev) => {
      if (s.backwardRun?.delivered !== prev.backwardRun?.delivered) updates.push(timers.time);
    });
    for (let i = 0; i < 1000 && !store.getState().backwardRun!.committed; i++) frame(5);
    expect(store.getState().backwardRun!.committed).toBe(true);
    for (let i = 1; i < updates.length; i++) expect(updates[i]! - updates[i - 1]!).toBeGreaterThanOrEqual(125);
  });

  it('skip lands everything at once and a late landing from before the skip changes nothing', () => {
    const store = createPlaygroundStore(lecture());
    const { frame, relay, clock } = rig(store);
    store.getState().startBackward();
    frame(400);
    const staleEpoch = clock.epoch;
    store.getState().finishBackward();
    expect(store.getState().backwardRun!.committed).toBe(true);
    expect(grads(store)).toEqual(LECTURE);
    // The worker's report of its old count arrives after the skip: dropped.
    relay.landed(staleEpoch, 2);
    frame(200);
    expect(store.getState().backwardRun!.delivered).toBe(store.getState().backwardRun!.schedule.arrivals.length);
    expect(clock.moving).toBe(false);
  });

  it('replay starts the scene from the first arrival again and adds nothing to the leaves', () => {
    const store = createPlaygroundStore(lecture());
    const { frame, clock, relay, timers } = rig(store);
    store.getState().backward();
    expect(grads(store)).toEqual(LECTURE);
    const staleEpoch = clock.epoch;
    store.getState().replayBackward();
    expect(clock.delivered).toBe(0);
    expect(clock.moving).toBe(true);
    // A count the worker sent before the replay arrives after it: it must not jump the store ahead.
    relay.landed(staleEpoch, 5);
    timers.advance(200);
    expect(store.getState().backwardRun!.delivered).toBe(0);
    for (let i = 0; i < 1000 && clock.moving; i++) frame();
    frame(200);
    expect(store.getState().grads.passes).toBe(1);
    expect(grads(store)).toEqual(LECTURE);
  });

  it('step mode lands one node’s contributions per Step, and a Step during a step finishes it first', () => {
    const store = createPlaygroundStore(lecture());
    const { frame, clock } = rig(store);
    store.getState().stepBackward();
    const run = () => store.getState().backwardRun!;
    const firstTarget = run().target;
    for (let i = 0; i < 200 && clock.moving; i++) frame();
    frame(200);
    expect(run().delivered).toBe(firstTarget);
    // Step again, and again before the second step has landed: the second lands at once.
    store.getState().stepBackward();
    const secondTarget = run().target;
    frame(16);
    store.getState().stepBackward();
    expect(run().delivered).toBeGreaterThanOrEqual(secondTarget);
    expect(clock.delivered).toBe(run().delivered);
    for (let i = 0; i < 200 && clock.moving; i++) frame();
    frame(200);
    expect(run().delivered).toBe(run().target);
  });

  it('pause holds the store where the scene stopped; Zero grad ends the pass in the scene too', () => {
    const store = createPlaygroundStore(lecture());
    const { frame, clock } = rig(store);
    store.getState().startBackward();
    frame(500);
    store.getState().setBackwardPaused(true);
    frame(200);
    const held = store.getState().backwardRun!.delivered;
    for (let i = 0; i < 50; i++) frame();
    expect(store.getState().backwardRun!.delivered).toBe(held);
    expect(clock.moving).toBe(false);
    store.getState().zeroGrad();
    expect(clock.inFlight()).toBeNull();
    expect(Object.values(grads(store)).every((g) => g === 0)).toBe(true);
  });
});
