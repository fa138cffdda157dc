import type { BackwardSchedule } from '../../document/backward/schedule';
import type { BackwardRun } from '../../state/types';
import type { PulseArrival, ToScene } from './protocol';

/**
 * Landed contributions reach the store (and so the nodes' grads, the panel) at most this often.
 * The pulses and glows keep their own frame rate in the worker. Each store update costs the
 * page one React render, layout, layerization and hover hit test over 300 nodes (≈15–30 ms in
 * headless Chromium); 25 a second, one per landing, kept the main thread busy most of every
 * frame, while 8 a second leaves most frames idle and still reads as live.
 */
const LANDINGS_EVERY_MS = 125;

/** setTimeout and a clock, replaceable in tests. */
export interface Timers {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  now: () => performance.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * The bookkeeping between the store's watched pass and the scene that animates it, which runs
 * on its own clock in a worker. Two directions:
 *
 * - store → scene (`sync`): the schedule once per pass, then what the person asked (target,
 *   pause, speed). When the store's count moves for another reason than the scene's landings
 *   (a new pass, skip, replay, a step finished at once) a new *epoch* starts, and the scene
 *   jumps to the store's count.
 * - scene → store (`landed`): running counts, handed to the store at most every
 *   LANDINGS_EVERY_MS. Counts from an older epoch are stale (they raced a skip or a replay)
 *   and are dropped.
 */
export class LandingRelay {
  private schedule: BackwardSchedule | null = null;
  private scheduleId = 0;
  private epoch = 0;
  /** The furthest landing the scene reported in this epoch (or where the epoch began). */
  private reported = 0;
  /** The store's count at the last sync. */
  private lastDelivered = 0;
  private pending: number | null = null;
  private timer: unknown = null;
  private lastFlush = -Infinity;

  constructor(
    /** Hands landings to the store: the first `count` arrivals are in. */
    private readonly deliver: (count: number) => void,
    private readonly timers: Timers = realTimers,
    private readonly everyMs = LANDINGS_EVERY_MS,
  ) {}

  /** The messages that tell the scene about the store's pass as it is now. */
  sync(run: BackwardRun | null, speed: number): ToScene[] {
    const messages: ToScene[] = [];
    const schedule = run?.schedule ?? null;
    const delivered = run?.delivered ?? 0;
    if (schedule !== this.schedule) {
      this.schedule = schedule;
      if (schedule) messages.push({ type: 'schedule', id: ++this.scheduleId, arrivals: schedule.arrivals.map(pulseOf) });
      this.newEpoch(delivered);
    } else if (delivered < this.lastDelivered || delivered > this.reported) {
      // Replay went back, or skip / a step finished at once went ahead of the animation.
      this.newEpoch(delivered);
    }
    this.lastDelivered = delivered;
    messages.push({
      type: 'run',
      run: {
        schedule: schedule ? this.scheduleId : null,
        epoch: this.epoch,
        delivered,
        target: run?.target ?? 0,
        paused: run?.paused ?? false,
        speed,
      },
    });
    return messages;
  }

  /** The scene says `delivered` arrivals have landed in `epoch`. */
  landed(epoch: number, delivered: number): void {
    if (epoch !== this.epoch) return;
    this.reported = Math.max(this.reported, delivered);
    this.pending = delivered;
    if (this.timer !== null) return;
    const wait = this.everyMs - (this.timers.now() - this.lastFlush);
    if (wait <= 0) this.flush();
    else this.timer = this.timers.setTimeout(() => this.flush(), wait);
  }

  /** Drops what has not been handed over yet (the overlay is going away). */
  dispose(): void {
    this.cancel();
  }

  private flush(): void {
    this.timer = null;
    this.lastFlush = this.timers.now();
    const count = this.pending;
    this.pending = null;
    if (count !== null) this.deliver(count);
  }

  private newEpoch(delivered: number): void {
    this.epoch++;
    this.reported = delivered;
    this.cancel();
  }

  private cancel(): void {
    this.pending = null;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}

/** What the scene needs of an arrival; the output port is the part of its key after the id. */
function pulseOf(a: BackwardSchedule['arrivals'][number]): PulseArrival {
  return { node: a.node, from: a.from, port: a.port, out: a.key === a.node ? 'out' : a.key.slice(a.node.length + 1), amount: a.amount, after: a.after };
}
