import { describe, expect, it } from 'vitest';
import {
  addNodes,
  cloneFragment,
  connect,
  extractFragment,
  moveNodes,
  removeNodes,
  removeWires,
  setOutput,
  updateNode,
  type Fragment,
} from './edit';
import { createConstant } from './kinds/constant';
import { createOp } from './kinds/op';
import { createValue } from './kinds/value';
import { docOf, konst, op, placed, val, wire } from './testDocs';
import { EMPTY_DOC, type GraphDoc } from './types';
import { validateDoc } from './validate';

/** The lecture's L = (a*b + c) * f, laid out left to right, with L marked as output. */
function lecture(): GraphDoc {
  return docOf(
    [
      placed(val('a', 2), 0, 0),
      placed(val('b', -3), 0, 100),
      placed(val('c', 10), 0, 200),
      placed(val('f', -2), 0, 300),
      placed(op('e', 'mul'), 200, 50),
      placed(op('d', 'add'), 400, 100),
      placed(op('L', 'mul'), 600, 200),
    ],
    [wire('a', 'e', 'a'), wire('b', 'e', 'b'), wire('e', 'd', 'a'), wire('c', 'd', 'b'), wire('d', 'L', 'a'), wire('f', 'L', 'b')],
    'L',
  );
}

/** Every node object of `before` that is still in `after` and not in `changed` is the same object. */
function expectShared(before: GraphDoc, after: GraphDoc, changed: readonly string[] = []): void {
  for (const [id, node] of Object.entries(after.nodes)) {
    if (before.nodes[id] && !changed.includes(id)) expect(node, id).toBe(before.nodes[id]);
  }
  for (const [id, w] of Object.entries(after.wires)) {
    if (before.wires[id]) expect(w, id).toBe(before.wires[id]);
  }
}

/** Deep-frozen, so an edit that mutated its input would throw. */
function frozen(doc: GraphDoc): GraphDoc {
  for (const n of Object.values(doc.nodes)) Object.freeze(Object.freeze(n).position);
  for (const w of Object.values(doc.wires)) Object.freeze(w);
  Object.freeze(doc.nodes);
  Object.freeze(doc.wires);
  return Object.freeze(doc);
}

describe('factories', () => {
  it('make nodes with fresh ids and the op default parameter', () => {
    const a = createValue({ x: 1, y: 2 }, 3, 'a');
    expect(a).toMatchObject({ kind: 'value', position: { x: 1, y: 2 }, value: 3, label: 'a' });
    expect(createValue({ x: 0, y: 0 }).id).not.toBe(a.id);
    expect(createConstant({ x: 0, y: 0 }, 7)).toMatchObject({ kind: 'constant', value: 7 });
    expect(createOp('pow', { x: 0, y: 0 })).toMatchObject({ kind: 'op', op: 'pow', param: 2, label: '' });
    expect(createOp('add', { x: 0, y: 0 })).not.toHaveProperty('param');
  });
});

describe('addNodes', () => {
  it('adds nodes and the wires among them, sharing the rest', () => {
    const doc = frozen(lecture());
    const t = op('t', 'tanh');
    const next = addNodes(doc, [t], [wire('L', 't', 'x')]);
    expect(next).not.toBe(doc);
    expect(next.nodes.t).toBe(t);
    expect(next.wires['L->t.x']).toEqual(wire('L', 't', 'x'));
    expect(Object.keys(next.nodes)).toHaveLength(8);
    expect(Object.keys(doc.nodes)).toHaveLength(7);
    expect(next.output).toBe('L');
    expectShared(doc, next);
    expect(validateDoc(next)).toEqual([]);
  });

  it('works on the empty document', () => {
    const a = val('a', 1);
    const next = addNodes(EMPTY_DOC, [a]);
    expect(next).toEqual({ nodes: { a }, wires: {}, output: null });
    expect(EMPTY_DOC).toEqual({ nodes: {}, wires: {}, output: null });
  });
});

describe('removeNodes', () => {
  it('removes the nodes and every wire touching them', () => {
    const doc = frozen(lecture());
    const next = removeNodes(doc, ['e']);
    expect(Object.keys(next.nodes).sort()).toEqual(['L', 'a', 'b', 'c', 'd', 'f']);
    expect(Object.keys(next.wires).sort()).toEqual(['c->d.b', 'd->L.a', 'f->L.b']);
    expect(next.output).toBe('L');
    expectShared(doc, next);
    expect(validateDoc(next)).toEqual([]);
  });

  it('clears the output when the output node goes', () => {
    const next = removeNodes(lecture(), ['L', 'f']);
    expect(next.output).toBeNull();
    expect(next.nodes.L).toBeUndefined();
    expect(Object.values(next.wires).some((w) => w.source === 'd' || w.source === 'f')).toBe(false);
  });

  it('returns the same document when nothing is removed', () => {
    const doc = lecture();
    expect(removeNodes(doc, [])).toBe(doc);
  });

  it('ignores unknown ids', () => {
    const next = removeNodes(lecture(), ['nope']);
    expect(next).toEqual(lecture());
  });
});

