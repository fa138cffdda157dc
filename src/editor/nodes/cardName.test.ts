import { describe, expect, it } from 'vitest';
import { lecture } from '../../document/testDocs';
import { createPlaygroundStore } from '../../state/store';
import { cardName } from './cardName';

describe('a card as a screen reader names it', () => {
  it("says the label, the op and the lecture's numbers, and follows Backward", () => {
    const store = createPlaygroundStore(lecture());
    const s = () => store.getState();
    expect(cardName(s(), 'd')).toBe('d, add: data 4.0, grad 0.0');
    expect(cardName(s(), 'a')).toBe('a, value: data 2.0, grad 0.0');
    s().backward();
    expect(cardName(s(), 'L')).toBe('L, multiply: data \u22128.0, grad 1.0');
    expect(cardName(s(), 'b')).toBe('b, value: data \u22123.0, grad \u22124.0');
  });

  it('says why a card cannot compute instead of a number', () => {
    const store = createPlaygroundStore(lecture());
    store.getState().removeNodes(['a']);
    expect(cardName(store.getState(), 'e')).toMatch(/^e, multiply: .*input/i);
  });
});
