import type { PlaygroundStore } from '../../state/store';
import type { WorkKeeper } from '../../state/workKeeper';
import { download } from './fileOps';
import { rawCopyName } from './keptWords';

/** Downloads a kept copy byte for byte (null: the autosave itself), so nothing in it is lost. */
export function downloadRawCopy(keeper: WorkKeeper, store: PlaygroundStore, id: string | null): void {
  const raw = keeper.rawCopy(id);
  if (raw === null) {
    store.getState().notify('error', 'That copy is no longer kept in this browser (was it removed in another tab?).');
    return;
  }
  const keptAt = store.getState().kept.find((k) => k.id === id)?.keptAt ?? Date.now();
  download(new Blob([raw], { type: 'application/json' }), rawCopyName(keptAt));
}
