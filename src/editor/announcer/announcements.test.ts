import { describe, expect, it } from 'vitest';
import { lecture } from '../../document/testDocs';
import { createPlaygroundStore } from '../../state/store';
import { backwardDone, outputChange, stepSentence } from './announcements';

describe('screen-reader announcements', () => {
  it("says the output's new value after an edit that changes it, and nothing after one that does not", () => {
    const store = createPlaygroundStore(lecture());
    const before = store.getState().doc;
    store.getState().updateNode('a', { value: 3 });
    // L = (3·−3 + 10)·−2 = −2, with a true minus sign.
    expect(outputChange(before, store.getState().doc)).toBe('L is now \u22122.0');
    const moved = store.getState().doc;
    store.getState().updateNode('a', { position: { x: 40, y: 40 } });
    expect(outputChange(moved, store.getState().doc)).toBeNull();
  });

  it("reads the output's and the leaves' grads after Backward", () => {
    const store = createPlaygroundStore(lecture());
    store.getState().backward();
    const s = store.getState();
    expect(backwardDone(s.doc, s.grads)).toBe('Backward done: L.grad 1.0; a.grad 6.0, b.grad \u22124.0, c.grad \u22122.0, f.grad 4.0');
  });

  it('reads the chain rule of each step Step asks for, and nothing when a pass plays or a landing arrives', () => {
    const store = createPlaygroundStore(lecture());
    store.getState().stepBackward();
    const first = store.getState().backwardRun!;
    expect(stepSentence(store.getState().doc, first, null)).toBe('Step 1 of 7: dL/dL = 1.0');
    store.getState().stepBackward();
    const second = store.getState().backwardRun!;
    expect(stepSentence(store.getState().doc, second, first)).toMatch(/^Step 2 of 7: dL\/df = /);
    store.getState().deliverArrivals(2);
    expect(stepSentence(store.getState().doc, store.getState().backwardRun, second)).toBeNull();
    store.getState().zeroGrad();
    store.getState().startBackward();
    expect(stepSentence(store.getState().doc, store.getState().backwardRun, null)).toBeNull();
  });
});
