import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PulseArrival, RunControl } from './protocol';
import { LONG_PASS_MS, PULSE_MS, PulseClock, SEED_MS } from './pulseClock';

function arrivals(n: number): PulseArrival[] {
  return Array.from({ length: n }, (_, i) => ({ node: `n${i}`, from: i === 0 ? null : `u${i}`, port: i === 0 ? null : 'a', out: 'out', amount: i, after: i }));
}

function control(over: Partial<RunControl> = {}): RunControl {
  return { schedule: 1, epoch: 1, delivered: 0, target: 0, paused: false, speed: 1, ...over };
}

describe('PulseClock', () => {
  it('lands the seed after SEED_MS and each wire after PULSE_MS on a short pass', () => {
    const clock = new PulseClock();
    clock.setSchedule(1, arrivals(3));
    clock.setRun(control({ target: 3 }));
    expect(clock.advance(SEED_MS - 1)).toEqual([]);
    expect(clock.inFlight()?.arrival.node).toBe('n0');
    expect(clock.advance(1)).toEqual([0]);
    expect(clock.advance(PULSE_MS / 2)).toEqual([]);
    expect(clock.inFlight()?.t).toBeCloseTo(0.5, 12);
    expect(clock.advance(PULSE_MS / 2 + PULSE_MS)).toEqual([1, 2]);
    expect(clock.moving).toBe(false);
    expect(clock.delivered).toBe(3);
    expect(clock.inFlight()).toBeNull();
  });

  it('plays a long pass in about LONG_PASS_MS, landing several arrivals in one long frame', () => {
    const clock = new PulseClock();
    clock.setSchedule(1, arrivals(300));
    clock.setRun(control({ target: 300 }));
    let elapsed = 0;
    let most = 0;
    while (clock.moving) {
      most = Math.max(most, clock.advance(50).length);
      elapsed += 50;
    }
    expect(clock.delivered).toBe(300);
    expect(elapsed).toBeGreaterThanOrEqual(LONG_PASS_MS - 50);
    expect(elapsed).toBeLessThanOrEqual(LONG_PASS_MS + 50);
    expect(most).toBeGreaterThan(1);
  });

  it('stops at the target (step mode), holds still while paused and runs faster with speed', () => {
    const clock = new PulseClock();
    clock.setSchedule(1, arrivals(5));
    clock.setRun(control({ target: 2 }));
    expect(clock.advance(10_000)).toEqual([0, 1]);
    expect(clock.moving).toBe(false);
    clock.setRun(control({ target: 5, delivered: 2, paused: true }));
    // Same epoch: the clock keeps its own cursor and does not move while paused.
    expect(clock.advance(10_000)).toEqual([]);
    expect(clock.inFlight()?.arrival.node).toBe('n2');
    clock.setRun(control({ target: 5, delivered: 2, speed: 2 }));
    expect(clock.advance(PULSE_MS / 2)).toEqual([2]);
  });

  it('jumps to the host count on a new epoch (replay, skip) and ignores runs of another schedule', () => {
    const clock = new PulseClock();
    clock.setSchedule(1, arrivals(4));
    clock.setRun(control({ target: 4 }));
    clock.advance(10_000);
    expect(clock.delivered).toBe(4);
    clock.setRun(control({ epoch: 2, delivered: 0, target: 4 }));
    expect(clock.delivered).toBe(0);
    expect(clock.moving).toBe(true);
    clock.setRun(control({ epoch: 3, schedule: 7, delivered: 0, target: 4 }));
    expect(clock.moving).toBe(false);
    expect(clock.advance(10_000)).toEqual([]);
  });

  it('lands every arrival exactly once, in order, whatever the frame times (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 80 }), fc.array(fc.double({ min: 0, max: 200, noNaN: true }), { minLength: 1, maxLength: 400 }), (n, frames) => {
        const clock = new PulseClock();
        clock.setSchedule(1, arrivals(n));
        clock.setRun(control({ target: n }));
        const landed: number[] = [];
        for (const dt of frames) landed.push(...clock.advance(dt));
        landed.push(...clock.advance(1e9));
        expect(landed).toEqual(Array.from({ length: n }, (_, i) => i));
      }),
    );
  });
});
