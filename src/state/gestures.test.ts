import { describe, expect, it } from 'vitest';
import { lecture, val } from '../document/testDocs';
import { createPlaygroundStore } from './store';
import { redoSteps, undoSteps } from './testStores';

/**
 * Gestures as the editor opens them: a node drag (React Flow's drag start/stop), a number scrub
 * (NumberField), the learning-rate slider (pointer down/up) and Tidy's glide.
 */
describe('a gesture', () => {
  it('makes a drag of many frames one undo step, back to where the drag began', () => {
    const store = createPlaygroundStore(lecture());
    const s = () => store.getState();
    const start = s().doc;
    s().beginGesture();
    for (let i = 1; i <= 30; i++) s().moveNodes(new Map([['a', { x: i * 5, y: i * 2 }], ['b', { x: i * 5, y: 100 + i * 2 }]]));
    expect(undoSteps(store)).toBe(0);
    expect(s().gestureStart).toBe(start);
    s().endGesture();
    const dropped = s().doc;
    expect(dropped.nodes.a!.position).toEqual({ x: 150, y: 60 });
    expect(undoSteps(store)).toBe(1);
    expect(s().gestureStart).toBeNull();
    // A move is not a semantic edit: grads computed before the drag are still current.
    expect(s().revision).toBe(0);

    s().undo();
    expect(s().doc).toBe(start);
    s().redo();
    expect(s().doc).toBe(dropped);
  });

  it('makes a scrub one undo step that bumps the revision with each value', () => {
    const store = createPlaygroundStore(lecture());
    const s = () => store.getState();
    const start = s().doc;
    s().beginGesture();
    for (const v of [2.1, 2.4, 3, 3.5]) s().updateNode('a', { value: v });
    s().endGesture();
    expect(s().doc.nodes.a).toMatchObject({ value: 3.5 });
    expect(undoSteps(store)).toBe(1);
    expect(s().revision).toBe(4);
    s().undo();
    expect(s().doc).toBe(start);
  });

  it('makes a slider drag of the learning rate one undo step', () => {
    const store = createPlaygroundStore(lecture());
    const s = () => store.getState();
    s().beginGesture();
    for (const lr of [0.12, 0.2, 0.35]) s().updateSetup({ lr });
    s().endGesture();
    expect(s().doc.training?.lr).toBe(0.35);
    expect(undoSteps(store)).toBe(1);
    s().undo();
    expect(s().doc.training).toBeUndefined();
  });

  it('that changes nothing (a click without a move) makes no undo step', () => {
    const store = createPlaygroundStore(lecture());
    const s = () => store.getState();
    s().beginGesture();
    s().moveNodes(new Map([['a', { x: 0, y: 0 }]]));
    s().endGesture();
    expect(undoSteps(store)).toBe(0);
    // Moving away and back within one drag is no change either.
    s().beginGesture();
    s().moveNodes(new Map([['a', { x: 40, y: 0 }]]));
    const away = s().doc;
    s().moveNodes(new Map([['a', { x: 0, y: 0 }]]));
    s().endGesture();
    expect(s().doc).not.toBe(away);
    expect(undoSteps(store)).toBe(1);
  });

  it('keeps its start when opened twice, and ending one that is not open changes nothing', () => {
    const store = createPlaygroundStore(lecture());
    const s = () => store.getState();
    const start = s().doc;
    s().endGesture();
    expect(s().history.past).toHaveLength(0);
    s().beginGesture();
    s().updateNode('a', { value: 5 });
    s().beginGesture();
    expect(s().gestureStart).toBe(start);
    s().updateNode('a', { value: 6 });
    s().endGesture();
    s().endGesture();
    expect(undoSteps(store)).toBe(1);
    s().undo();
    expect(s().doc).toBe(start);
  });

  it('is closed by undo, which then takes the whole gesture back', () => {
    const store = createPlaygroundStore(lecture());
    const s = () => store.getState();
    s().updateNode('b', { value: 1 });
    const beforeDrag = s().doc;
    s().beginGesture();
    s().moveNodes(new Map([['a', { x: 70, y: 70 }]]));
    s().undo();
    expect(s().gestureStart).toBeNull();
    expect(s().doc).toBe(beforeDrag);
    expect(undoSteps(store)).toBe(1);
    expect(redoSteps(store)).toBe(1);
  });

  it('gathers different edits (Tidy glides, then the person adds a node) into one step', () => {
    const store = createPlaygroundStore(lecture());
    const s = () => store.getState();
    const start = s().doc;
    s().beginGesture();
    s().moveNodes(new Map([['L', { x: 600, y: 0 }]]));
    s().addNodes([val('z', 1)]);
    s().endGesture();
    expect(undoSteps(store)).toBe(1);
    s().undo();
    expect(s().doc).toBe(start);
  });
});
