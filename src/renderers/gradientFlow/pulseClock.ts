import type { PulseArrival, RunControl } from './protocol';

/** Milliseconds a contribution takes to travel one wire at speed 1. */
export const PULSE_MS = 650;
/** The output's seed (dL/dL = 1) only flashes. */
export const SEED_MS = 350;
/**
 * A pass with hundreds of contributions would take minutes at one per 650 ms; past a couple
 * of dozen, pulses speed up so a whole pass takes about this long at speed 1.
 */
export const LONG_PASS_MS = 12_000;

/**
 * The watched pass's clock, kept where the animation runs: which arrival is travelling, how
 * far along its wire, and which ones land during a frame. No drawing and no messaging, so
 * tests drive it with made-up frame times.
 */
export class PulseClock {
  private arrivals: readonly PulseArrival[] = [];
  private scheduleId: number | null = null;
  private control: RunControl | null = null;
  /** Arrivals landed so far. */
  private cursor = 0;
  /** Speed-scaled milliseconds the arrival in flight has travelled (ms, not a fraction: exact sums). */
  private elapsed = 0;

  setSchedule(id: number, arrivals: readonly PulseArrival[]): void {
    this.scheduleId = id;
    this.arrivals = arrivals;
  }

  /** The host's wishes; a new epoch moves the cursor to the host's count. */
  setRun(control: RunControl): void {
    if (!this.control || control.epoch !== this.control.epoch) {
      this.cursor = control.delivered;
      this.elapsed = 0;
    }
    this.control = control;
  }

  get epoch(): number {
    return this.control?.epoch ?? -1;
  }

  get delivered(): number {
    return this.cursor;
  }

  /** True while a contribution should be moving: the ticker keeps running. */
  get moving(): boolean {
    return this.pending && !this.control!.paused;
  }

  /** The arrival in flight (moving or paused) and how far it has come, or null. */
  inFlight(): { arrival: PulseArrival; t: number } | null {
    if (!this.pending) return null;
    const arrival = this.arrivals[this.cursor];
    return arrival ? { arrival, t: Math.min(1, this.elapsed / this.durationOf(arrival)) } : null;
  }

  /**
   * Moves time on by `deltaMs` and returns the indexes of the arrivals that landed, in order.
   * Several can land in one frame when pulses are shorter than a frame (long passes, speed 8).
   * With reduced motion each arrival lands on the frame after the previous one, without travel.
   */
  advance(deltaMs: number, reducedMotion = false): number[] {
    const landed: number[] = [];
    if (!this.moving) return landed;
    let budget = deltaMs * this.control!.speed;
    while (this.pending) {
      const arrival = this.arrivals[this.cursor]!;
      if (reducedMotion) {
        landed.push(this.cursor++);
        this.elapsed = 0;
        break;
      }
      const needed = this.durationOf(arrival) - this.elapsed;
      if (budget < needed) {
        this.elapsed += budget;
        break;
      }
      budget -= needed;
      landed.push(this.cursor++);
      this.elapsed = 0;
    }
    return landed;
  }

  /** The arrival at `index`, for drawing the node it lit up. */
  arrival(index: number): PulseArrival | undefined {
    return this.arrivals[index];
  }

  private get pending(): boolean {
    const c = this.control;
    return !!c && c.schedule === this.scheduleId && this.cursor < Math.min(c.target, this.arrivals.length);
  }

  private durationOf(arrival: PulseArrival): number {
    const perArrival = Math.min(PULSE_MS, Math.max(40, LONG_PASS_MS / this.arrivals.length));
    return arrival.from === null ? Math.min(SEED_MS, perArrival) : perArrival;
  }
}
