import { describe, expect, it } from 'vitest';
import type { OpType } from '../engine';
import { docOf, konst, lecture, op, val, wire } from './testDocs';
import { EMPTY_DOC, type GraphDoc } from './types';
import { canConnect, describeNode, validateDoc } from './validate';

function refusal(doc: GraphDoc, source: string, target: string, port: string): string {
  const check = canConnect(doc, { source, target, port });
  if (check.ok) throw new Error(`expected ${source} -> ${target}.${port} to be refused`);
  return check.reason;
}

describe('describeNode', () => {
  it('names a node by its label, its constant value or its op', () => {
    const doc = docOf([val('a', 1), konst('k', 2.5), { ...op('n', 'mul'), label: '' }, val('v', 1, '')]);
    expect(describeNode(doc, 'a')).toBe("'a'");
    expect(describeNode(doc, 'k')).toBe('the constant 2.5');
    expect(describeNode(doc, 'n')).toBe('the multiply node');
    expect(describeNode(doc, 'v')).toBe('a value');
    expect(describeNode(doc, 'gone')).toBe('a missing node');
  });
});

describe('canConnect', () => {
  it('allows a wire into a free port', () => {
    const doc = docOf([val('a', 1), op('t', 'tanh')]);
    expect(canConnect(doc, { source: 'a', target: 't', port: 'x' })).toEqual({ ok: true });
  });

  it('allows a wire into an occupied port (connect replaces the old one)', () => {
    const doc = lecture();
    expect(canConnect(doc, { source: 'f', target: 'e', port: 'a' })).toEqual({ ok: true });
  });

  it('allows the same source into both ports of one op (a + a)', () => {
    const doc = docOf([val('a', 1), op('s', 'add')], [wire('a', 's', 'a')]);
    expect(canConnect(doc, { source: 'a', target: 's', port: 'b' })).toEqual({ ok: true });
  });

  it('refuses a self-loop, calling it a cycle', () => {
    const doc = docOf([op('t', 'tanh')]);
    expect(refusal(doc, 't', 't', 'x')).toMatch(/cycle/);
  });

  it('refuses a wire that would close a cycle, naming both ends', () => {
    const doc = lecture();
    // L depends on e, so e may not read L.
    const reason = refusal(doc, 'L', 'e', 'a');
    expect(reason).toMatch(/cycle/);
    expect(reason).toContain("'L'");
    expect(reason).toContain("'e'");
    // A longer loop: d -> L already, so L -> d would close it.
    expect(refusal(doc, 'L', 'd', 'b')).toMatch(/cycle/);
  });

  it('refuses a port the target does not have, and any port on a leaf', () => {
    const doc = lecture();
    expect(refusal(doc, 'a', 'L', 'x')).toMatch(/no input 'x'/);
    expect(refusal(doc, 'a', 'b', 'a')).toMatch(/no input 'a'/);
  });

  it('refuses wires to or from nodes that do not exist', () => {
    const doc = lecture();
    expect(refusal(doc, 'ghost', 'L', 'a')).toMatch(/no longer exists/);
    expect(refusal(doc, 'a', 'ghost', 'a')).toMatch(/no longer exists/);
    expect(refusal(EMPTY_DOC, 'a', 'b', 'a')).toMatch(/no longer exists/);
  });
});

