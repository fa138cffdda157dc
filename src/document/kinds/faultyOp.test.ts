import { describe, expect, it } from 'vitest';
import { gradientCheck } from '../backward';
import { evaluate } from '../evaluate';
import { parseDocumentFile, serializeDocument } from '../file/serialize';
import { lectureL } from '../presets/lectureL';
import type { GraphDoc, OpNode } from '../types';
import { validateDoc } from '../validate';

/** The lecture's L with the node labelled `label` marked faulty. */
function withFaulty(label: string): GraphDoc {
  const doc = lectureL.build();
  const node = Object.values(doc.nodes).find((n) => n.kind === 'op' && n.label === label) as OpNode;
  return { ...doc, nodes: { ...doc.nodes, [node.id]: { ...node, faulty: true } } };
}

function gradsByLabel(doc: GraphDoc): Record<string, number> {
  const { results } = evaluate(doc);
  return Object.fromEntries(Object.values(doc.nodes).map((n) => [('label' in n ? n.label : n.id), results.get(n.id)!.passGrad]));
}

describe('a faulty op node', () => {
  it('keeps forward, but backprop through it uses the wrong local derivative', () => {
    const fine = gradsByLabel(lectureL.build());
    const bad = gradsByLabel(withFaulty('e'));
    expect(evaluate(withFaulty('e')).results.size).toBe(7);
    // e = a·b faulty: a gets a·e.grad (−4) instead of b·e.grad (6); b likewise; the rest agree.
    expect(fine).toMatchObject({ a: 6, b: -4, c: -2, f: 4 });
    expect(bad).toMatchObject({ a: -4, b: 6, c: -2, f: 4, e: -2 });
  });

  it('shows up in the gradient check only for the leaves below it', () => {
    const doc = withFaulty('e');
    const rows = gradientCheck(doc, 1e-3);
    const label = (id: string) => (doc.nodes[id] as { label: string }).label;
    expect(rows.filter((r) => !r.agrees).map((r) => label(r.id)).sort()).toEqual(['a', 'b']);
    expect(gradientCheck(lectureL.build(), 1e-3).every((r) => r.agrees)).toBe(true);
  });

  it('survives saving and opening the file, and validates', () => {
    const doc = withFaulty('e');
    expect(validateDoc(doc)).toEqual([]);
    const read = parseDocumentFile(serializeDocument(doc));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(Object.values(read.doc.nodes).filter((n) => n.kind === 'op' && n.faulty === true)).toHaveLength(1);
    expect(gradsByLabel(read.doc)).toMatchObject({ a: -4, b: 6 });
  });

  it('refuses a file whose faulty mark is not `true`', () => {
    const text = serializeDocument(withFaulty('e')).replace('"faulty": true', '"faulty": "yes"');
    expect(text).toContain('"faulty": "yes"');
    expect(parseDocumentFile(text).ok).toBe(false);
  });
});
