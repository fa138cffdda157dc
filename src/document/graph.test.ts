import { describe, expect, it } from 'vitest';
import { ancestors, consumers, cycles, incomingWires, missingPorts, reaches, resolveOutput, sinks, topologicalOrder } from './graph';
import { EMPTY_DOC, type DocNode, type GraphDoc, type Wire } from './types';

import { docOf, konst, lecture, op, val, wire } from './testDocs';

/** Asserts every wire goes from an earlier to a later position in `order`. */
function expectInputsFirst(doc: GraphDoc, order: readonly string[]): void {
  const pos = new Map(order.map((id, i) => [id, i]));
  for (const w of Object.values(doc.wires)) {
    expect(pos.get(w.source)!, `${w.source} before ${w.target}`).toBeLessThan(pos.get(w.target)!);
  }
}

describe('incomingWires and consumers', () => {
  it('index wires by target port and by source', () => {
    const doc = lecture();
    const incoming = incomingWires(doc);
    expect(incoming.get('L')?.get('a')?.source).toBe('d');
    expect(incoming.get('L')?.get('b')?.source).toBe('f');
    expect(incoming.has('a')).toBe(false);
    expect(consumers(doc).get('e')).toEqual(['d']);
    expect(consumers(doc).has('L')).toBe(false);
  });

  it('list a node used twice once per wire', () => {
    const doc = docOf([val('a', 1), op('b', 'add')], [wire('a', 'b', 'a'), wire('a', 'b', 'b')]);
    expect(consumers(doc).get('a')).toEqual(['b', 'b']);
  });
});

describe('topologicalOrder', () => {
  it('puts every node after the nodes that feed it, even when inserted first', () => {
    const doc = lecture();
    const { order, cyclic } = topologicalOrder(doc);
    expect(cyclic).toEqual([]);
    expect([...order].sort()).toEqual(Object.keys(doc.nodes).sort());
    expectInputsFirst(doc, order);
    expect(order.at(-1)).toBe('L');
  });

  it('breaks ties in insertion order', () => {
    const doc = docOf([val('z', 1), val('y', 2), konst('x', 3)]);
    expect(topologicalOrder(doc).order).toEqual(['z', 'y', 'x']);
  });

  it('handles a node used twice and a deep chain without recursion', () => {
    const twice = docOf([op('b', 'add'), val('a', 1)], [wire('a', 'b', 'a'), wire('a', 'b', 'b')]);
    expect(topologicalOrder(twice)).toEqual({ order: ['a', 'b'], cyclic: [] });

    const n = 20_000;
    const nodes: DocNode[] = [val('n0', 1)];
    const wires: Wire[] = [];
    for (let i = 1; i < n; i++) {
      nodes.push(op(`n${i}`, 'neg'));
      wires.push(wire(`n${i - 1}`, `n${i}`, 'x'));
    }
    const { order, cyclic } = topologicalOrder(docOf(nodes.reverse(), wires));
    expect(cyclic).toEqual([]);
    expect(order).toEqual(Array.from({ length: n }, (_, i) => `n${i}`));
  });

  it('reports the nodes on and behind a cycle of a damaged document as leftovers', () => {
    // a feeds p; p and q feed each other; r reads q. s stands apart.
    const doc = docOf(
      [val('a', 1), op('p', 'add'), op('q', 'neg'), op('r', 'tanh'), val('s', 5)],
      [wire('a', 'p', 'a'), wire('q', 'p', 'b'), wire('p', 'q', 'x'), wire('q', 'r', 'x')],
    );
    const { order, cyclic } = topologicalOrder(doc);
    expect(order).toEqual(['a', 's']);
    expect([...cyclic].sort()).toEqual(['p', 'q', 'r']);
  });

  it('finds the loops themselves, not the nodes behind them', () => {
    // p feeds itself and then q and r; s and t feed each other and u; v stands apart.
    const doc = docOf(
      [op('p', 'neg'), op('q', 'neg'), op('r', 'neg'), op('s', 'add'), op('t', 'neg'), op('u', 'neg'), val('v', 1)],
      [wire('p', 'p', 'x'), wire('p', 'q', 'x'), wire('q', 'r', 'x'), wire('t', 's', 'a'), wire('v', 's', 'b'), wire('s', 't', 'x'), wire('t', 'u', 'x')],
    );
    expect(cycles(doc)).toEqual([['p'], ['s', 't']]);
    expect(cycles(lecture())).toEqual([]);
  });

  it('finds a loop of any length without recursion', () => {
    const n = 20_000;
    const nodes = Array.from({ length: n }, (_, i) => op(`n${i}`, 'neg'));
    const wires = nodes.map((_, i) => wire(`n${i}`, `n${(i + 1) % n}`, 'x'));
    const loops = cycles(docOf(nodes, wires));
    expect(loops).toHaveLength(1);
    expect(loops[0]).toHaveLength(n);
  });

  it('ignores wires from nodes that do not exist', () => {
    const doc = docOf([op('n', 'neg')], [wire('ghost', 'n', 'x')]);
    expect(topologicalOrder(doc)).toEqual({ order: ['n'], cyclic: [] });
  });

  it('returns nothing for the empty document', () => {
    expect(topologicalOrder(EMPTY_DOC)).toEqual({ order: [], cyclic: [] });
  });
});

