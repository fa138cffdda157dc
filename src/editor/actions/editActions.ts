import { currentCard } from './currentCard';
import type { Action } from './types';

/** Undo, redo, clipboard and deletion: each is one undo step in the store. */
export const editActions: Action[] = [
  {
    id: 'undo',
    label: 'Undo',
    group: 'Edit',
    keys: ['Mod+z'],
    icon: 'undo',
    run: ({ store }) => store.getState().undo(),
    enabled: ({ store }) => store.getState().history.past.length > 0,
  },
  {
    id: 'redo',
    label: 'Redo',
    group: 'Edit',
    keys: ['Mod+Shift+z', 'Mod+y'],
    icon: 'redo',
    run: ({ store }) => store.getState().redo(),
    enabled: ({ store }) => store.getState().history.future.length > 0,
  },
  {
    id: 'delete',
    label: 'Delete selection',
    group: 'Edit',
    keys: ['Delete', 'Backspace'],
    run: ({ store }) => store.getState().deleteSelection(),
    enabled: ({ store }) => store.getState().selection.length + store.getState().selectedWires.length > 0,
  },
  {
    id: 'copy',
    label: 'Copy',
    group: 'Edit',
    keys: ['Mod+c'],
    run: ({ store }) => store.getState().copy(),
    enabled: ({ store }) => store.getState().selection.length > 0,
  },
  {
    id: 'cut',
    label: 'Cut',
    group: 'Edit',
    keys: ['Mod+x'],
    run: ({ store }) => store.getState().cut(),
    enabled: ({ store }) => store.getState().selection.length > 0,
  },
  {
    id: 'paste',
    label: 'Paste',
    group: 'Edit',
    keys: ['Mod+v'],
    run: ({ store }) => store.getState().paste(),
    enabled: ({ store }) => (store.getState().clipboard?.nodes.length ?? 0) > 0,
  },
  {
    id: 'duplicate',
    label: 'Duplicate',
    group: 'Edit',
    keys: ['Mod+d'],
    run: ({ store }) => store.getState().duplicate(),
    enabled: ({ store }) => store.getState().selection.length > 0,
  },
  {
    id: 'selectAll',
    label: 'Select all',
    group: 'Edit',
    keys: ['Mod+a'],
    run: ({ store }) => store.getState().select(Object.keys(store.getState().doc.nodes)),
  },
  {
    id: 'addNode',
    label: 'Add a node (go to the palette: ↑↓, Enter)',
    group: 'Edit',
    keys: ['a'],
    run: ({ ui }) => ui.focusPalette(),
  },
  {
    id: 'connect',
    label: 'Connect the output to… (pick an input)',
    group: 'Edit',
    keys: ['c'],
    run: ({ store, ui }) => {
      const id = currentCard(store);
      if (!id) return;
      store.getState().select([id]);
      ui.openConnect(id);
    },
    enabled: ({ store }) => currentCard(store) !== null,
  },
  {
    id: 'makeOutput',
    label: 'Make output (backward starts here)',
    group: 'Edit',
    keys: ['o'],
    run: ({ store }) => {
      const [id] = store.getState().selection;
      if (id) store.getState().setOutput(id);
    },
    enabled: ({ store }) => store.getState().selection.length === 1,
  },
];
