import { describe, expect, it } from 'vitest';
import { nudgeLeaves } from '../document/backward';
import { docOf, lecture, val } from '../document/testDocs';
import type { GraphDoc } from '../document/types';
import { accumulatedGrad, evaluationOf, gradsAreStale } from './derived';
import { HISTORY_LIMIT } from './history';
import { createPlaygroundStore, type PlaygroundState, type PlaygroundStore } from './store';
import { firstNeuron, neuronsDoc, redoSteps, undoSteps } from './testStores';

/** The lecture's leaf grads (L = (a*b + c) * f at a=2, b=-3, c=10, f=-2). */
const LEAF_GRADS = { a: 6, b: -4, c: -2, f: 4 };

/** A store on the lecture's graph with a, e and the wire between them selected. */
function lectureStore(): PlaygroundStore {
  const store = createPlaygroundStore(lecture());
  store.getState().select(['a', 'e']);
  store.getState().selectWires(['b->e.b']);
  return store;
}

/** A store whose first neuron has been expanded; returns the group to collapse. */
function expandedStore(): { store: PlaygroundStore; group: string } {
  const store = createPlaygroundStore(neuronsDoc());
  store.getState().expandNode(firstNeuron(store.getState().doc));
  const member = store.getState().doc.nodes[store.getState().selection[0]!]!;
  return { store, group: member.group!.id };
}

type Command = [name: string, setup: () => PlaygroundStore, run: (s: PlaygroundState) => void];

const COMMANDS: Command[] = [
  ['addNodes', lectureStore, (s) => s.addNodes([val('z', 1)])],
  ['removeNodes', lectureStore, (s) => s.removeNodes(['e'])],
  ['removeWires', lectureStore, (s) => s.removeWires(['a->e.a'])],
  ['connect', lectureStore, (s) => s.connect({ source: 'c', target: 'e', port: 'b' })],
  ['updateNode', lectureStore, (s) => s.updateNode('a', { value: 5, label: 'alpha' })],
  ['moveNodes', lectureStore, (s) => s.moveNodes(new Map([['a', { x: 50, y: 60 }], ['b', { x: 1, y: 2 }]]))],
  ['setOutput', lectureStore, (s) => s.setOutput('d')],
  ['applyNudge', lectureStore, (s) => s.applyNudge(nudgeLeaves(s.doc, LEAF_GRADS, 0.01, 'ascend'))],
  ['applyTraining', lectureStore, (s) => s.applyTraining(nudgeLeaves(s.doc, LEAF_GRADS, 0.5, 'descend'))],
  ['loadDocument', lectureStore, (s) => s.loadDocument(docOf([val('q', 1)]), { layout: true })],
  ['updateSetup', lectureStore, (s) => s.updateSetup({ lr: 0.5 })],
  ['expandNode', () => createPlaygroundStore(neuronsDoc()), (s) => s.expandNode(firstNeuron(s.doc))],
  ['collapseGroup', () => expandedStore().store, (s) => s.collapseGroup(s.doc.nodes[s.selection[0]!]!.group!.id)],
  ['cut', lectureStore, (s) => s.cut()],
  [
    'paste',
    () => {
      const store = lectureStore();
      store.getState().copy();
      return store;
    },
    (s) => s.paste(),
  ],
  ['duplicate', lectureStore, (s) => s.duplicate()],
  ['deleteSelection', lectureStore, (s) => s.deleteSelection()],
];

