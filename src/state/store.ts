import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  addNodes,
  cloneFragment,
  connect,
  extractFragment,
  moveNodes,
  removeNodes,
  removeWires,
  setOutput,
  updateNode,
  type Fragment,
} from '../document/edit';
import { collapseGroup } from '../document/network/collapse';
import { scalarize } from '../document/network/scalarize';
import { EMPTY_DOC, type DocNode, type GraphDoc, type NodePatch, type Position } from '../document/types';
import type { Connection } from '../document/validate';
import { EMPTY_HISTORY, record, redo, undo, type History } from './history';
import { createBackwardSlice, type BackwardSlice } from './backwardSlice';
import { createKeepingSlice, type KeepingSlice } from './keepingSlice';
import { createTrainingSlice, type TrainingSlice } from './trainingSlice';
import type { Notice, Viewport } from './types';

/** Everything the playground holds, and the named commands that change it. */
export interface PlaygroundState extends BackwardSlice, TrainingSlice, KeepingSlice {
  /** The drawn graph: the only thing saved. */
  doc: GraphDoc;
  /** Counts semantic edits (not moves), so derived things like grads know when they are stale. */
  revision: number;
  history: History;
  /** The document when the current gesture (a drag, a scrub) began; null outside one. */
  gestureStart: GraphDoc | null;
  /** Selected node ids. */
  selection: readonly string[];
  /** Selected wire ids. */
  selectedWires: readonly string[];
  viewport: Viewport;
  notice: Notice | null;
  /** What copy put aside for paste. */
  clipboard: Fragment | null;
  /** Which of the three activities the person is in; panels and wire colours follow it. */
  mode: 'build' | 'backward' | 'train';
  setMode(mode: 'build' | 'backward' | 'train'): void;
  /** Bumped to ask the editor to lay the graph out and fit it in view (after a preset loads). */
  layoutRequest: number;
  /** Bumped when the canvas must move to `viewport` (a file opened with its saved view). */
  viewportRequest: number;

  // --- document commands: each one is one undo step (or part of the open gesture) ---
  addNodes(nodes: readonly DocNode[], select?: boolean): void;
  removeNodes(ids: readonly string[]): void;
  removeWires(ids: readonly string[]): void;
  /** Wires source into target's port; refuses a cycle with a notice and returns false. */
  connect(c: Connection): boolean;
  updateNode(id: string, patch: NodePatch): void;
  moveNodes(positions: ReadonlyMap<string, Position>): void;
  /**
   * Moves nodes as part of the step that came before (the automatic layout after a preset or a
   * file loads): no undo step of its own, so one Undo takes back the load and its layout.
   */
  settleNodes(positions: ReadonlyMap<string, Position>): void;
  setOutput(id: string | null): void;
  /** Replaces the graph with a nudged copy (Step leaves): one undo step that keeps the grads. */
  applyNudge(doc: GraphDoc): void;
  /** Takes a neuron, layer or loss apart into scalar ops (one undo step), laid out again. */
  expandNode(id: string): void;
  /** Puts an expanded neuron or layer back together; says why when it no longer can. */
  collapseGroup(groupId: string): void;
  /** Writes trained (or re-initialised) weights into the graph: one undo step per training session. */
  applyTraining(doc: GraphDoc): void;
  /** Replaces the whole graph (a preset, an opened file, a shared link): one undo step. */
  loadDocument(doc: GraphDoc, options?: { layout?: boolean; viewport?: Viewport }): void;
  /** Opens a gesture: the edits until `endGesture` become a single undo step. */
  beginGesture(): void;
  endGesture(): void;
  undo(): void;
  redo(): void;

  // --- selection and clipboard ---
  select(ids: readonly string[]): void;
  selectWires(ids: readonly string[]): void;
  copy(): void;
  cut(): void;
  paste(at?: Position): void;
  duplicate(): void;
  deleteSelection(): void;

  // --- view ---
  setViewport(v: Viewport): void;
  notify(tone: Notice['tone'], text: string): void;
  dismissNotice(id: number): void;
}

