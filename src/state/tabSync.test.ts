import { describe, expect, it } from 'vitest';
import { onOtherSave } from './tabSync';

describe('onOtherSave', () => {
  it('adopts a save of the very graph this tab shows, whatever else holds', () => {
    for (const unsaved of [false, true]) for (const newer of [false, true]) expect(onOtherSave({ unsaved, sameGraph: true, newer })).toBe('adopt');
  });

  it('follows a newer save when this tab has nothing unsaved', () => {
    expect(onOtherSave({ unsaved: false, sameGraph: false, newer: true })).toBe('follow');
  });

  it('asks (conflict) when this tab has unsaved edits, newer save or not', () => {
    expect(onOtherSave({ unsaved: true, sameGraph: false, newer: true })).toBe('conflict');
    expect(onOtherSave({ unsaved: true, sameGraph: false, newer: false })).toBe('conflict');
  });

  it('asks when a save that is not newer replaced this tab’s own: the two raced, and following would lose this tab’s', () => {
    expect(onOtherSave({ unsaved: false, sameGraph: false, newer: false })).toBe('conflict');
  });
});
