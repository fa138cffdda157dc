import { describe, expect, it } from 'vitest';
import { docOf, konst, op, val, wire } from '../document/testDocs';
import { accumulatedGrad, nodeProblem } from './derived';
import { createPlaygroundStore } from './store';

describe('what a card marks as wrong', () => {
  it('marks a grad that overflowed to Infinity with finite data, once backward ran', () => {
    // b = a·1 = 1e-320 is finite; y = log(b) is finite; dy/db = 1/b is not.
    const doc = docOf([val('a', 1e-320), konst('one', 1), op('b', 'mul'), op('y', 'log')], [wire('a', 'b', 'a'), wire('one', 'b', 'b'), wire('b', 'y', 'x')], 'y');
    const store = createPlaygroundStore(doc);
    expect(nodeProblem(store.getState(), 'b'), 'no mark before any pass: the card shows grad 0').toBeNull();

    store.getState().backward();
    const state = store.getState();
    expect(accumulatedGrad(state, 'b')).toBe(Infinity);
    expect(nodeProblem(state, 'b')).toMatchObject({ kind: 'grad', origin: true, message: expect.stringContaining('local derivative dy/db is Infinity') });
    expect(nodeProblem(state, 'a')).toMatchObject({ kind: 'grad', origin: false });
    expect(nodeProblem(state, 'y')).toBeNull();
    // The same object each time, so a card's selector does not re-render for nothing.
    expect(nodeProblem(state, 'b')).toBe(nodeProblem(state, 'b'));

    store.getState().zeroGrad();
    expect(nodeProblem(store.getState(), 'b')).toBeNull();
  });

  it('shows the data error first, as before', () => {
    const doc = docOf([val('a', 1), val('z', 0), op('q', 'div')], [wire('a', 'q', 'a'), wire('z', 'q', 'b')], 'q');
    const store = createPlaygroundStore(doc);
    store.getState().backward();
    expect(nodeProblem(store.getState(), 'q')).toMatchObject({ kind: 'non-finite', message: expect.stringContaining('division by zero') });
  });
});
