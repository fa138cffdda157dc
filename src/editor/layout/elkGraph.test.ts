import { describe, expect, it } from 'vitest';
// The bundled build runs ELK on the calling thread: fine in Node tests, banned from the
// browser's main thread (the app uses elk-api + a worker, see elkLayout.ts).
import ELK from 'elkjs/lib/elk.bundled.js';
import type { DocNode, GraphDoc, Position, Wire } from '../../document/types';
import {
  DEFAULT_NODE_HEIGHT,
  DEFAULT_NODE_WIDTH,
  NETWORK_SIMPLEX_MAX_NODES,
  fromElkGraph,
  inputPortId,
  layoutInputFromDoc,
  outputPortId,
  toElkGraph,
  type LayoutInput,
  type LayoutInputEdge,
  type LayoutInputNode,
} from './elkGraph';

const elk = new ELK();

async function layout(input: LayoutInput): Promise<Map<string, Position>> {
  return fromElkGraph(await elk.layout(toElkGraph(input)));
}

const W = 150;
const H = 72;
const leaf = (id: string): LayoutInputNode => ({ id, width: W, height: H, inputs: [] });
const binary = (id: string): LayoutInputNode => ({ id, width: W, height: H, inputs: ['a', 'b'] });
const wire = (source: string, target: string, port: string): LayoutInputEdge => ({
  id: `${source}->${target}.${port}`,
  source,
  target,
  port,
});

/** The lecture's L = (a*b + c) * f: e = a*b, d = e + c, L = d * f. */
const lecture: LayoutInput = {
  nodes: [leaf('a'), leaf('b'), leaf('c'), leaf('f'), binary('e'), binary('d'), binary('L')],
  edges: [wire('a', 'e', 'a'), wire('b', 'e', 'b'), wire('e', 'd', 'a'), wire('c', 'd', 'b'), wire('d', 'L', 'a'), wire('f', 'L', 'b')],
};

function expectFinite(positions: Map<string, Position>, ids: readonly string[]) {
  expect([...positions.keys()].sort()).toEqual([...ids].sort());
  for (const p of positions.values()) {
    expect(Number.isFinite(p.x)).toBe(true);
    expect(Number.isFinite(p.y)).toBe(true);
  }
}

/** True when no two laid-out boxes overlap. */
function noOverlap(positions: Map<string, Position>, size = { w: W, h: H }): boolean {
  const ps = [...positions.values()];
  for (let i = 0; i < ps.length; i++) {
    for (let j = i + 1; j < ps.length; j++) {
      const p = ps[i]!;
      const q = ps[j]!;
      if (p.x < q.x + size.w && q.x < p.x + size.w && p.y < q.y + size.h && q.y < p.y + size.h) return false;
    }
  }
  return true;
}

describe('toElkGraph', () => {
  it('gives each node an east output port and west input ports, first input on top', () => {
    const g = toElkGraph(lecture);
    expect(g.layoutOptions?.['elk.algorithm']).toBe('layered');
    expect(g.layoutOptions?.['elk.direction']).toBe('RIGHT');
    const e = g.children!.find((n) => n.id === 'e')!;
    expect(e.layoutOptions?.['elk.portConstraints']).toBe('FIXED_ORDER');
    const side = (id: string) => e.ports!.find((p) => p.id === id)!.layoutOptions!['elk.port.side'];
    const index = (id: string) => Number(e.ports!.find((p) => p.id === id)!.layoutOptions!['elk.port.index']);
    expect(side(outputPortId('e'))).toBe('EAST');
    expect(side(inputPortId('e', 'a'))).toBe('WEST');
    // Port indices run clockwise, so on the west side a higher index is higher up.
    expect(index(inputPortId('e', 'a'))).toBeGreaterThan(index(inputPortId('e', 'b')));
    const edge = g.edges!.find((x) => x.id === 'a->e.a')!;
    expect(edge.sources).toEqual([outputPortId('a')]);
    expect(edge.targets).toEqual([inputPortId('e', 'a')]);
  });

  it('gives unsized nodes the default size and leaves out wires to missing nodes', () => {
    const g = toElkGraph({
      nodes: [{ id: 'x', width: 0, height: Number.NaN, inputs: [] }, binary('y')],
      edges: [wire('x', 'y', 'a'), wire('ghost', 'y', 'b'), wire('x', 'ghost', 'a')],
    });
    const x = g.children!.find((n) => n.id === 'x')!;
    expect([x.width, x.height]).toEqual([DEFAULT_NODE_WIDTH, DEFAULT_NODE_HEIGHT]);
    expect(g.edges!.map((e) => e.id)).toEqual(['x->y.a']);
  });

  it('switches to the faster node placement on big graphs', () => {
    const many = (n: number): LayoutInput => ({ nodes: Array.from({ length: n }, (_, i) => leaf(`n${i}`)), edges: [] });
    const strategy = (n: number) => toElkGraph(many(n)).layoutOptions?.['elk.layered.nodePlacement.strategy'];
    expect(strategy(NETWORK_SIMPLEX_MAX_NODES)).toBe('NETWORK_SIMPLEX');
    expect(strategy(NETWORK_SIMPLEX_MAX_NODES + 1)).toBe('BRANDES_KOEPF');
  });
});

