import { describe, expect, it } from 'vitest';
import { findPreset } from '../document/presets';
import { serializeDocument } from '../document/file/serialize';
import { decodeSavedWork, encodeSavedWork, graphText, SAVED_WORK_FORMAT } from './savedWorkFormat';

const view = { x: 10, y: -20, zoom: 1.5 };
const lecture = () => findPreset('lecture-L')!.build();

describe('saved work in storage', () => {
  it('reads back the graph, the view, the revision, the tab and the time it was written with', () => {
    const doc = lecture();
    const text = encodeSavedWork({ doc, viewport: view, revision: 7, tab: 'tab-1', savedAt: 123 });
    const read = decodeSavedWork(text);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(graphText(read.work.doc)).toBe(graphText(doc));
    expect(read.work).toMatchObject({ viewport: view, revision: 7, tab: 'tab-1', savedAt: 123 });
  });

  it('reads an autosave written before revisions (a bare graph file) as revision 0', () => {
    const read = decodeSavedWork(serializeDocument(lecture(), view));
    expect(read.ok && read.work).toMatchObject({ revision: 0, tab: null, savedAt: null, viewport: view });
  });

  it('says why a text cannot be read, in words that follow "could not be read ("', () => {
    const good = encodeSavedWork({ doc: lecture(), viewport: null, revision: 1, tab: 't', savedAt: 1 });
    const cases: [string, RegExp][] = [
      [good.slice(0, good.length / 2), /^it /],
      ['[1, 2]', /not a Micrograd Playground graph/],
      [JSON.stringify({ format: SAVED_WORK_FORMAT, version: 99 }), /newer version/],
      [JSON.stringify({ format: SAVED_WORK_FORMAT, version: 1, revision: -1, tab: 't', savedAt: 1, file: {} }), /envelope is damaged/],
      [good.replace('"nodes":[', '"nodes":[{"kind":"nonsense"},'), /^it is not a valid graph/],
    ];
    for (const [text, reason] of cases) {
      const read = decodeSavedWork(text);
      expect(read.ok, text.slice(0, 60)).toBe(false);
      if (!read.ok) expect(read.reason).toMatch(reason);
    }
  });
});
