import { describe, expect, it } from 'vitest';
import { evaluate } from '../document/evaluate';
import { docOf, lecture, op, placed, val, wire } from '../document/testDocs';
import type { GraphDoc } from '../document/types';
import { validateDoc } from '../document/validate';
import { createPlaygroundStore, type PlaygroundStore } from './store';
import { undoSteps } from './testStores';

/** The lecture with a, b and e (e = a*b) selected: the piece these tests copy. */
function storeWithPiece(): PlaygroundStore {
  const store = createPlaygroundStore(lecture());
  store.getState().select(['a', 'b', 'e']);
  return store;
}

/** The nodes and wires `after` has that `before` did not. */
function added(before: GraphDoc, after: GraphDoc) {
  return {
    nodes: Object.values(after.nodes).filter((n) => !before.nodes[n.id]),
    wires: Object.values(after.wires).filter((w) => !before.wires[w.id]),
  };
}

/** The pasted copy of node `label`: same label, a new id. */
function copyOf(before: GraphDoc, after: GraphDoc, label: string): string {
  const found = added(before, after).nodes.filter((n) => n.kind !== 'constant' && n.label === label);
  expect(found, `one pasted copy of ${label}`).toHaveLength(1);
  return found[0]!.id;
}

describe('copy and paste', () => {
  it('adds the piece with fresh ids, its inner wires remapped to the copies, offset and selected', () => {
    const store = storeWithPiece();
    store.getState().copy();
    const before = store.getState().doc;
    store.getState().paste();
    const after = store.getState().doc;

    const { nodes, wires } = added(before, after);
    expect(nodes).toHaveLength(3);
    expect(Object.keys(after.nodes)).toHaveLength(10);
    for (const n of nodes) expect(before.nodes[n.id]).toBeUndefined();
    // Only the wires inside the piece: a->e and b->e, now between the copies.
    const [a, b, e] = ['a', 'b', 'e'].map((l) => copyOf(before, after, l));
    expect(wires.map((w) => [w.source, w.target, w.port]).sort()).toEqual([
      [a, e, 'a'],
      [b, e, 'b'],
    ].sort());
    for (const w of wires) expect(before.wires[w.id]).toBeUndefined();
    expect(after.nodes[a!]!.position).toEqual({ x: before.nodes.a!.position.x + 40, y: before.nodes.a!.position.y + 40 });
    expect(store.getState().selection).toEqual(nodes.map((n) => n.id));
    expect(validateDoc(after)).toEqual([]);
    // The copy computes what the original does, and the original is untouched.
    const ev = evaluate(after);
    expect(ev.results.get(e!)!.data).toBe(-6);
    expect(after.nodes.a).toBe(before.nodes.a);
    expect(Object.values(after.wires).filter((w) => w.target === 'e')).toEqual([before.wires['a->e.a'], before.wires['b->e.b']]);
  });

  it('pastes again a step further on, never reusing an id', () => {
    const store = storeWithPiece();
    store.getState().copy();
    const start = store.getState().doc;
    store.getState().paste();
    const once = store.getState().doc;
    store.getState().paste();
    const twice = store.getState().doc;
    const a1 = copyOf(start, once, 'a');
    const a2 = copyOf(once, twice, 'a');
    expect(a2).not.toBe(a1);
    expect(twice.nodes[a2]!.position).toEqual({ x: 80, y: 80 });
    expect(new Set(Object.keys(twice.nodes)).size).toBe(13);
    expect(Object.keys(twice.wires)).toHaveLength(6 + 2 + 2);
    expect(undoSteps(store)).toBe(2);
  });

  it('pastes at a point with the piece’s top-left node there, and the next paste lands there too', () => {
    const store = createPlaygroundStore(docOf([placed(val('a', 1), 10, 30), placed(op('t', 'tanh'), 200, 20)], [wire('a', 't', 'x')]));
    store.getState().select(['a', 't']);
    store.getState().copy();
    const clip = store.getState().clipboard;
    const start = store.getState().doc;
    store.getState().paste({ x: 500, y: 400 });
    const once = store.getState().doc;
    // The box's top-left (10, 20) goes to (500, 400); each node keeps its place in the box.
    expect(once.nodes[copyOf(start, once, 'a')]!.position).toEqual({ x: 500, y: 410 });
    expect(once.nodes[copyOf(start, once, 't')]!.position).toEqual({ x: 690, y: 400 });
    expect(store.getState().clipboard).toBe(clip);
  });

  it('pastes what was copied, even after the originals changed or went', () => {
    const store = storeWithPiece();
    store.getState().copy();
    store.getState().updateNode('a', { value: 100 });
    store.getState().removeNodes(['a', 'b', 'e']);
    const before = store.getState().doc;
    store.getState().paste();
    const after = store.getState().doc;
    expect(after.nodes[copyOf(before, after, 'a')]).toMatchObject({ kind: 'value', value: 2 });
    expect(evaluate(after).results.get(copyOf(before, after, 'e'))!.data).toBe(-6);
  });

  it('is one undo step, which takes back exactly the paste', () => {
    const store = storeWithPiece();
    store.getState().copy();
    const before = store.getState().doc;
    store.getState().paste();
    expect(undoSteps(store)).toBe(1);
    store.getState().undo();
    expect(store.getState().doc).toBe(before);
    expect(store.getState().selection).toEqual([]);
  });
});