describe('validateDoc', () => {
  it('finds nothing wrong with a sound document, even with unwired inputs', () => {
    expect(validateDoc(lecture())).toEqual([]);
    expect(validateDoc(EMPTY_DOC)).toEqual([]);
    expect(validateDoc(docOf([op('m', 'mul'), op('p', 'pow', 3)]))).toEqual([]);
    expect(validateDoc({ ...lecture(), output: 'd' })).toEqual([]);
  });

  it('finds an unknown op', () => {
    const doc = docOf([op('x', 'frobnicate' as OpType)]);
    expect(validateDoc(doc)).toEqual([{ message: expect.stringMatching(/unknown operation 'frobnicate'/), nodeId: 'x' }]);
  });

  it('finds a pow node without its exponent', () => {
    const problems = validateDoc(docOf([op('p', 'pow')]));
    expect(problems).toEqual([{ message: expect.stringMatching(/power node needs its k/), nodeId: 'p' }]);
  });

  it('finds dangling wires at either end', () => {
    const doc = docOf([val('a', 1), op('t', 'tanh')], [wire('ghost', 't', 'x', 'w1'), wire('a', 'phantom', 'x', 'w2')]);
    const problems = validateDoc(doc);
    expect(problems).toContainEqual({ message: expect.stringMatching(/starts at a node that does not exist \('ghost'\)/), wireId: 'w1' });
    expect(problems).toContainEqual({ message: expect.stringMatching(/ends at a node that does not exist \('phantom'\)/), wireId: 'w2' });
    expect(problems).toHaveLength(2);
  });

  it('finds a wire into a port the node does not have', () => {
    const doc = docOf([val('a', 1), op('t', 'tanh')], [wire('a', 't', 'b', 'w')]);
    expect(validateDoc(doc)).toEqual([{ message: expect.stringMatching(/input 'b', which 't' does not have/), wireId: 'w' }]);
  });

  it('finds two wires into one port', () => {
    const doc = docOf([val('a', 1), val('b', 2), op('t', 'tanh')], [wire('a', 't', 'x', 'w1'), wire('b', 't', 'x', 'w2')]);
    expect(validateDoc(doc)).toEqual([{ message: expect.stringMatching(/two wires go into input 'x' of 't'/), wireId: 'w2' }]);
  });

  it('finds a cycle', () => {
    const doc = docOf([op('p', 'neg'), op('q', 'neg')], [wire('p', 'q', 'x'), wire('q', 'p', 'x')]);
    const problems = validateDoc(doc);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/cycle through 2 nodes/);
    expect(['p', 'q']).toContain(problems[0]!.nodeId);
  });

  it('finds a self-loop', () => {
    const doc = docOf([op('p', 'neg')], [wire('p', 'p', 'x')]);
    expect(validateDoc(doc)).toEqual([{ message: "'p' is wired into itself", nodeId: 'p' }]);
  });

  it('counts the nodes on a loop, not the nodes behind it, and names each loop once', () => {
    // A self-loop feeding two more nodes is one node wired into itself, not "a cycle through 3 nodes".
    const selfLoop = docOf([op('p', 'neg'), op('q', 'neg'), op('r', 'neg')], [wire('p', 'p', 'x'), wire('p', 'q', 'x'), wire('q', 'r', 'x')]);
    expect(validateDoc(selfLoop)).toEqual([{ message: "'p' is wired into itself", nodeId: 'p' }]);
    const unlabelled = docOf([{ ...op('p', 'neg'), label: '' }], [wire('p', 'p', 'x')]);
    expect(validateDoc(unlabelled).map((p) => p.message)).toEqual(['the negate node is wired into itself']);
    // Two nodes feeding each other, and a third reading them, is a cycle through 2 nodes.
    const pair = docOf([op('p', 'add'), op('q', 'neg'), op('r', 'neg'), op('s', 'neg')], [wire('q', 'p', 'a'), wire('s', 'p', 'b'), wire('p', 'q', 'x'), wire('q', 'r', 'x'), wire('s', 's', 'x')]);
    expect(validateDoc(pair)).toEqual([
      { message: 'the graph has a cycle through 2 nodes', nodeId: 'p' },
      { message: "'s' is wired into itself", nodeId: 's' },
    ]);
  });

  it('finds an output that does not exist', () => {
    expect(validateDoc({ ...lecture(), output: 'gone' })).toEqual([{ message: expect.stringMatching(/output node 'gone' does not exist/) }]);
  });

  it('finds nodes and wires stored under another id', () => {
    const doc: GraphDoc = { nodes: { x: val('a', 1) }, wires: { y: wire('a', 'a', 'x', 'z') }, output: null };
    const problems = validateDoc(doc);
    expect(problems).toContainEqual({ message: expect.stringMatching(/node 'x' is stored under another id/), nodeId: 'x' });
    expect(problems).toContainEqual({ message: expect.stringMatching(/wire 'y' is stored under another id/), wireId: 'y' });
  });

  it('reports every problem of a badly damaged document', () => {
    const doc = docOf(
      [op('u', 'nope' as OpType), op('p', 'pow'), op('q', 'neg'), op('r', 'neg'), val('a', 1)],
      [wire('a', 'p', 'x', 'w1'), wire('a', 'p', 'x', 'w2'), wire('ghost', 'q', 'x', 'w3'), wire('q', 'r', 'x', 'w4'), wire('r', 'q', 'x', 'w5')],
      'missing',
    );
    const messages = validateDoc(doc).map((p) => p.message);
    expect(messages).toEqual([
      expect.stringMatching(/unknown operation/),
      expect.stringMatching(/needs its k/),
      expect.stringMatching(/two wires/),
      expect.stringMatching(/starts at a node that does not exist/),
      // q has two wires into 'x' too (w3 from ghost and w5 from r).
      expect.stringMatching(/two wires/),
      expect.stringMatching(/cycle/),
      expect.stringMatching(/output node/),
    ]);
  });
});
