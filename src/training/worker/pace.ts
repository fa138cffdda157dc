/**
 * Training at a chosen speed: the worker takes steps only as fast as the learner asked, so the
 * decision boundary can be watched moving one step at a time. Pure functions of the time since
 * the pace started and the steps taken since then, so the pacing is tested without a clock.
 */

/** The speeds the Train panel offers, in steps per second; null is as fast as the machine goes. */
export const SPEEDS: readonly (number | null)[] = [1, 2, 5, 10, 30, 100, null];

/** A speed as the panel prints it. */
export function speedLabel(stepsPerSecond: number | null): string {
  return stepsPerSecond === null ? 'full speed' : `${stepsPerSecond} step${stepsPerSecond === 1 ? '' : 's'}/s`;
}

/**
 * How many steps are due now: at `rate` steps a second, step i (from 0) is due at i / rate
 * seconds, so the first one goes at once. Infinity at full speed (null).
 */
export function stepsDue(rate: number | null, elapsedMs: number, taken: number): number {
  if (rate === null) return Infinity;
  const due = Math.floor((Math.max(0, elapsedMs) * rate) / 1000) + 1;
  return Math.max(0, due - taken);
}

/** Milliseconds until the next step is due (0 at full speed or when one is due already). */
export function msUntilNextStep(rate: number | null, elapsedMs: number, taken: number): number {
  if (rate === null) return 0;
  return Math.max(0, (taken * 1000) / rate - elapsedMs);
}

/**
 * The window the steps-per-second figure is averaged over: half a second at speed, and long
 * enough at a slow pace to hold a few steps, so 1 step/s reads 1 rather than 0, 2, 0, 2.
 */
export function rateWindowMs(rate: number | null): number {
  return rate === null ? 500 : Math.max(500, 3000 / rate);
}

/**
 * Whether the steps-per-second figure is due for a new value. A run's first figure comes as
 * soon as a tenth of a second holds ten steps, so a fast run never shows "0 steps/s" while its
 * counter races; after that the figure follows the averaging window.
 */
export function rateDue(rate: number | null, elapsedMs: number, stepsSince: number, hasFigure: boolean): boolean {
  if (elapsedMs >= rateWindowMs(rate)) return true;
  return !hasFigure && elapsedMs >= 100 && stepsSince >= 10;
}