describe('layoutInputFromDoc', () => {
  it('takes nodes and wires in document order, ports from the op registry, sizes when measured', () => {
    const at = { x: 5, y: 5 };
    const nodes: DocNode[] = [
      { id: 'a', kind: 'value', label: 'a', value: 2, position: at },
      { id: 'k', kind: 'constant', value: 3, position: at },
      { id: 'm', kind: 'op', op: 'mul', label: 'm', position: at },
      { id: 't', kind: 'op', op: 'tanh', label: 't', position: at },
    ];
    const wires: Wire[] = [
      { id: 'w1', source: 'a', target: 'm', port: 'a' },
      { id: 'w2', source: 'k', target: 'm', port: 'b' },
      { id: 'w3', source: 'm', target: 't', port: 'x' },
    ];
    const doc: GraphDoc = {
      nodes: Object.fromEntries(nodes.map((n) => [n.id, n])),
      wires: Object.fromEntries(wires.map((w) => [w.id, w])),
      output: null,
    };
    const input = layoutInputFromDoc(doc, (id) => (id === 'm' ? { width: 200, height: 90 } : undefined));
    expect(input.nodes).toEqual([
      { id: 'a', width: DEFAULT_NODE_WIDTH, height: DEFAULT_NODE_HEIGHT, inputs: [] },
      { id: 'k', width: DEFAULT_NODE_WIDTH, height: DEFAULT_NODE_HEIGHT, inputs: [] },
      { id: 'm', width: 200, height: 90, inputs: ['a', 'b'] },
      { id: 't', width: DEFAULT_NODE_WIDTH, height: DEFAULT_NODE_HEIGHT, inputs: ['x'] },
    ]);
    expect(input.edges).toEqual(wires);
  });
});

describe('ELK layout of toElkGraph', () => {
  it('lays out the lecture graph left to right, inputs top to bottom in port order', async () => {
    const pos = await layout(lecture);
    expectFinite(pos, ['a', 'b', 'c', 'f', 'e', 'd', 'L']);
    for (const e of lecture.edges) expect(pos.get(e.source)!.x).toBeLessThan(pos.get(e.target)!.x);
    const L = pos.get('L')!;
    for (const [id, p] of pos) if (id !== 'L') expect(p.x).toBeLessThan(L.x);
    // a feeds e's first input, b its second: a sits above b. Likewise e above c, d above f.
    expect(pos.get('a')!.y).toBeLessThan(pos.get('b')!.y);
    expect(pos.get('e')!.y).toBeLessThan(pos.get('c')!.y);
    expect(pos.get('d')!.y).toBeLessThan(pos.get('f')!.y);
    expect(noOverlap(pos)).toBe(true);
  });

  it('follows the port order, not the node order: swapping the wires swaps a and b', async () => {
    const swapped: LayoutInput = {
      nodes: lecture.nodes,
      edges: [wire('a', 'e', 'b'), wire('b', 'e', 'a'), ...lecture.edges.slice(2)],
    };
    const pos = await layout(swapped);
    expect(pos.get('b')!.y).toBeLessThan(pos.get('a')!.y);
  });

  it('gives the same positions when run twice', async () => {
    const first = await layout(lecture);
    const second = await layout(lecture);
    expect([...second]).toEqual([...first]);
  });

  it('lays out disconnected pieces without overlap', async () => {
    const input: LayoutInput = {
      nodes: [leaf('a'), leaf('b'), binary('e'), leaf('x'), { id: 't', width: W, height: H, inputs: ['x'] }, leaf('lonely')],
      edges: [wire('a', 'e', 'a'), wire('b', 'e', 'b'), wire('x', 't', 'x')],
    };
    const pos = await layout(input);
    expectFinite(pos, ['a', 'b', 'e', 'x', 't', 'lonely']);
    for (const e of input.edges) expect(pos.get(e.source)!.x).toBeLessThan(pos.get(e.target)!.x);
    expect(noOverlap(pos)).toBe(true);
  });

  it('handles nodes with no size, wires into unlisted ports and several wires into one port', async () => {
    const input: LayoutInput = {
      nodes: [
        { id: 'a', width: 0, height: 0, inputs: [] },
        { id: 'b', width: 0, height: 0, inputs: [] },
        { id: 't', width: 0, height: 0, inputs: ['x'] },
      ],
      edges: [wire('a', 't', 'x'), wire('b', 't', 'x'), wire('a', 't', 'other')],
    };
    const pos = await layout(input);
    expectFinite(pos, ['a', 'b', 't']);
    expect(pos.get('a')!.x).toBeLessThan(pos.get('t')!.x);
    expect(noOverlap(pos, { w: DEFAULT_NODE_WIDTH, h: DEFAULT_NODE_HEIGHT })).toBe(true);
  });

  it('returns an empty map for an empty graph', async () => {
    expect(await layout({ nodes: [], edges: [] })).toEqual(new Map());
  });
});
