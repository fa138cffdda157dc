import type { KeptSummary } from './keptCopies';
import type { PlaygroundState } from './store';

/** A message about saved work that stays on the page until it is acted on or dismissed. */
export type KeepBanner =
  /** A shared link opened over earlier work, which was kept (keptId) or could not be (null). */
  | { kind: 'link'; keptId: string | null }
  /** The autosave could not be read; it was kept aside as keptId (null: left where it was). */
  | { kind: 'unreadable'; keptId: string | null; reason: string }
  /** Another tab saved while this one had unsaved edits: autosave waits for a choice. */
  | { kind: 'conflict' };

/** What the page shows about keeping work: File → Recent, the banners, the "not saved" mark. */
export interface KeepingSlice {
  /** The copies kept in this browser (File → Recent), newest first. */
  kept: readonly KeptSummary[];
  banners: readonly KeepBanner[];
  /** Why the last autosave failed; null while autosave works. */
  saveProblem: string | null;
  setKept(list: readonly KeptSummary[]): void;
  /** Shows a banner, replacing one of the same kind. */
  showBanner(banner: KeepBanner): void;
  dismissBanner(kind: KeepBanner['kind']): void;
  setSaveProblem(problem: string | null): void;
}

type Set = (partial: Partial<PlaygroundState> | ((s: PlaygroundState) => Partial<PlaygroundState>)) => void;
type Get = () => PlaygroundState;

/** The keeping part of the store. None of it is an undo step or saved. */
export function createKeepingSlice(set: Set, get: Get): KeepingSlice {
  return {
    kept: [],
    banners: [],
    saveProblem: null,
    setKept(list) {
      set({ kept: list });
    },
    showBanner(banner) {
      set({ banners: [...get().banners.filter((b) => b.kind !== banner.kind), banner] });
    },
    dismissBanner(kind) {
      if (get().banners.some((b) => b.kind === kind)) set({ banners: get().banners.filter((b) => b.kind !== kind) });
    },
    setSaveProblem(problem) {
      if (get().saveProblem !== problem) set({ saveProblem: problem });
    },
  };
}
