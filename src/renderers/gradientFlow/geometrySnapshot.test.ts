import { describe, expect, it } from 'vitest';
import { GeometrySnapshot, sameBoxes } from './geometrySnapshot';
import type { NodeBox } from './protocol';

const box = (over: Partial<NodeBox> = {}): NodeBox => ({
  id: 'mul',
  x: 10,
  y: 20,
  width: 100,
  height: 40,
  sources: [{ id: 'out', x: 110, y: 40 }],
  targets: [
    { id: 'a', x: 10, y: 30 },
    { id: 'b', x: 10, y: 50 },
  ],
  ...over,
});

describe('GeometrySnapshot', () => {
  it('answers rects and handle centres from the last report', () => {
    const g = new GeometrySnapshot();
    g.setBoxes([box()]);
    g.setViewport({ x: 5, y: 6, zoom: 2 });
    expect(g.viewport()).toEqual({ x: 5, y: 6, zoom: 2 });
    expect(g.nodeRect('mul')).toEqual({ x: 10, y: 20, width: 100, height: 40 });
    expect(g.handle('mul', 'target', 'b')).toEqual({ x: 10, y: 50 });
    expect(g.handle('mul', 'source', 'out')).toEqual({ x: 110, y: 40 });
    // An unknown port falls back to the node's first handle; an unknown node has none.
    expect(g.handle('mul', 'target', 'zz')).toEqual({ x: 10, y: 30 });
    expect(g.nodeRect('nope')).toBeNull();
    expect(g.handle('nope', 'source', 'out')).toBeNull();
  });

  it('sameBoxes sees any moved node or handle', () => {
    expect(sameBoxes([box()], [box()])).toBe(true);
    expect(sameBoxes([box()], [box({ x: 11 })])).toBe(false);
    expect(sameBoxes([box()], [box({ targets: [{ id: 'a', x: 10, y: 31 }] })])).toBe(false);
    expect(sameBoxes([box()], [])).toBe(false);
  });
});
