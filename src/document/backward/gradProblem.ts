import type { NodeError } from '../evaluate';
import type { GraphDoc } from '../types';
import { chainNumber, nodeName } from './chainRule';
import type { Arrival, BackwardSchedule } from './schedule';

/** The largest number a double holds; a grad past it becomes Infinity. */
const LARGEST = 'about 1.8e308';

/**
 * Why a value's grad, after the first `delivered` arrivals of a backward pass, is NaN or
 * ±Infinity although its data is finite, or null when the grad is a number. The culprit is the
 * arrival that first made it so: the node where the gradient broke (a huge local derivative, a
 * product or a sum past the largest number) is marked as the origin; a value that only received
 * an already broken gradient says where it came from. `base` holds the grads leaves kept from
 * earlier passes, as the schedule was built with. Reads the schedule only, so the reason is for
 * the grad the card shows, mid-animation too.
 */
export function whyGradNotFinite(
  doc: GraphDoc,
  schedule: BackwardSchedule,
  key: string,
  delivered = schedule.arrivals.length,
  base: Readonly<Record<string, number>> = {},
): NodeError | null {
  const kept = base[key] ?? 0;
  if (!Number.isFinite(kept)) {
    return { kind: 'grad', origin: false, message: `grad is ${kept}: it kept that from an earlier backward pass (Zero grad clears it)` };
  }
  for (const index of schedule.arrivalsOf.get(key) ?? []) {
    if (index >= delivered) break;
    const arrival = schedule.arrivals[index]!;
    if (!Number.isFinite(arrival.after)) return { kind: 'grad', ...explain(doc, schedule, arrival) };
  }
  return null;
}

/** The lecture's number format, but huge numbers (the interesting ones here) in exponent form. */
function n(x: number): string {
  return Math.abs(x) >= 1e6 && Number.isFinite(x) ? Number(x.toPrecision(4)).toExponential() : chainNumber(x);
}

function explain(doc: GraphDoc, schedule: BackwardSchedule, a: Arrival): { origin: boolean; message: string } {
  const head = `grad is ${a.after}: `;
  const user = a.from === null ? '' : nodeName(doc, schedule, a.from);
  const me = nodeName(doc, schedule, a.node);
  if (!Number.isFinite(a.upstream)) {
    return { origin: false, message: `${head}the gradient coming back from '${user}' is already ${a.upstream}` };
  }
  if (!Number.isFinite(a.local)) {
    const why = Number.isNaN(a.local) ? 'not a number' : 'too large for a number';
    return { origin: true, message: `${head}the local derivative d${user}/d${me} is ${a.local} here, ${why}` };
  }
  if (!Number.isFinite(a.amount)) {
    return { origin: true, message: `${head}local derivative × upstream grad, ${n(a.local)} × ${n(a.upstream)}, is beyond the largest number (${LARGEST})` };
  }
  return { origin: true, message: `${head}adding ${n(a.amount)} to ${n(a.before)} goes beyond the largest number (${LARGEST})` };
}
