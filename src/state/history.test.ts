import { describe, expect, it } from 'vitest';
import { docOf, val } from '../document/testDocs';
import type { GraphDoc } from '../document/types';
import { EMPTY_HISTORY, HISTORY_LIMIT, record, redo, undo, type History } from './history';

/** A distinct small document per number, so tests can tell snapshots apart. */
const docN = (n: number): GraphDoc => docOf([val(`v${n}`, n)]);

/** Records docN(0..count-1) in turn, as that many edits would. */
function recorded(count: number): History {
  let h = EMPTY_HISTORY;
  for (let i = 0; i < count; i++) h = record(h, docN(i));
  return h;
}

describe('record', () => {
  it('pushes the document before the edit and clears redo, leaving the old history as it was', () => {
    const a = docN(1);
    const b = docN(2);
    const h1 = record(EMPTY_HISTORY, a);
    expect(h1.past).toEqual([a]);
    expect(h1.past[0]).toBe(a);
    const back = undo(h1, b)!;
    expect(back.history.future).toEqual([b]);
    const h2 = record(back.history, docN(3));
    expect(h2.future).toEqual([]);
    // Histories are values: the earlier ones did not change.
    expect(EMPTY_HISTORY).toEqual({ past: [], future: [] });
    expect(h1.past).toHaveLength(1);
    expect(back.history.future).toHaveLength(1);
  });

  it(`keeps the last ${HISTORY_LIMIT} steps, dropping the oldest`, () => {
    const h = recorded(HISTORY_LIMIT + 5);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]).toEqual(docN(5));
    expect(h.past[HISTORY_LIMIT - 1]).toEqual(docN(HISTORY_LIMIT + 4));
    expect(recorded(HISTORY_LIMIT).past[0]).toEqual(docN(0));
  });
});

describe('undo and redo', () => {
  it('return null with nothing to undo or redo', () => {
    expect(undo(EMPTY_HISTORY, docN(0))).toBeNull();
    expect(redo(EMPTY_HISTORY, docN(0))).toBeNull();
    expect(redo(record(EMPTY_HISTORY, docN(0)), docN(1))).toBeNull();
  });

  it('hand back the very objects recorded, newest first, and redo walks forward again', () => {
    const docs = [docN(0), docN(1), docN(2)];
    let h = EMPTY_HISTORY;
    let current = docs[0]!;
    for (const next of docs.slice(1)) {
      h = record(h, current);
      current = next;
    }
    const one = undo(h, current)!;
    expect(one.doc).toBe(docs[1]);
    const two = undo(one.history, one.doc)!;
    expect(two.doc).toBe(docs[0]);
    expect(undo(two.history, two.doc)).toBeNull();
    const fwd = redo(two.history, two.doc)!;
    expect(fwd.doc).toBe(docs[1]);
    const fwd2 = redo(fwd.history, fwd.doc)!;
    expect(fwd2.doc).toBe(docs[2]);
    expect(fwd2.history.past).toEqual([docs[0], docs[1]]);
    expect(fwd2.history.future).toEqual([]);
  });

  it('undo then redo gives back the same document and an equal history', () => {
    const h = recorded(4);
    const current = docN(99);
    const back = undo(h, current)!;
    const again = redo(back.history, back.doc)!;
    expect(again.doc).toBe(current);
    expect(again.history).toEqual(h);
  });
});