describe('a paste with nothing good to paste', () => {
  it('is refused when nothing was copied, or the clipboard is empty: the document stays', () => {
    const store = storeWithPiece();
    const doc = store.getState().doc;
    store.getState().paste();
    store.getState().paste({ x: 5, y: 5 });
    store.setState({ clipboard: { nodes: [], wires: [] } });
    store.getState().paste();
    expect(store.getState().doc).toBe(doc);
    expect(undoSteps(store)).toBe(0);
    expect(store.getState().selection).toEqual(['a', 'b', 'e']);
  });

  it('keeps the last copy when copy runs with nothing selected', () => {
    const store = storeWithPiece();
    store.getState().copy();
    const clip = store.getState().clipboard;
    store.getState().select([]);
    store.getState().copy();
    expect(store.getState().clipboard).toBe(clip);
  });

  it('drops a wire whose other end is not in the clipboard, so the document stays sound', () => {
    const store = createPlaygroundStore(lecture());
    // A clipboard holding e and a wire from b, which it does not hold.
    store.setState({ clipboard: { nodes: [op('e', 'mul')], wires: [wire('b', 'e', 'b')] } });
    const before = store.getState().doc;
    store.getState().paste();
    const { nodes, wires } = added(before, store.getState().doc);
    expect(nodes).toHaveLength(1);
    expect(wires).toEqual([]);
    expect(validateDoc(store.getState().doc)).toEqual([]);
  });
});

describe('cut and duplicate', () => {
  it('cut copies and deletes in one undo step; pasting brings the piece back with new ids', () => {
    const store = storeWithPiece();
    const start = store.getState().doc;
    store.getState().cut();
    const cut = store.getState().doc;
    expect(Object.keys(cut.nodes).sort()).toEqual(['L', 'c', 'd', 'f']);
    expect(Object.keys(cut.wires).sort()).toEqual(['c->d.b', 'd->L.a', 'f->L.b']);
    expect(store.getState().selection).toEqual([]);
    expect(undoSteps(store)).toBe(1);
    store.getState().paste();
    expect(added(cut, store.getState().doc).nodes).toHaveLength(3);
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().doc).toBe(start);
  });

  it('duplicate copies the selection beside itself and leaves the clipboard alone', () => {
    const store = storeWithPiece();
    const before = store.getState().doc;
    store.getState().duplicate();
    const after = store.getState().doc;
    expect(store.getState().clipboard).toBeNull();
    const e = copyOf(before, after, 'e');
    expect(after.nodes[e]!.position).toEqual({ x: 40, y: 40 });
    expect(added(before, after).wires.every((w) => w.target === e)).toBe(true);
    expect(added(before, after).wires).toHaveLength(2);
    expect(store.getState().selection).toHaveLength(3);
    expect(undoSteps(store)).toBe(1);
  });
});
