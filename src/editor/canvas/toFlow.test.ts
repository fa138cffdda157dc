import { describe, expect, it } from 'vitest';
import { DocBuilder } from '../../document/presets/DocBuilder';
import { moveNodes, updateNode } from '../../document/edit';
import { FlowNodeCache } from './toFlow';

function smallDoc() {
  const g = new DocBuilder();
  const a = g.value(2, 'a');
  const b = g.value(-3, 'b');
  g.op('mul', [a, b], 'c');
  return { doc: g.build(), a };
}

describe('FlowNodeCache', () => {
  it('hands back the same array when an edit changes only a number', () => {
    const { doc, a } = smallDoc();
    const cache = new FlowNodeCache();
    const first = cache.nodes(doc, new Set(), new Map());
    const edited = updateNode(doc, a, { value: 5 });
    expect(edited).not.toBe(doc);
    expect(cache.nodes(edited, new Set(), new Map())).toBe(first);
  });

  it('makes a new array, with a new object for the node only, when a node moves or is selected', () => {
    const { doc, a } = smallDoc();
    const cache = new FlowNodeCache();
    const first = cache.nodes(doc, new Set(), new Map());
    const moved = cache.nodes(moveNodes(doc, new Map([[a, { x: 500, y: 40 }]])), new Set(), new Map());
    expect(moved).not.toBe(first);
    expect(moved.find((n) => n.id === a)!.position).toEqual({ x: 500, y: 40 });
    expect(moved.filter((n, i) => n !== first[i]).map((n) => n.id)).toEqual([a]);
    const selected = cache.nodes(moveNodes(doc, new Map([[a, { x: 500, y: 40 }]])), new Set([a]), new Map());
    expect(selected.find((n) => n.id === a)!.selected).toBe(true);
  });
});
