/**
 * What a tab does when it finds that another tab saved (the `storage` event told it, or it
 * saw a save it did not write just before writing its own). The rule that keeps two tabs from
 * clobbering each other, as one pure function so every case is tested on its own.
 */

/** What this tab knows when another tab's save turns up. */
interface OtherSave {
  /** This tab has edits the storage does not hold (it edited since it last saved or followed). */
  unsaved: boolean;
  /** The other save holds the very graph this tab shows (perhaps with another view). */
  sameGraph: boolean;
  /**
   * The other save's revision is above the last one this tab saved or followed: its writer saw
   * this tab's work and built on it. Not newer means the two saves raced and this tab's was lost.
   */
  newer: boolean;
}

/**
 * - `adopt`: nothing on screen changes; this tab takes the save's revision as its own.
 * - `follow`: this tab shows the other tab's graph (one undo step back to what it showed).
 * - `conflict`: both tabs hold work the other lacks; this tab stops autosaving and asks.
 */
export type OtherSaveAction = 'adopt' | 'follow' | 'conflict';

/** Decides what to do with another tab's save. Never an overwrite: nothing is lost either way. */
export function onOtherSave({ unsaved, sameGraph, newer }: OtherSave): OtherSaveAction {
  if (sameGraph) return 'adopt';
  if (!unsaved && newer) return 'follow';
  return 'conflict';
}