describe('removeWires', () => {
  it('removes wires by id and leaves the nodes', () => {
    const doc = frozen(lecture());
    const next = removeWires(doc, ['d->L.a', 'a->e.a']);
    expect(Object.keys(next.wires).sort()).toEqual(['b->e.b', 'c->d.b', 'e->d.a', 'f->L.b']);
    expect(next.nodes).toBe(doc.nodes);
    expectShared(doc, next);
  });

  it('returns the same document when no wire matched', () => {
    const doc = lecture();
    expect(removeWires(doc, ['nope'])).toBe(doc);
    expect(removeWires(doc, [])).toBe(doc);
  });
});

describe('connect', () => {
  it('adds a wire into a free port', () => {
    const doc = frozen(docOf([val('a', 1), op('t', 'tanh')]));
    const out = connect(doc, { source: 'a', target: 't', port: 'x' });
    if (!('doc' in out)) throw new Error(out.reason);
    const wires = Object.values(out.doc.wires);
    expect(wires).toEqual([{ id: expect.any(String), source: 'a', target: 't', port: 'x' }]);
    expect(out.doc.wires[wires[0]!.id]).toBe(wires[0]);
    expect(out.doc.nodes).toBe(doc.nodes);
  });

  it('replaces the wire already in the port: one wire per input port', () => {
    const doc = frozen(lecture());
    const out = connect(doc, { source: 'f', target: 'e', port: 'a' });
    if (!('doc' in out)) throw new Error(out.reason);
    const intoEa = Object.values(out.doc.wires).filter((w) => w.target === 'e' && w.port === 'a');
    expect(intoEa).toHaveLength(1);
    expect(intoEa[0]!.source).toBe('f');
    expect(out.doc.wires['a->e.a']).toBeUndefined();
    expect(Object.keys(out.doc.wires)).toHaveLength(6);
    expect(validateDoc(out.doc)).toEqual([]);
    expectShared(doc, out.doc);
  });

  it('refuses a cycle with the reason and leaves the document unchanged', () => {
    const doc = frozen(lecture());
    const snapshot = structuredClone(doc);
    const out = connect(doc, { source: 'L', target: 'e', port: 'b' });
    expect(out).toEqual({ reason: expect.stringMatching(/cycle/) });
    expect(doc).toEqual(snapshot);
    expect(connect(doc, { source: 'e', target: 'e', port: 'a' })).toEqual({ reason: expect.stringMatching(/cycle/) });
  });

  it('refuses unknown ports and missing nodes', () => {
    const doc = lecture();
    expect(connect(doc, { source: 'a', target: 'L', port: 'x' })).toEqual({ reason: expect.stringMatching(/no input 'x'/) });
    expect(connect(doc, { source: 'ghost', target: 'L', port: 'a' })).toEqual({ reason: expect.any(String) });
  });
});

describe('updateNode', () => {
  it('changes fields of one node, sharing the others', () => {
    const doc = frozen(lecture());
    const next = updateNode(doc, 'a', { value: 5, label: 'alpha' });
    expect(next.nodes.a).toEqual({ ...doc.nodes.a, value: 5, label: 'alpha' });
    expect(doc.nodes.a).toMatchObject({ value: 2, label: 'a' });
    expect(next.wires).toBe(doc.wires);
    expect(next.output).toBe('L');
    expectShared(doc, next, ['a']);
  });

  it('changes an op parameter', () => {
    const doc = docOf([op('p', 'pow', 2)]);
    expect(updateNode(doc, 'p', { param: 3 }).nodes.p).toMatchObject({ op: 'pow', param: 3 });
  });

  it('leaves the document as is for an unknown id', () => {
    const doc = lecture();
    expect(updateNode(doc, 'nope', { value: 1 })).toBe(doc);
  });

  it('returns the same document when the patch changes nothing', () => {
    const doc = lecture();
    expect(updateNode(doc, 'a', { value: 2, label: 'a' })).toBe(doc);
    expect(updateNode(doc, 'a', {})).toBe(doc);
  });

  it('ignores fields the node kind does not have', () => {
    const doc = docOf([val('a', 1), konst('k', 3), op('t', 'tanh')]);
    expect(updateNode(doc, 'a', { param: 3 })).toBe(doc);
    expect(updateNode(doc, 'k', { label: 'k' })).toBe(doc);
    expect(updateNode(doc, 't', { value: 5 })).toBe(doc);
    const next = updateNode(doc, 'k', { value: 4, label: 'k' });
    expect(next.nodes.k).toEqual({ id: 'k', kind: 'constant', position: { x: 0, y: 0 }, value: 4 });
  });
});