describe('each named command', () => {
  it.each(COMMANDS)('%s changes the document as one undo step; undo and redo give back the exact documents', (_name, setup, run) => {
    const store = setup();
    const steps = undoSteps(store);
    const before = store.getState().doc;
    run(store.getState());
    const after = store.getState().doc;
    expect(after).not.toBe(before);
    expect(undoSteps(store)).toBe(steps + 1);
    expect(store.getState().history.past.at(-1)).toBe(before);

    store.getState().undo();
    expect(store.getState().doc).toBe(before);
    expect(undoSteps(store)).toBe(steps);
    store.getState().redo();
    expect(store.getState().doc).toBe(after);
    expect(redoSteps(store)).toBe(0);
  });

  type NoOp = [name: string, setup: () => PlaygroundStore, run: (s: PlaygroundState) => void];
  const NO_OPS: NoOp[] = [
    ['updateNode to the same value', lectureStore, (s) => s.updateNode('a', { value: 2 })],
    ['updateNode of a missing node', lectureStore, (s) => s.updateNode('ghost', { value: 2 })],
    ['moveNodes to where they are', lectureStore, (s) => s.moveNodes(new Map([['a', { x: 0, y: 0 }]]))],
    ['removeWires of unknown wires', lectureStore, (s) => s.removeWires(['nope'])],
    ['removeNodes of nothing', lectureStore, (s) => s.removeNodes([])],
    ['a refused connect', lectureStore, (s) => s.connect({ source: 'L', target: 'e', port: 'a' })],
    ['expandNode of a Value', lectureStore, (s) => s.expandNode('a')],
    ['a refused collapseGroup', lectureStore, (s) => s.collapseGroup('no-such-group')],
    ['deleteSelection with nothing selected', () => createPlaygroundStore(lecture()), (s) => s.deleteSelection()],
    ['duplicate with nothing selected', () => createPlaygroundStore(lecture()), (s) => s.duplicate()],
    ['cut with nothing selected', () => createPlaygroundStore(lecture()), (s) => s.cut()],
    ['paste with nothing copied', lectureStore, (s) => s.paste()],
  ];

  it.each(NO_OPS)('%s leaves the document, the history and the revision alone', (_name, setup, run) => {
    const store = setup();
    const { doc, history, revision } = store.getState();
    run(store.getState());
    expect(store.getState().doc).toBe(doc);
    expect(store.getState().history).toBe(history);
    expect(store.getState().revision).toBe(revision);
  });

  it('a refused connect or collapse says why, and returns false', () => {
    const store = lectureStore();
    expect(store.getState().connect({ source: 'L', target: 'e', port: 'a' })).toBe(false);
    expect(store.getState().notice).toMatchObject({ tone: 'error', text: expect.stringMatching(/cycle/) });
    store.getState().collapseGroup('no-such-group');
    expect(store.getState().notice).toMatchObject({ tone: 'error', text: expect.stringMatching(/Nothing to collapse/) });
    expect(store.getState().connect({ source: 'c', target: 'e', port: 'b' })).toBe(true);
  });
});

describe('what is not an undo step', () => {
  it('selection, view, notices, mode, backward passes and training reports leave history alone', () => {
    const store = lectureStore();
    store.getState().updateNode('a', { value: 3 });
    const { doc, history } = store.getState();
    const s = () => store.getState();
    s().select(['b']);
    s().selectWires(['a->e.a']);
    s().setViewport({ x: 10, y: 20, zoom: 2 });
    s().notify('info', 'hello');
    s().dismissNotice(s().notice!.id);
    expect(s().notice).toBeNull();
    s().setMode('backward');
    s().copy();
    s().backward();
    s().startBackward();
    s().stepBackward();
    s().deliverArrivals(2);
    s().setBackwardPaused(true);
    s().setBackwardSpeed(2);
    s().finishBackward();
    s().replayBackward();
    s().zeroGrad();
    s().setTrainingStatus({ phase: 'running', step: 40, lr: 0.1 });
    s().beginGesture();
    s().endGesture();
    expect(s().doc).toBe(doc);
    expect(s().history).toBe(history);
    expect(s()).toMatchObject({ selection: ['b'], selectedWires: ['a->e.a'], viewport: { x: 10, y: 20, zoom: 2 }, mode: 'backward' });
  });

  it('settleNodes moves nodes as part of the step before: one undo takes back a load and its layout', () => {
    const store = createPlaygroundStore(lecture());
    const original = store.getState().doc;
    store.getState().loadDocument(docOf([val('q', 1)]), { layout: true });
    expect(store.getState().layoutRequest).toBe(1);
    store.getState().settleNodes(new Map([['q', { x: 300, y: 40 }]]));
    const settled = store.getState().doc;
    expect(settled.nodes.q!.position).toEqual({ x: 300, y: 40 });
    expect(undoSteps(store)).toBe(1);
    store.getState().undo();
    expect(store.getState().doc).toBe(original);
    store.getState().redo();
    expect(store.getState().doc).toBe(settled);
  });
});

describe('revision', () => {
  it('counts semantic edits and undo/redo, not moves', () => {
    const store = createPlaygroundStore(lecture());
    const rev = () => store.getState().revision;
    expect(rev()).toBe(0);
    store.getState().moveNodes(new Map([['a', { x: 9, y: 9 }]]));
    store.getState().updateNode('a', { position: { x: 10, y: 10 } });
    store.getState().settleNodes(new Map([['a', { x: 11, y: 11 }]]));
    expect(rev()).toBe(0);
    store.getState().updateNode('a', { value: 4 });
    expect(rev()).toBe(1);
    store.getState().undo();
    expect(rev()).toBe(2);
    store.getState().redo();
    expect(rev()).toBe(3);
  });
});

