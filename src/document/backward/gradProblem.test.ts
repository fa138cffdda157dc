import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate';
import { docOf, konst, op, val, wire } from '../testDocs';
import type { GraphDoc } from '../types';
import { whyGradNotFinite } from './gradProblem';
import { backwardSchedule } from './schedule';

/** The schedule of one pass over `doc`, and the reason for one value's grad. */
function why(doc: GraphDoc, key: string, base: Record<string, number> = {}, delivered?: number) {
  const schedule = backwardSchedule(doc, evaluate(doc), base)!;
  return whyGradNotFinite(doc, schedule, key, delivered ?? schedule.arrivals.length, base);
}

/** a → b = a·1 → y = log(b): b is tiny but finite, so d y/d b = 1/b overflows. */
const tinyLog = () =>
  docOf([val('a', 1e-320), konst('one', 1), op('b', 'mul'), op('y', 'log')], [wire('a', 'b', 'a'), wire('one', 'b', 'b'), wire('b', 'y', 'x')], 'y');

describe('why a grad with finite data is not a number', () => {
  it('marks the node whose local derivative overflowed as the origin', () => {
    const doc = tinyLog();
    expect(evaluate(doc).results.get('b')).toMatchObject({ data: 1e-320, passGrad: Infinity, error: null });
    expect(why(doc, 'b')).toEqual({ kind: 'grad', origin: true, message: 'grad is Infinity: the local derivative dy/db is Infinity here, too large for a number' });
    expect(why(doc, 'y')).toBeNull();
  });

  it('says where an already broken gradient came from', () => {
    expect(why(tinyLog(), 'a')).toEqual({ kind: 'grad', origin: false, message: "grad is Infinity: the gradient coming back from 'b' is already Infinity" });
  });

  it('names a product of finite numbers past the largest number', () => {
    // L = (a·k)·m = 1e10, but dL/da = k·m = 1e300 · 1e10.
    const doc = docOf(
      [val('a', 1e-300), val('k', 1e300), val('m', 1e10), op('y', 'mul'), op('L', 'mul')],
      [wire('a', 'y', 'a'), wire('k', 'y', 'b'), wire('y', 'L', 'a'), wire('m', 'L', 'b')],
      'L',
    );
    expect(why(doc, 'a')?.message).toBe('grad is Infinity: local derivative × upstream grad, 1e+300 × 1e+10, is beyond the largest number (about 1.8e308)');
  });

  it('names a sum of two uses past the largest number', () => {
    // a feeds two products of 1e308; each contribution is a number, their sum is not.
    const doc = docOf(
      [val('a', 1e-300), val('k', 1e308), op('y1', 'mul'), op('y2', 'mul'), op('L', 'add')],
      [wire('a', 'y1', 'a'), wire('k', 'y1', 'b'), wire('a', 'y2', 'a'), wire('k', 'y2', 'b'), wire('y1', 'L', 'a'), wire('y2', 'L', 'b')],
      'L',
    );
    expect(why(doc, 'a')).toMatchObject({ origin: true, message: expect.stringMatching(/^grad is Infinity: adding 1e\+308 to 1e\+308 goes beyond the largest number/) });
  });

  it('follows the pass as it lands, and a grad kept from an earlier pass', () => {
    const doc = tinyLog();
    expect(why(doc, 'b', {}, 0), 'nothing has landed yet').toBeNull();
    expect(why(doc, 'a', { a: Infinity }, 0)).toMatchObject({ origin: false, message: expect.stringContaining('earlier backward pass') });
  });
});
