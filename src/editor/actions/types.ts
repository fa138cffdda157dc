import type { ReactFlowInstance } from '@xyflow/react';
import type { PlaygroundStore } from '../../state/store';

/** What an action can reach when it runs. */
export interface ActionContext {
  store: PlaygroundStore;
  flow: ReactFlowInstance;
  /** Editor-level things that are not store state: dialogs, layout, files. */
  ui: EditorUi;
}

/** Editor services the App provides to actions. */
export interface EditorUi {
  openHelp(): void;
  /** Opens the connect picker (C) for this node's output. */
  openConnect(id: string): void;
  /** Moves focus to the palette's first item (unfolding it), to add a node from the keys. */
  focusPalette(): void;
  toggleTheme(): void;
  tidy(): void;
  /** File → New: an empty canvas, one undo step; the graph it replaces goes to Recent. */
  newGraph(): void;
  openFile(): void;
  saveFile(): void;
  share(): void;
  exportImage(format: 'png' | 'svg'): void;
}

/** One thing a person can do, declared once: its name, its keys, and how it is done. */
export interface Action {
  id: string;
  label: string;
  /** Where the help sheet lists it. */
  group: 'Edit' | 'Navigate' | 'View' | 'File' | 'Gradients' | 'Help';
  /** Shortcuts like 'Mod+Z'; the first is the one shown in tooltips. */
  keys?: readonly string[];
  /** The toolbar icon's name (see icons.tsx). */
  icon?: string;
  /** `event` is the key press when a shortcut ran it (a held key repeats: `event.repeat`). */
  run(ctx: ActionContext, event?: KeyboardEvent): void;
  /** When false the button is disabled and the shortcut does nothing. */
  enabled?(ctx: ActionContext): boolean;
}