describe('reaches', () => {
  it('follows wires forward only', () => {
    const doc = lecture();
    expect(reaches(doc, 'a', 'L')).toBe(true);
    expect(reaches(doc, 'a', 'd')).toBe(true);
    expect(reaches(doc, 'L', 'a')).toBe(false);
    expect(reaches(doc, 'a', 'c')).toBe(false);
    expect(reaches(doc, 'f', 'e')).toBe(false);
  });

  it('counts a node as reaching itself', () => {
    expect(reaches(lecture(), 'e', 'e')).toBe(true);
  });
});

describe('ancestors', () => {
  it('is everything a node depends on, itself included', () => {
    const doc = lecture();
    expect(ancestors(doc, 'L')).toEqual(new Set(['L', 'd', 'e', 'a', 'b', 'c', 'f']));
    expect(ancestors(doc, 'd')).toEqual(new Set(['d', 'e', 'a', 'b', 'c']));
    expect(ancestors(doc, 'a')).toEqual(new Set(['a']));
  });

  it('terminates on a cycle', () => {
    const doc = docOf([op('p', 'neg'), op('q', 'neg')], [wire('p', 'q', 'x'), wire('q', 'p', 'x')]);
    expect(ancestors(doc, 'p')).toEqual(new Set(['p', 'q']));
  });
});

describe('sinks', () => {
  it('are the nodes that feed nothing, in insertion order', () => {
    const doc = docOf([val('a', 1), val('b', 2), op('n', 'neg'), val('lone', 3)], [wire('a', 'n', 'x')]);
    expect(sinks(doc)).toEqual(['b', 'n', 'lone']);
    expect(sinks(lecture())).toEqual(['L']);
    expect(sinks(EMPTY_DOC)).toEqual([]);
  });
});

describe('resolveOutput', () => {
  it('prefers the node the user marked, even when it is not a sink', () => {
    expect(resolveOutput({ ...lecture(), output: 'd' })).toBe('d');
    expect(resolveOutput({ ...lecture(), output: 'a' })).toBe('a');
  });

  it('falls back to a sink when the marked node does not exist', () => {
    expect(resolveOutput({ ...lecture(), output: 'gone' })).toBe('L');
  });

  it('otherwise picks the sink with the most nodes behind it', () => {
    // Small: t = tanh(x). Big: the lecture's L.
    const small = docOf([val('x', 1), op('t', 'tanh')], [wire('x', 't', 'x')]);
    const doc: GraphDoc = {
      nodes: { ...small.nodes, ...lecture().nodes },
      wires: { ...small.wires, ...lecture().wires },
      output: null,
    };
    expect(resolveOutput(doc)).toBe('L');
  });

  it('prefers a computed sink over a lone leaf', () => {
    const doc = docOf([val('lone', 1), val('x', 1), op('t', 'tanh')], [wire('x', 't', 'x')]);
    expect(resolveOutput(doc)).toBe('t');
  });

  it('picks a leaf when there are only leaves, and null for the empty graph', () => {
    expect(resolveOutput(docOf([val('a', 1)]))).toBe('a');
    expect(resolveOutput(EMPTY_DOC)).toBeNull();
  });
});

describe('missingPorts', () => {
  it('lists the unwired input ports of a node, in port order', () => {
    const doc = docOf([val('a', 1), op('m', 'mul'), op('p', 'pow', 2)], [wire('a', 'm', 'b')]);
    expect(missingPorts(doc, 'm')).toEqual(['a']);
    expect(missingPorts(doc, 'p')).toEqual(['x']);
    expect(missingPorts(doc, 'a')).toEqual([]);
    expect(missingPorts(doc, 'nope')).toEqual([]);
    expect(missingPorts(lecture(), 'L')).toEqual([]);
  });
});
