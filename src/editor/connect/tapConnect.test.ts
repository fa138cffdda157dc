import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docOf, lecture, op, val, wire } from '../../document/testDocs';
import type { Wire } from '../../document/types';
import { canConnect } from '../../document/validate';
import { connectTargets } from './connectTargets';
import { tapCandidates, tapConnection, type HandleEnd } from './tapConnect';

const key = (e: HandleEnd) => `${e.nodeId}.${e.handleId}`;

describe('tap-to-connect', () => {
  it('makes the same wire whichever end is tapped first', () => {
    const out: HandleEnd = { nodeId: 'a', handleId: 'out', type: 'source' };
    const input: HandleEnd = { nodeId: 'e', handleId: 'b', type: 'target' };
    expect(tapConnection(out, input)).toEqual({ source: 'a', target: 'e', port: 'b' });
    expect(tapConnection(input, out)).toEqual({ source: 'a', target: 'e', port: 'b' });
    // Two outputs (or two inputs) make no wire: the second tap starts again from there.
    expect(tapConnection(out, { nodeId: 'b', handleId: 'out', type: 'source' })).toBeNull();
  });

  it('rings the lecture inputs e may feed, and the outputs that may feed d · b', () => {
    const fromE = tapCandidates(lecture(), { nodeId: 'e', handleId: 'out', type: 'source' }).map(key);
    // e feeds d · a already; its own inputs would make a cycle.
    expect(fromE.sort()).toEqual(['L.a', 'L.b', 'd.b']);
    const intoDb = tapCandidates(lecture(), { nodeId: 'd', handleId: 'b', type: 'target' }).map(key);
    // Not c (the wire is there), not d or L (cycles); a, b, e and f may.
    expect(intoDb.sort()).toEqual(['a.out', 'b.out', 'e.out', 'f.out']);
  });

  // On random graphs: an output's rings are exactly the connect picker's list (two codings of
  // one rule), an input's rings exactly the outputs whose picker lists it, and each ring is a
  // wire canConnect accepts.
  it('agrees with the connect picker on random graphs', () => {
    const arb = fc.record({
      ops: fc.array(fc.constantFrom<'add' | 'mul'>('add', 'mul'), { minLength: 1, maxLength: 6 }),
      wires: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { maxLength: 10 }),
      start: fc.nat(),
      port: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, ({ ops, wires: picks, start, port }) => {
        const nodes = [val('x', 1), val('y', 2), ...ops.map((t, i) => op(`n${i}`, t))];
        const wires: Wire[] = [];
        for (const [s, t, b] of picks) {
          // Wires only go forward in the list, so the graph stays acyclic.
          const target = 2 + (t % ops.length);
          const source = s % target;
          const w = wire(nodes[source]!.id, nodes[target]!.id, b ? 'b' : 'a');
          if (!wires.some((o) => o.target === w.target && o.port === w.port)) wires.push(w);
        }
        const doc = docOf(nodes, wires);
        const node = nodes[start % nodes.length]!;
        const fromOut = tapCandidates(doc, { nodeId: node.id, handleId: 'out', type: 'source' });
        expect(fromOut.map(key).sort()).toEqual(connectTargets(doc, node.id).map((t) => `${t.connection.target}.${t.connection.port}`).sort());
        if (node.kind !== 'op') return;
        const end: HandleEnd = { nodeId: node.id, handleId: port ? 'b' : 'a', type: 'target' };
        const intoIn = tapCandidates(doc, end);
        const feeders = nodes.filter((n) => connectTargets(doc, n.id).some((t) => t.connection.target === end.nodeId && t.connection.port === end.handleId));
        expect(intoIn.map((e) => e.nodeId).sort()).toEqual(feeders.map((n) => n.id).sort());
        for (const e of intoIn) expect(canConnect(doc, tapConnection(end, e)!).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('offers nothing from a node that is gone', () => {
    const doc = docOf([val('a', 1), op('e', 'mul')]);
    expect(tapCandidates(doc, { nodeId: 'zz', handleId: 'out', type: 'source' })).toEqual([]);
  });
});
