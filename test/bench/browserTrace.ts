import type { Page } from '@playwright/test';

/**
 * Reading Chromium's renderer main thread from outside the app: DevTools traces of its tasks,
 * and frame times counted in the page with requestAnimationFrame. Shared by the browser bench's
 * groups.
 */

/** Enough to see every thread's tasks; heavier categories slow the very thread being measured. */
export const LIGHT_CATEGORIES = 'toplevel,devtools.timeline';
/** Adds the events that show a worker pushing canvas frames (for counting them, not for timing the page). */
export const FRAME_CATEGORIES = 'toplevel,devtools.timeline,blink,cc,gpu';

/** One event of a Chromium trace, as far as the bench reads it. */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  /** Microseconds. */
  ts: number;
  dur?: number;
  args?: { name?: string };
}

/** A finished trace: every event, and the top-level tasks of the page's renderer main thread. */
export interface MainThreadTrace {
  events: TraceEvent[];
  /** Sorted by start; `ts` and `dur` in microseconds. */
  tasks: TraceEvent[];
}

/** Traces the browser while `during` runs, then picks out the page's renderer main thread. */
export async function traceMainThread<T>(page: Page, categories: string, during: () => Promise<T>): Promise<{ trace: MainThreadTrace; result: T }> {
  const cdp = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  cdp.on('Tracing.dataCollected', (e: { value: object[] }) => chunks.push(...e.value.map((v) => JSON.stringify(v))));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  let result: T;
  try {
    result = await during();
  } finally {
    await cdp.send('Tracing.end');
    await done;
    await cdp.detach();
  }
  const events = chunks.map((c) => JSON.parse(c) as TraceEvent);
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const tasks = events.filter((e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && mains.has(`${e.pid}:${e.tid}`) && e.dur);
  // The page's renderer is the busiest main thread in the trace.
  const busyBy = new Map<string, number>();
  for (const t of tasks) busyBy.set(`${t.pid}:${t.tid}`, (busyBy.get(`${t.pid}:${t.tid}`) ?? 0) + t.dur!);
  const main = [...busyBy].sort((a, b) => b[1] - a[1])[0]?.[0];
  const ours = tasks.filter((t) => `${t.pid}:${t.tid}` === main).sort((a, b) => a.ts - b.ts);
  return { trace: { events, tasks: ours }, result };
}

/** The `q` quantile (0..1) of `values` (nearest rank; NaN when empty). */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? NaN;
}

/** The interval at which half of the summed time lies in intervals at most that long. */
function medianOverTime(gaps: readonly number[]): number {
  const sorted = [...gaps].sort((a, b) => a - b);
  const half = sorted.reduce((a, b) => a + b, 0) / 2;
  let sum = 0;
  for (const g of sorted) {
    sum += g;
    if (sum >= half) return g;
  }
  return NaN;
}

/** What a window of frames cost. */
export interface FrameCost {
  frames: number;
  medianFrame: number;
  p95Frame: number;
  /**
   * The frame interval the page spends half its time in frames at most this long: unlike the
   * plain median, one 2 s freeze among ten quick frames counts for its 2 s.
   */
  frameOverTime: number;
  /** Frames painted per second over the window. */
  fps: number;
  /** Main-thread busy ms per 16.7 ms slot: median, 95th percentile and mean over the window. */
  busyMedian: number;
  busyP95: number;
  busyMean: number;
  /** Longest main-thread task in the window, ms. */
  longestTask: number;
  /** Canvas frames pushed by the busiest worker that pushed any (the gradient-flow overlay). */
  workerFrames: number;
}

/** Main-thread busy ms in each 60 Hz slot of a window of `ms`, each task spread over the slots it covers. */
function busySlots(tasks: readonly TraceEvent[], ms: number): number[] {
  const start = Math.min(...tasks.map((t) => t.ts));
  const slotUs = 1e6 / 60;
  const slots = new Array<number>(Math.max(1, Math.ceil((ms * 1000) / slotUs))).fill(0);
  for (const t of tasks) {
    let from = t.ts - start;
    const to = from + t.dur!;
    while (from < to) {
      let i = Math.floor(from / slotUs);
      // Rounding can put `from` on the next slot's boundary: step on, or this never ends.
      if ((i + 1) * slotUs <= from) i++;
      const end = Math.min(to, (i + 1) * slotUs);
      if (i < slots.length) slots[i]! += (end - from) / 1000;
      from = end;
    }
  }
  return slots;
}

/** Canvas frames the busiest drawing worker pushed to the compositor (needs FRAME_CATEGORIES). */
function workerFramesIn(events: readonly TraceEvent[]): number {
  const names = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? '']));
  let most = 0;
  for (const [thread, name] of names) {
    if (name !== 'DedicatedWorker thread') continue;
    const pushed = events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === thread && e.name === 'WebGLRenderingContextBase::GetResourceForPushFrame').length;
    most = Math.max(most, pushed);
  }
  return most;
}

/**
 * Traces the page for `ms` while `drive` (if any) works the mouse, and sums the renderer main
 * thread's top-level tasks into 60 Hz slots: the median slot is the "main-thread time per
 * frame" the issues ask about. Painted frames are counted in the page with requestAnimationFrame.
 */
export async function mainThreadPerFrame(page: Page, ms: number, categories = LIGHT_CATEGORIES, drive?: () => Promise<void>): Promise<FrameCost> {
  const { trace, result: frames } = await traceMainThread(page, categories, async () => {
    // A string, not a function: tsx would wrap a function's inner helpers in its own __name().
    const counted = page.evaluate<number[]>(`new Promise((resolve) => {
      const stamps = [];
      const start = performance.now();
      function tick(t) {
        stamps.push(t);
        if (t - start < ${ms}) requestAnimationFrame(tick);
        else resolve(stamps);
      }
      requestAnimationFrame(tick);
    })`);
    if (drive) await drive();
    return counted;
  });
  const slots = busySlots(trace.tasks, ms);
  const gaps = frames.slice(1).map((t, i) => t - frames[i]!);
  return {
    frames: gaps.length,
    medianFrame: quantile(gaps, 0.5),
    p95Frame: quantile(gaps, 0.95),
    frameOverTime: medianOverTime(gaps),
    fps: gaps.length / ((frames[frames.length - 1]! - frames[0]!) / 1000),
    busyMedian: quantile(slots, 0.5),
    busyP95: quantile(slots, 0.95),
    busyMean: slots.reduce((a, b) => a + b, 0) / slots.length,
    longestTask: Math.max(0, ...trace.tasks.map((t) => t.dur! / 1000)),
    workerFrames: workerFramesIn(trace.events),
  };
}

/**
 * How the bench's pages are opened. The built app's Content-Security-Policy forbids eval, and
 * Playwright runs a string predicate (the bench passes strings, since tsx's compiled functions
 * carry helpers the page lacks) through eval; bypassing the policy lets those probes run. The
 * app's own scripts are the same either way: the policy only ever refuses, it never changes code.
 */
export const BENCH_PAGE = { bypassCSP: true } as const;