describe('undo and redo', () => {
  it('a new edit after undo clears redo', () => {
    const store = createPlaygroundStore(lecture());
    store.getState().updateNode('a', { value: 4 });
    store.getState().undo();
    expect(redoSteps(store)).toBe(1);
    store.getState().updateNode('b', { value: 4 });
    expect(redoSteps(store)).toBe(0);
    store.getState().redo();
    expect(store.getState().doc.nodes.a).toMatchObject({ value: 2 });
  });

  it('with nothing to undo or redo, change nothing', () => {
    const store = createPlaygroundStore(lecture());
    const before = store.getState();
    store.getState().undo();
    store.getState().redo();
    expect(store.getState().doc).toBe(before.doc);
    expect(store.getState().revision).toBe(before.revision);
  });

  it('keep in the selection only nodes the document still has', () => {
    const store = createPlaygroundStore(lecture());
    store.getState().addNodes([val('z', 1), val('y', 2)]);
    expect(store.getState().selection).toEqual(['z', 'y']);
    store.getState().select(['a', 'z']);
    store.getState().undo();
    expect(store.getState().selection).toEqual(['a']);
  });

  it(`go back at most ${HISTORY_LIMIT} steps, to the document after the oldest kept edit`, () => {
    const store = createPlaygroundStore(lecture());
    const docs: GraphDoc[] = [store.getState().doc];
    for (let i = 1; i <= HISTORY_LIMIT + 1; i++) {
      store.getState().updateNode('a', { value: 100 + i });
      docs.push(store.getState().doc);
    }
    expect(undoSteps(store)).toBe(HISTORY_LIMIT);
    for (let i = 0; i < HISTORY_LIMIT + 10; i++) store.getState().undo();
    expect(store.getState().doc).toBe(docs[1]);
    expect(store.getState().doc.nodes.a).toMatchObject({ value: 101 });
    for (let i = 0; i < HISTORY_LIMIT + 10; i++) store.getState().redo();
    expect(store.getState().doc).toBe(docs.at(-1));
  });

  it('hand back snapshots that later edits did not change', () => {
    const store = createPlaygroundStore(lecture());
    const snapshots: GraphDoc[] = [structuredClone(store.getState().doc)];
    const s = () => store.getState();
    s().updateNode('a', { value: 7 });
    snapshots.push(structuredClone(s().doc));
    s().moveNodes(new Map([['a', { x: 5, y: 5 }]]));
    snapshots.push(structuredClone(s().doc));
    s().connect({ source: 'c', target: 'e', port: 'a' });
    snapshots.push(structuredClone(s().doc));
    s().removeNodes(['f']);
    snapshots.push(structuredClone(s().doc));
    for (let i = snapshots.length - 1; i > 0; i--) {
      expect(s().doc).toEqual(snapshots[i]);
      s().undo();
    }
    expect(s().doc).toEqual(snapshots[0]);
    expect(s().doc).toEqual(lecture());
  });
});

describe('loadDocument', () => {
  it('clears the selection, the grads and the watched pass, and moves the view when given one', () => {
    const store = lectureStore();
    store.getState().backward();
    store.getState().startBackward();
    const doc = docOf([val('q', 1)]);
    store.getState().loadDocument(doc, { viewport: { x: 1, y: 2, zoom: 0.5 } });
    expect(store.getState()).toMatchObject({ doc, selection: [], backwardRun: null, viewport: { x: 1, y: 2, zoom: 0.5 }, viewportRequest: 1, layoutRequest: 0 });
    expect(store.getState().grads.passes).toBe(0);
  });
});

describe('expanding a neuron after one backward pass', () => {
  it('keeps the grads fresh: the new ops show the pass’s grads at once, the cards’ numbers unchanged', () => {
    const store = createPlaygroundStore(neuronsDoc());
    const s = () => store.getState();
    const neuron = firstNeuron(s().doc);
    const label = (s().doc.nodes[neuron] as { label: string }).label;
    s().backward();
    const e = evaluationOf(s().doc);
    const weightGrads = e.results.get(neuron)!.paramGrads!.weights as number[];
    const neuronGrad = accumulatedGrad(s(), neuron);
    s().expandNode(neuron);
    expect(gradsAreStale(s())).toBe(false);
    expect(s().grads.passes).toBe(1);
    const byLabel = (l: string) => Object.values(s().doc.nodes).find((n) => n.kind !== 'neuron' && 'label' in n && n.label === l)!.id;
    weightGrads.forEach((g, i) => expect(accumulatedGrad(s(), byLabel(`${label}.w${i}`))).toBe(g));
    expect(accumulatedGrad(s(), byLabel(label))).toBe(neuronGrad);
    // Back together: still one fresh pass.
    s().collapseGroup(s().doc.nodes[s().selection[0]!]!.group!.id);
    expect(gradsAreStale(s())).toBe(false);
    expect(s().grads.passes).toBe(1);
  });

  it('leaves accumulated grads (two passes) marked stale rather than guessing them', () => {
    const store = createPlaygroundStore(neuronsDoc());
    store.getState().backward();
    store.getState().backward();
    store.getState().expandNode(firstNeuron(store.getState().doc));
    expect(gradsAreStale(store.getState())).toBe(true);
  });
});
