import { describe, expect, it } from 'vitest';
import { makeMoons } from '../../data';
import { MLP } from '../../nn/MLP';
import { linearDecaySchedule } from '../../nn/optim';
import { evaluate } from '../../document/evaluate';
import type { DocNode, GraphDoc, Wire } from '../../document/types';
import { compileNetwork } from './compile';
import { drawMlp } from './drawMlp';
import { readParams, writeParams } from './params';
import type { Program } from './program';
import { scheduledRate } from './schedule';
import { CompiledTrainer } from './Trainer';
import { ValueTrainer } from './valueTrainer';

const at = { x: 0, y: 0 };

function program(doc: GraphDoc): Program {
  const compiled = compileNetwork(doc);
  if (!compiled.ok) throw new Error(compiled.reason);
  return compiled.program;
}

function reason(doc: GraphDoc): string {
  const compiled = compileNetwork(doc);
  if (compiled.ok) throw new Error('expected a refusal');
  return compiled.reason;
}

/** x → neuron → loss ← y, plus whatever `extra` adds. */
function tiny(extra: { nodes?: DocNode[]; wires?: Wire[]; output?: string | null } = {}): GraphDoc {
  const nodes: DocNode[] = [
    { id: 'x', kind: 'input', label: 'x', feature: 0, value: 0, position: at },
    { id: 'n', kind: 'neuron', label: 'n', activation: 'tanh', weights: [0.5], bias: 0.1, position: at },
    { id: 'y', kind: 'target', label: 'y', value: 1, position: at },
    { id: 'loss', kind: 'loss', label: 'loss', loss: 'squared', position: at },
    ...(extra.nodes ?? []),
  ];
  const wires: Wire[] = [
    { id: 'w1', source: 'x', target: 'n', port: 'x0' },
    { id: 'w2', source: 'n', target: 'loss', port: 'score' },
    { id: 'w3', source: 'y', target: 'loss', port: 'target' },
    ...(extra.wires ?? []),
  ];
  return {
    nodes: Object.fromEntries(nodes.map((n) => [n.id, n])),
    wires: Object.fromEntries(wires.map((w) => [w.id, w])),
    output: extra.output === undefined ? 'loss' : extra.output,
  };
}

