import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nudgeLeaves } from '../document/backward';
import { docOf, lecture, op, val } from '../document/testDocs';
import type { GraphDoc } from '../document/types';
import { validateDoc } from '../document/validate';
import { createPlaygroundStore, type PlaygroundStore } from './store';
import { undoSteps } from './testStores';

/**
 * Random sessions of named commands on the lecture's graph. Picks are indexes taken modulo what
 * the document holds at that moment, so every command refers to something that exists.
 */
type Command =
  | { kind: 'addValue' | 'addOp'; value: number; op: 'add' | 'mul' | 'tanh' | 'neg' }
  | { kind: 'remove' | 'output' | 'update' | 'label' | 'move' | 'copyPaste' | 'duplicate' | 'cut' | 'delete'; pick: number; value: number }
  | { kind: 'removeWire'; pick: number }
  | { kind: 'connect'; source: number; target: number; port: number }
  | { kind: 'drag'; pick: number; moves: number[] }
  | { kind: 'scrub'; pick: number; values: number[] }
  | { kind: 'setup'; value: number }
  | { kind: 'nudge' | 'load' | 'undo' | 'redo' };

const small = fc.integer({ min: -50, max: 50 });
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constantFrom('addValue', 'addOp'), value: small, op: fc.constantFrom('add', 'mul', 'tanh', 'neg') }),
  fc.record({
    kind: fc.constantFrom('remove', 'output', 'update', 'label', 'move', 'copyPaste', 'duplicate', 'cut', 'delete'),
    pick: fc.nat(),
    value: small,
  }),
  fc.record({ kind: fc.constant('removeWire'), pick: fc.nat() }),
  fc.record({ kind: fc.constant('connect'), source: fc.nat(), target: fc.nat(), port: fc.nat() }),
  fc.record({ kind: fc.constant('drag'), pick: fc.nat(), moves: fc.array(small, { maxLength: 6 }) }),
  fc.record({ kind: fc.constant('scrub'), pick: fc.nat(), values: fc.array(small, { maxLength: 6 }) }),
  fc.record({ kind: fc.constant('setup'), value: fc.integer({ min: 1, max: 100 }) }),
  fc.record({ kind: fc.constantFrom('nudge', 'load', 'undo', 'redo') }),
) as fc.Arbitrary<Command>;

/** Ports to try: some exist on the target, some do not (connect must refuse those). */
const PORTS = ['a', 'b', 'x', 'x0', 'score'];

let fresh = 0;

function pickNode(doc: GraphDoc, i: number): string | undefined {
  const ids = Object.keys(doc.nodes);
  return ids.length === 0 ? undefined : ids[i % ids.length];
}

function run(store: PlaygroundStore, c: Command): void {
  const s = store.getState();
  const id = 'pick' in c ? pickNode(s.doc, c.pick) : undefined;
  const ids = id === undefined ? [] : [id];
  switch (c.kind) {
    case 'addValue':
      return s.addNodes([val(`v${++fresh}`, c.value)]);
    case 'addOp':
      return s.addNodes([op(`o${++fresh}`, c.op)]);
    case 'remove':
      return s.removeNodes(ids);
    case 'removeWire': {
      const wires = Object.keys(s.doc.wires);
      return s.removeWires(wires.length === 0 ? [] : [wires[c.pick % wires.length]!]);
    }
    case 'connect': {
      const [source, target] = [pickNode(s.doc, c.source), pickNode(s.doc, c.target)];
      if (source && target) s.connect({ source, target, port: PORTS[c.port % PORTS.length]! });
      return;
    }
    case 'output':
      return s.setOutput(c.value < 0 ? null : (id ?? null));
    case 'update':
      return id === undefined ? undefined : s.updateNode(id, { value: c.value });
    case 'label':
      return id === undefined ? undefined : s.updateNode(id, { label: `n${c.value}` });
    case 'move':
      return id === undefined ? undefined : s.moveNodes(new Map([[id, { x: c.value, y: -c.value }]]));
    case 'copyPaste':
      s.select(ids);
      s.copy();
      return store.getState().paste(c.value < 0 ? undefined : { x: c.value, y: c.value });
    case 'duplicate':
      s.select(ids);
      return store.getState().duplicate();
    case 'cut':
      s.select(ids);
      return store.getState().cut();
    case 'delete':
      s.select(ids);
      return store.getState().deleteSelection();
    case 'drag':
      s.beginGesture();
      for (const m of c.moves) if (id !== undefined) store.getState().moveNodes(new Map([[id, { x: m, y: m }]]));
      return store.getState().endGesture();
    case 'scrub':
      s.beginGesture();
      for (const v of c.values) if (id !== undefined) store.getState().updateNode(id, { value: v });
      return store.getState().endGesture();
    case 'setup':
      return s.updateSetup({ lr: c.value / 100 });
    case 'nudge':
      s.backward();
      return store.getState().applyNudge(nudgeLeaves(store.getState().doc, store.getState().grads.leaves, 0.01, 'ascend'));
    case 'load':
      return s.loadDocument(docOf([val(`v${++fresh}`, 1)]));
    case 'undo':
      return s.undo();
    case 'redo':
      return s.redo();
  }
}

/** Freezes a document all the way down, so any later edit that mutated it in place would throw. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const sessionArb = fc.array(commandArb, { minLength: 1, maxLength: 40 });

describe('any session of commands', () => {
  it('changes the document only through undo steps: one per command, none when nothing changed', () => {
    fc.assert(
      fc.property(sessionArb, (session) => {
        const store = createPlaygroundStore(deepFreeze(lecture()));
        for (const c of session) {
          const before = store.getState();
          run(store, c);
          const after = store.getState();
          deepFreeze(after.doc);
          expect(validateDoc(after.doc), `${c.kind} leaves a sound document`).toEqual([]);
          expect(after.gestureStart).toBeNull();
          if (c.kind === 'undo' || c.kind === 'redo') continue;
          if (after.doc === before.doc) {
            expect(after.history, `${c.kind} changed nothing, so recorded nothing`).toBe(before.history);
          } else {
            expect(undoSteps(store), `${c.kind} is one undo step`).toBe(before.history.past.length + 1);
            expect(after.history.past.at(-1)).toBe(before.doc);
            expect(after.history.future).toEqual([]);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('then undone to the end gives back the original document, and redone to the end the latest', () => {
    fc.assert(
      fc.property(sessionArb, (session) => {
        const original = lecture();
        const store = createPlaygroundStore(original);
        for (const c of session) run(store, c);
        const s = () => store.getState();
        while (s().history.future.length > 0) s().redo();
        const latest = s().doc;
        const steps = s().history.past.length;
        for (let i = 0; i < steps; i++) s().undo();
        expect(s().doc).toBe(original);
        expect(s().history.past).toEqual([]);
        for (let i = 0; i < steps; i++) s().redo();
        expect(s().doc).toBe(latest);
        expect(s().history.future).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('undo then redo is the identity, wherever the session stands', () => {
    fc.assert(
      fc.property(sessionArb, (session) => {
        const store = createPlaygroundStore(lecture());
        for (const c of session) run(store, c);
        const s = () => store.getState();
        fc.pre(s().history.past.length > 0);
        const { doc, history } = s();
        s().undo();
        expect(s().doc).not.toBe(doc);
        s().redo();
        expect(s().doc).toBe(doc);
        expect(s().history).toEqual(history);
      }),
      { numRuns: 150 },
    );
  });
});
