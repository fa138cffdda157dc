import { describe, expect, it } from 'vitest';
import { lecture } from '../document/testDocs';
import { endKeyMove, nudgeSelection } from './keyMoves';
import { createPlaygroundStore } from './store';
import { undoSteps } from './testStores';

/** Shift+Arrow as the editor sends it: a press, then the key's repeats while held, then key up. */
describe('moving nodes with keys', () => {
  it('makes separate presses separate undo steps', () => {
    const store = createPlaygroundStore(lecture());
    const s = () => store.getState();
    const start = s().doc.nodes.a!.position;
    s().select(['a']);
    for (let i = 0; i < 3; i++) {
      nudgeSelection(store, { x: 10, y: 0 }, false);
      endKeyMove(store);
    }
    expect(s().doc.nodes.a!.position).toEqual({ x: start.x + 30, y: start.y });
    expect(undoSteps(store)).toBe(3);
    s().undo();
    expect(s().doc.nodes.a!.position).toEqual({ x: start.x + 20, y: start.y });
  });

  it('makes a held key one undo step, back to where the press began', () => {
    const store = createPlaygroundStore(lecture());
    const s = () => store.getState();
    const before = s().doc;
    s().select(['a', 'b']);
    nudgeSelection(store, { x: 0, y: 10 }, false);
    for (let i = 0; i < 9; i++) nudgeSelection(store, { x: 0, y: 10 }, true);
    expect(undoSteps(store)).toBe(0);
    endKeyMove(store);
    expect(s().doc.nodes.b!.position.y).toBe(before.nodes.b!.position.y + 100);
    expect(undoSteps(store)).toBe(1);
    // A move is not a semantic edit: grads stay current.
    expect(s().revision).toBe(0);
    s().undo();
    expect(s().doc).toBe(before);
  });

  it('starts a new step for a press that follows a held key without a key up', () => {
    const store = createPlaygroundStore(lecture());
    const s = () => store.getState();
    s().select(['a']);
    nudgeSelection(store, { x: 1, y: 0 }, false);
    nudgeSelection(store, { x: 1, y: 0 }, true);
    nudgeSelection(store, { x: 1, y: 0 }, false);
    endKeyMove(store);
    expect(undoSteps(store)).toBe(2);
  });

  it('moves nothing and records nothing without a selection', () => {
    const store = createPlaygroundStore(lecture());
    expect(nudgeSelection(store, { x: 10, y: 0 }, false)).toBe(false);
    endKeyMove(store);
    expect(undoSteps(store)).toBe(0);
    expect(store.getState().gestureStart).toBeNull();
  });

  it('joins a drag already open instead of ending it', () => {
    const store = createPlaygroundStore(lecture());
    const s = () => store.getState();
    s().select(['a']);
    s().beginGesture();
    s().moveNodes(new Map([['a', { x: 500, y: 500 }]]));
    nudgeSelection(store, { x: 10, y: 0 }, false);
    endKeyMove(store);
    expect(s().gestureStart).not.toBeNull();
    s().endGesture();
    expect(undoSteps(store)).toBe(1);
  });
});
