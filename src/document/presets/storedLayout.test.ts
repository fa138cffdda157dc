import { describe, expect, it } from 'vitest';
import { moveNodes } from '../edit';
import { DocBuilder } from './DocBuilder';
import { storedLayoutSizes, withStoredLayout, type StoredLayouts } from './storedLayout';
import type { Preset } from './types';

const twoLeavesAndSum: Preset = {
  id: 'sum',
  title: 'a + b',
  blurb: 'Two leaves and their sum.',
  mode: 'build',
  expected: { label: 'c', value: 3 },
  build() {
    const b = new DocBuilder();
    const sum = b.op('add', [b.value(1, 'a'), b.value(2, 'b')], 'c');
    return b.output(sum).build();
  },
};

const layouts: StoredLayouts = {
  sum: [
    [0, 0, 170, 80],
    [0, 110, 170, 80],
    [240, 55, 180, 90],
  ],
};

describe('withStoredLayout', () => {
  it('places every node as stored, in build order, and remembers the card sizes', () => {
    const doc = withStoredLayout(twoLeavesAndSum, layouts).build();
    const nodes = Object.values(doc.nodes);
    expect(nodes.map((n) => ['label' in n ? n.label : '', n.position])).toEqual([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 0, y: 110 }],
      ['c', { x: 240, y: 55 }],
    ]);
    expect([...storedLayoutSizes(doc)!.values()]).toEqual([
      { width: 170, height: 80 },
      { width: 170, height: 80 },
      { width: 180, height: 90 },
    ]);
    // Fresh ids each build, as before.
    expect(Object.keys(withStoredLayout(twoLeavesAndSum, layouts).build().nodes)).not.toEqual(Object.keys(doc.nodes));
  });

  it('forgets the sizes once a node moves: that graph is laid out again by ELK', () => {
    const doc = withStoredLayout(twoLeavesAndSum, layouts).build();
    const first = Object.keys(doc.nodes)[0]!;
    const moved = moveNodes(doc, new Map([[first, { x: 5, y: 5 }]]));
    expect(storedLayoutSizes(moved)).toBeUndefined();
    expect(storedLayoutSizes({ ...doc, training: undefined })).toBeDefined();
  });

  it('leaves a preset without a stored layout, or with one for another node count, as it was', () => {
    expect(withStoredLayout(twoLeavesAndSum, {})).toBe(twoLeavesAndSum);
    const stale = withStoredLayout(twoLeavesAndSum, { sum: layouts.sum!.slice(0, 2) }).build();
    expect(storedLayoutSizes(stale)).toBeUndefined();
    expect(Object.values(stale.nodes).map((n) => n.position)).toEqual(Object.values(twoLeavesAndSum.build().nodes).map((n) => n.position));
  });
});