/** The playground's store. */
export type PlaygroundStore = StoreApi<PlaygroundState>;

const PASTE_OFFSET = 40;

/** A store holding `doc`; the app makes one, tests make as many as they like. */
export function createPlaygroundStore(doc: GraphDoc = EMPTY_DOC, viewport: Viewport = { x: 0, y: 0, zoom: 1 }): PlaygroundStore {
  let noticeId = 0;
  return createStore<PlaygroundState>()((set, get) => {
    /** Applies a semantic edit: records undo (unless a gesture is open) and bumps the revision. */
    function edit(next: GraphDoc, opts: { semantic?: boolean } = {}): void {
      const { doc: before, gestureStart, history, revision } = get();
      if (next === before) return;
      const semantic = opts.semantic !== false;
      set({
        doc: next,
        history: gestureStart === null ? record(history, before) : history,
        revision: semantic ? revision + 1 : revision,
        // A pass watched on the old graph would animate nodes that changed: drop it.
        ...(semantic && get().backwardRun ? { backwardRun: null } : {}),
      });
    }

    /** Replaces the one pass the learner ran with the same pass on the edited graph. */
    function rerunPass(): void {
      get().zeroGrad();
      get().backward();
    }

    return {
      doc,
      revision: 0,
      history: EMPTY_HISTORY,
      gestureStart: null,
      selection: [],
      selectedWires: [],
      viewport,
      notice: null,
      clipboard: null,
      layoutRequest: 0,
      viewportRequest: 0,
      mode: 'build',
      setMode(mode) {
        if (get().mode !== mode) set({ mode });
      },
      ...createBackwardSlice(set, get),
      ...createKeepingSlice(set, get),
      ...createTrainingSlice(set, get, (setup) => edit({ ...get().doc, training: setup })),

      addNodes(nodes, select = true) {
        edit(addNodes(get().doc, nodes));
        if (select) set({ selection: nodes.map((n) => n.id) });
      },
      removeNodes(ids) {
        edit(removeNodes(get().doc, ids));
        const gone = new Set(ids);
        set({ selection: get().selection.filter((id) => !gone.has(id)) });
      },
      removeWires(ids) {
        edit(removeWires(get().doc, ids));
      },
      connect(c) {
        const result = connect(get().doc, c);
        if ('reason' in result) {
          get().notify('error', result.reason);
          return false;
        }
        edit(result.doc);
        return true;
      },
      updateNode(id, patch) {
        const onlyPosition = Object.keys(patch).every((k) => k === 'position');
        edit(updateNode(get().doc, id, patch), { semantic: !onlyPosition });
      },
      moveNodes(positions) {
        edit(moveNodes(get().doc, positions), { semantic: false });
      },
      settleNodes(positions) {
        const next = moveNodes(get().doc, positions);
        if (next !== get().doc) set({ doc: next });
      },
      setOutput(id) {
        edit(setOutput(get().doc, id));
      },
      applyNudge(next) {
        edit(next);
      },
      applyTraining(next) {
        edit(next);
      },
      expandNode(id) {
        const { doc: next, created } = scalarize(get().doc, [id]);
        if (created.length === 0) return;
        const hadOnePass = oneFreshPass(get());
        edit(next);
        set((s) => ({ selection: created, layoutRequest: s.layoutRequest + 1 }));
        // Taking a neuron apart changes no number, so the pass the learner ran still holds: run
        // it on the new ops, so their grads show at once (only for a single pass, where a fresh
        // pass gives exactly what the cards showed).
        if (hadOnePass) rerunPass();
      },
      collapseGroup(groupId) {
        const result = collapseGroup(get().doc, groupId);
        if ('reason' in result) {
          get().notify('error', result.reason);
          return;
        }
        const hadOnePass = oneFreshPass(get());
        edit(result.doc);
        set((s) => ({ selection: [result.id], layoutRequest: s.layoutRequest + 1 }));
        if (hadOnePass) rerunPass();
      },
      loadDocument(next, options = {}) {
        edit(next);
        set((s) => ({
          selection: [],
          grads: { passes: 0, leaves: {}, latest: {}, revision: -1 },
          backwardRun: null,
          layoutRequest: options.layout ? s.layoutRequest + 1 : s.layoutRequest,
          ...(options.viewport ? { viewport: options.viewport, viewportRequest: s.viewportRequest + 1 } : {}),
        }));
      },
      beginGesture() {
        if (get().gestureStart === null) set({ gestureStart: get().doc });
      },
      endGesture() {
        const { gestureStart, doc: current, history } = get();
        if (gestureStart === null) return;
        set({ gestureStart: null, history: current === gestureStart ? history : record(history, gestureStart) });
      },
      undo() {
        get().endGesture();
        const step = undo(get().history, get().doc);
        if (step) set((s) => ({ doc: step.doc, history: step.history, revision: s.revision + 1, selection: keep(s.selection, step.doc), backwardRun: null }));
      },
      redo() {
        get().endGesture();
        const step = redo(get().history, get().doc);
        if (step) set((s) => ({ doc: step.doc, history: step.history, revision: s.revision + 1, selection: keep(s.selection, step.doc), backwardRun: null }));
      },

      select(ids) {
        if (!sameIds(ids, get().selection)) set({ selection: ids });
      },
      selectWires(ids) {
        if (!sameIds(ids, get().selectedWires)) set({ selectedWires: ids });
      },
      copy() {
        const { doc: d, selection } = get();
        if (selection.length === 0) return;
        set({ clipboard: extractFragment(d, selection) });
      },
      cut() {
        get().copy();
        get().deleteSelection();
      },
      paste(at) {
        const clip = get().clipboard;
        if (!clip || clip.nodes.length === 0) return;
        const offset = at ? offsetTo(clip, at) : { x: PASTE_OFFSET, y: PASTE_OFFSET };
        const copy = cloneFragment(clip, offset);
        edit(addNodes(get().doc, copy.nodes, copy.wires));
        // The next paste lands a step further on, as in most editors.
        set({ selection: copy.nodes.map((n) => n.id), clipboard: at ? clip : cloneFragment(clip, offset) });
      },
      duplicate() {
        const { doc: d, selection } = get();
        if (selection.length === 0) return;
        const copy = cloneFragment(extractFragment(d, selection), { x: PASTE_OFFSET, y: PASTE_OFFSET });
        edit(addNodes(d, copy.nodes, copy.wires));
        set({ selection: copy.nodes.map((n) => n.id) });
      },
      deleteSelection() {
        const { selection, selectedWires, doc: d } = get();
        if (selection.length === 0 && selectedWires.length === 0) return;
        edit(removeNodes(removeWires(d, selectedWires), selection));
        set({ selection: [], selectedWires: [] });
      },

      setViewport(v) {
        const c = get().viewport;
        if (c.x !== v.x || c.y !== v.y || c.zoom !== v.zoom) set({ viewport: v });
      },
      notify(tone, text) {
        set({ notice: { id: ++noticeId, tone, text } });
      },
      dismissNotice(id) {
        if (get().notice?.id === id) set({ notice: null });
      },
    };
  });
}

/** True when exactly one backward pass ran on the current graph (grads are neither stale nor accumulated). */
function oneFreshPass(state: PlaygroundState): boolean {
  return state.grads.passes === 1 && state.grads.revision === state.revision;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

function keep(selection: readonly string[], doc: GraphDoc): readonly string[] {
  return selection.filter((id) => doc.nodes[id] !== undefined);
}

/** The shift that puts a fragment's top-left node at `at`. */
function offsetTo(fragment: Fragment, at: Position): Position {
  const minX = Math.min(...fragment.nodes.map((n) => n.position.x));
  const minY = Math.min(...fragment.nodes.map((n) => n.position.y));
  return { x: at.x - minX, y: at.y - minY };
}