describe('compileNetwork: what is trained', () => {
  it('refuses a canvas without a loss, with several, or with one that cannot be computed', () => {
    const noLoss = tiny();
    const { loss: _, ...rest } = noLoss.nodes;
    expect(reason({ ...noLoss, nodes: rest, output: null })).toMatch(/Add a Loss node/);
    const second: DocNode = { id: 'loss2', kind: 'loss', label: 'l2', loss: 'hinge', position: at };
    // Without a marked output the main sink's loss is trained; a marked output no loss feeds
    // leaves the choice open.
    expect(program(tiny({ nodes: [second], output: null })).lossNodeId).toBe('loss');
    expect(reason(tiny({ nodes: [second], output: 'x' }))).toMatch(/2 loss nodes; mark the one to train/);
    const unwired = tiny();
    const { w3: __, ...wires } = unwired.wires;
    expect(reason({ ...unwired, wires })).toMatch(/needs 'target' wired/);
  });

  it('picks the loss that feeds the output when there are several', () => {
    const second: DocNode = { id: 'loss2', kind: 'loss', label: 'l2', loss: 'hinge', position: at };
    const wires: Wire[] = [
      { id: 'w4', source: 'n', target: 'loss2', port: 'score' },
      { id: 'w5', source: 'y', target: 'loss2', port: 'target' },
    ];
    expect(program(tiny({ nodes: [second], wires, output: 'loss2' })).lossKind).toBe('hinge');
    expect(program(tiny({ nodes: [second], wires, output: 'loss' })).lossKind).toBe('squared');
  });

  it('refuses a loss fed by another loss, a target not from a Target node, nothing to train, a cycle', () => {
    // loss → tanh → loss2 (marked output): two losses in one network.
    const nodes: DocNode[] = [
      { id: 't', kind: 'op', op: 'tanh', label: 't', position: at },
      { id: 'loss2', kind: 'loss', label: 'l2', loss: 'hinge', position: at },
    ];
    const wires: Wire[] = [
      { id: 'w4', source: 'loss', target: 't', port: 'x' },
      { id: 'w5', source: 't', target: 'loss2', port: 'score' },
      { id: 'w6', source: 'y', target: 'loss2', port: 'target' },
    ];
    expect(reason(tiny({ nodes, wires, output: 'loss2' }))).toMatch(/Several loss nodes feed the output/);

    const c: DocNode = { id: 'c', kind: 'constant', value: 1, position: at };
    const noLabels = tiny({ nodes: [c] });
    expect(reason({ ...noLabels, wires: { ...noLabels.wires, w3: { id: 'w3', source: 'c', target: 'loss', port: 'target' } } })).toMatch(/does not come from a Target node/);

    const fixed = tiny({
      nodes: [{ id: 'v', kind: 'value', label: 'v', value: 2, position: at }, { id: 'm', kind: 'op', op: 'mul', label: 'm', position: at }],
      wires: [
        { id: 'w4', source: 'x', target: 'm', port: 'a' },
        { id: 'w5', source: 'v', target: 'm', port: 'b' },
      ],
    });
    expect(reason({ ...fixed, wires: { ...fixed.wires, w2: { id: 'w2', source: 'm', target: 'loss', port: 'score' } } })).toMatch(/Nothing to train/);

    const loop = tiny({
      nodes: [{ id: 'a', kind: 'op', op: 'add', label: 'a', position: at }],
      wires: [
        { id: 'w4', source: 'n', target: 'a', port: 'a' },
        { id: 'w5', source: 'a', target: 'a', port: 'b' },
      ],
    });
    expect(reason({ ...loop, wires: { ...loop.wires, w2: { id: 'w2', source: 'a', target: 'loss', port: 'score' } } })).toMatch(/cycle/);
  });

  it("orders parameters as micrograd's parameters(): layer by layer, neuron by neuron, weights then bias", () => {
    const mlp = new MLP(2, [3, 2, 1], { seed: 4 });
    for (const as of ['layers', 'neurons'] as const) {
      const doc = drawMlp(mlp, { as, loss: 'hinge' });
      const p = program(doc);
      expect(Array.from(readParams(p, doc))).toEqual(mlp.parameters().map((v) => v.data));
      expect(Array.from(p.init.subarray(0, p.paramCount))).toEqual(mlp.parameters().map((v) => v.data));
    }
    const p = program(drawMlp(mlp, { as: 'layers', loss: 'hinge' }));
    expect(p.paramRefs.slice(0, 4)).toEqual([
      { nodeId: 'L1', field: 'weight', unit: 0, input: 0 },
      { nodeId: 'L1', field: 'weight', unit: 0, input: 1 },
      { nodeId: 'L1', field: 'bias', unit: 0, input: 0 },
      { nodeId: 'L1', field: 'weight', unit: 1, input: 0 },
    ]);
  });

  it("counts trainable Value nodes as parameters, in the document's topological order, and leaves the rest fixed", () => {
    const doc = tiny({
      nodes: [
        { id: 'k', kind: 'value', label: 'k', value: 3, trainable: true, position: at },
        { id: 'f', kind: 'value', label: 'f', value: 5, position: at },
        { id: 'm', kind: 'op', op: 'mul', label: 'm', position: at },
        { id: 'm2', kind: 'op', op: 'mul', label: 'm2', position: at },
      ],
      wires: [
        { id: 'w4', source: 'n', target: 'm', port: 'a' },
        { id: 'w5', source: 'k', target: 'm', port: 'b' },
        { id: 'w6', source: 'm', target: 'm2', port: 'a' },
        { id: 'w7', source: 'f', target: 'm2', port: 'b' },
      ],
    });
    const p = program({ ...doc, wires: { ...doc.wires, w2: { id: 'w2', source: 'm2', target: 'loss', port: 'score' } } });
    expect(p.paramRefs.map((r) => `${r.nodeId}.${r.field}`)).toEqual(['k.value', 'n.weight', 'n.bias']);
  });
});

describe('reading and writing parameters', () => {
  it('writes trained values back into a new document, sharing the nodes that did not change', () => {
    const mlp = new MLP(2, [3, 1], { seed: 2 });
    for (const as of ['layers', 'neurons'] as const) {
      const doc = drawMlp(mlp, { as, loss: 'hinge' });
      const p = program(doc);
      const trained = readParams(p, doc).map((x, i) => x * 2 + i);
      const next = writeParams(p, doc, trained);
      expect(Array.from(readParams(p, next))).toEqual(Array.from(trained));
      expect(next.nodes.x0).toBe(doc.nodes.x0);
      expect(next.wires).toBe(doc.wires);
      // The old document is untouched.
      expect(Array.from(readParams(p, doc))).toEqual(mlp.parameters().map((v) => v.data));
      expect(writeParams(p, doc, readParams(p, doc))).toBe(doc);
    }
  });

  it('refuses a document that changed shape since compiling', () => {
    const doc = drawMlp(new MLP(2, [3, 1], { seed: 2 }), { as: 'layers', loss: 'hinge' });
    const p = program(doc);
    const { L2: _, ...nodes } = doc.nodes;
    expect(() => readParams(p, { ...doc, nodes })).toThrow(RangeError);
    expect(() => writeParams(p, doc, new Float64Array(3))).toThrow(RangeError);
  });
});