describe('moveNodes', () => {
  it('moves the given nodes only', () => {
    const doc = frozen(lecture());
    const next = moveNodes(
      doc,
      new Map([
        ['a', { x: 10, y: 20 }],
        ['L', { x: 700, y: 200 }],
        ['nope', { x: 1, y: 1 }],
      ]),
    );
    expect(next.nodes.a!.position).toEqual({ x: 10, y: 20 });
    expect(next.nodes.L!.position).toEqual({ x: 700, y: 200 });
    expect(next.nodes.nope).toBeUndefined();
    expect(doc.nodes.a!.position).toEqual({ x: 0, y: 0 });
    expect(next.wires).toBe(doc.wires);
    expectShared(doc, next, ['a', 'L']);
  });

  it('returns the same document when nothing moved', () => {
    const doc = lecture();
    expect(moveNodes(doc, new Map())).toBe(doc);
    expect(moveNodes(doc, new Map([['a', { x: 0, y: 0 }]]))).toBe(doc);
    expect(moveNodes(doc, new Map([['nope', { x: 5, y: 5 }]]))).toBe(doc);
  });
});

describe('setOutput', () => {
  it('marks an existing node and clears for null or an unknown id', () => {
    const doc = frozen(lecture());
    const next = setOutput(doc, 'd');
    expect(next.output).toBe('d');
    expect(next.nodes).toBe(doc.nodes);
    expect(next.wires).toBe(doc.wires);
    expect(doc.output).toBe('L');
    expect(setOutput(doc, null).output).toBeNull();
    expect(setOutput(doc, 'nope').output).toBeNull();
  });
});

describe('extractFragment and cloneFragment', () => {
  it('extract the selected nodes and only the wires between them', () => {
    const doc = lecture();
    const fragment = extractFragment(doc, ['a', 'b', 'e', 'd', 'nope']);
    expect(fragment.nodes.map((n) => n.id)).toEqual(['a', 'b', 'e', 'd']);
    expect(fragment.nodes[0]).toBe(doc.nodes.a);
    expect(fragment.wires.map((w) => w.id).sort()).toEqual(['a->e.a', 'b->e.b', 'e->d.a']);
  });

  it('clone with fresh ids, remapped internal wires and offset positions', () => {
    const doc = lecture();
    const fragment = extractFragment(doc, ['a', 'b', 'e', 'd']);
    const copy = cloneFragment(fragment, { x: 30, y: -10 });
    const oldIds = new Set([...Object.keys(doc.nodes), ...Object.keys(doc.wires)]);
    expect(copy.nodes).toHaveLength(4);
    expect(copy.wires).toHaveLength(3);
    for (const n of [...copy.nodes, ...copy.wires]) expect(oldIds.has(n.id)).toBe(false);
    expect(new Set(copy.nodes.map((n) => n.id)).size).toBe(4);

    const byOld = new Map(fragment.nodes.map((n, i) => [n.id, copy.nodes[i]!]));
    for (const [oldId, n] of byOld) {
      const original = doc.nodes[oldId]!;
      expect({ ...n, id: oldId, position: original.position }).toEqual(original);
      expect(n.position).toEqual({ x: original.position.x + 30, y: original.position.y - 10 });
    }
    // Every wire keeps its port and connects the copies of its original ends.
    const remapped = copy.wires.map((w) => ({ source: w.source, target: w.target, port: w.port }));
    const expected = fragment.wires.map((w) => ({ source: byOld.get(w.source)!.id, target: byOld.get(w.target)!.id, port: w.port }));
    expect(remapped).toEqual(expected);

    // The originals are untouched, and pasting the copy makes a valid, larger document.
    expect(doc).toEqual(lecture());
    const pasted = addNodes(doc, copy.nodes, copy.wires);
    expect(Object.keys(pasted.nodes)).toHaveLength(11);
    expect(validateDoc(pasted)).toEqual([]);
  });

  it('gives different ids on every paste', () => {
    const fragment = extractFragment(lecture(), ['a', 'e']);
    const one = cloneFragment(fragment, { x: 0, y: 0 });
    const two = cloneFragment(fragment, { x: 0, y: 0 });
    expect(one.nodes.map((n) => n.id)).not.toEqual(two.nodes.map((n) => n.id));
    expect(one.wires[0]!.id).not.toBe(two.wires[0]!.id);
  });

  it('drops wires whose other end is not in the fragment', () => {
    // A hand-made fragment with an external wire, as a clipboard might hold.
    const fragment: Fragment = { nodes: [val('a', 1), op('e', 'mul')], wires: [wire('a', 'e', 'a'), wire('b', 'e', 'b')] };
    const copy = cloneFragment(fragment, { x: 0, y: 0 });
    expect(copy.wires).toHaveLength(1);
    expect(copy.wires[0]).toMatchObject({ source: copy.nodes[0]!.id, target: copy.nodes[1]!.id, port: 'a' });
  });
});