describe('CompiledTrainer', () => {
  const data = makeMoons({ n: 40, noise: 0.1, seed: 8 });
  const mlp = new MLP(2, [8, 8, 1], { seed: 8 });
  const doc = drawMlp(mlp, { as: 'layers', loss: 'hinge' });

  it('predicts what evaluate.ts shows on the canvas, and what src/nn computes', () => {
    const trainer = new CompiledTrainer(program(doc), data);
    for (const row of data.x.slice(0, 10)) {
      const nodes = { ...doc.nodes, x0: { ...doc.nodes.x0!, value: row[0]! } as DocNode, x1: { ...doc.nodes.x1!, value: row[1]! } as DocNode };
      const shown = evaluate({ ...doc, nodes }).values.get('L3:y0')!.data;
      expect(trainer.predict(row)).toBe(shown);
      expect(trainer.predict(row)).toBe(mlp.forward(row)[0]!.data);
    }
  });

  it('scores the grid at cell centres, row 0 at the start of the y range', () => {
    const trainer = new CompiledTrainer(program(doc), data);
    const out = new Float32Array(4 * 4);
    trainer.scoreGrid([-2, 2], [0, 1], 4, out);
    expect(out[0]).toBe(Math.fround(trainer.predict([-1.5, 0.125])));
    expect(out[1 * 4 + 3]).toBe(Math.fround(trainer.predict([1.5, 0.375])));
    expect(() => trainer.scoreGrid([-2, 2], [0, 1], 5, out)).toThrow(RangeError);
  });

  it('measures accuracy as micrograd does: the sign of the score against the label', () => {
    const trainer = new CompiledTrainer(program(doc), data);
    const right = data.x.filter((row, i) => mlp.forward(row)[0]!.data > 0 === data.y[i]! > 0).length;
    expect(trainer.evaluateAccuracy(data)).toBe(right / data.x.length);
  });

  it('takes lr, alpha, batch size and schedule changes between steps, as the Value engine does', () => {
    const fast = new CompiledTrainer(program(doc), data, { lr: 0.1, seed: 3 });
    const slow = new ValueTrainer(doc, data, { lr: 0.1, seed: 3 });
    const changes = [
      () => ({ lr: 0.3 }),
      () => ({ alpha: 1e-3 }),
      () => ({ batchSize: 7 }),
      () => ({ schedule: { kind: 'linear-decay', steps: 10 } as const }),
      () => ({ batchSize: 0, lr: 0.05 }),
    ];
    for (const change of changes) {
      Object.assign(fast, change());
      Object.assign(slow, change());
      for (let k = 0; k < 2; k++) {
        const f = fast.step();
        const s = slow.step();
        expect(f.loss).toBe(s.loss);
        expect(f.batchSize).toBe(fast.batchSize === 0 ? data.x.length : fast.batchSize);
      }
    }
    expect(Array.from(fast.params)).toEqual(slow.params.map((p) => p.data));
  });

  it('draws the same mini-batches from the same seed', () => {
    const a = new CompiledTrainer(program(doc), data, { batchSize: 5, seed: 11 });
    const b = new CompiledTrainer(program(doc), data, { batchSize: 5, seed: 11 });
    const c = new CompiledTrainer(program(doc), data, { batchSize: 5, seed: 12 });
    const losses = (t: CompiledTrainer) => Array.from({ length: 5 }, () => t.step().loss);
    const la = losses(a);
    expect(losses(b)).toEqual(la);
    expect(losses(c)).not.toEqual(la);
  });

  it('lets the params be written directly', () => {
    const p = program(doc);
    const trainer = new CompiledTrainer(p, data);
    trainer.params.set(trainer.params.map((x) => -x));
    const flipped = writeParams(p, doc, trainer.params);
    expect(trainer.predict(data.x[0]!)).toBe(new CompiledTrainer(program(flipped), data).predict(data.x[0]!));
  });

  it("refuses a dataset with fewer columns than the network's inputs read", () => {
    expect(() => new CompiledTrainer(program(doc), { name: '1-D', x: [[1], [2]], y: [1, -1] })).toThrow(/reads 2 features/);
  });
});

describe('schedules', () => {
  it("decays as src/nn's linearDecaySchedule, digit for digit, then holds at a tenth", () => {
    const reference = linearDecaySchedule(0.7, 100);
    for (let k = 0; k <= 100; k++) expect(scheduledRate(0.7, { kind: 'linear-decay', steps: 100 }, k)).toBe(reference(k));
    expect(scheduledRate(0.7, { kind: 'linear-decay', steps: 100 }, 250)).toBe(reference(100));
    expect(scheduledRate(0.7, { kind: 'constant' }, 250)).toBe(0.7);
  });
});
