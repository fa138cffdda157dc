import { describe, expect, it } from 'vitest';
import { findPreset } from '../document/presets';
import { insertMlp } from '../document/network/insertMlp';
import { evaluate } from '../document/evaluate';
import { compileNetwork } from './compiled/compile';
import { writeParams } from './compiled/params';
import { datasetLoss, lossReductionLabel, sampleValues, shownSample } from './datasetLoss';
import { datasetsOf, setupOf } from './setup';
import { TrainingSession } from './worker/TrainingSession';

function compiled(doc: Parameters<typeof compileNetwork>[0]) {
  const c = compileNetwork(doc);
  if (!c.ok) throw new Error(c.reason);
  return c.program;
}

/** The loss card's per-sample number for sample `i`: the document evaluated with that sample on its inputs. */
function cardLoss(doc: ReturnType<NonNullable<ReturnType<typeof findPreset>>['build']>, i: number): number {
  const nodes = { ...doc.nodes };
  for (const { id, value } of sampleValues(doc, i)) nodes[id] = { ...nodes[id]!, value } as (typeof nodes)[string];
  const shown = { ...doc, nodes };
  const loss = Object.values(shown.nodes).find((n) => n.kind === 'loss')!;
  return evaluate(shown).results.get(loss.id)!.data;
}

describe('the loss card and the Train panel print one loss', () => {
  const preset = findPreset('tiny-mlp')!;

  it('is the sum of the four samples’ losses the cards show, for the lecture’s tiny MLP', () => {
    const doc = preset.build();
    const loss = datasetLoss(doc, compiled(doc));
    if (!loss.ok) throw new Error(loss.reason);
    const perSample = [0, 1, 2, 3].map((i) => cardLoss(doc, i));
    expect(loss.total).toBeCloseTo(perSample.reduce((a, b) => a + b, 0), 12);
    expect(loss.total).toBeCloseTo(4.4544, 4);
    expect(lossReductionLabel(loss.reduction, loss.count, loss.alpha)).toBe('sum over 4 samples');
  });

  it('after 20 steps equals the panel’s newest point: the loss of the weights written back', () => {
    const doc = preset.build();
    const created = TrainingSession.create(doc, setupOf(doc));
    if (!created.ok) throw new Error(created.reason);
    const { session } = created;
    session.run(Infinity, 20);
    session.recordNow();
    const points = session.takePoints();
    const newest = points[points.length - 1]!;
    expect(newest.step).toBe(20);
    const trained = writeParams(session.program, doc, session.trainer.params);
    const loss = datasetLoss(trained, compiled(trained));
    if (!loss.ok) throw new Error(loss.reason);
    expect(loss.total).toBe(newest.loss);
    const perSample = [0, 1, 2, 3].map((i) => cardLoss(trained, i));
    expect(loss.total).toBeCloseTo(perSample.reduce((a, b) => a + b, 0), 12);
    // Below the lecture's last print (0.4884, the loss before the 20th update): one more update down.
    expect(newest.loss).toBeLessThan(points.find((p) => p.step === 19)!.loss);
  });

  it('is a mean plus L2 for the hinge loss on moons, and says so', () => {
    const doc = insertMlp({ nodes: {}, wires: {}, output: null }, { nin: 2, sizes: [4, 1], activation: 'relu', seed: 2, style: 'layers', loss: 'hinge', at: { x: 0, y: 0 } }).doc;
    const loss = datasetLoss(doc, compiled(doc));
    if (!loss.ok) throw new Error(loss.reason);
    expect(lossReductionLabel(loss.reduction, loss.count, loss.alpha)).toBe('mean over 80 samples + L2');
    const created = TrainingSession.create(doc, setupOf(doc));
    if (!created.ok) throw new Error(created.reason);
    expect(created.session.takePoints()[0]!.loss).toBe(loss.total);
  });

  it('knows which sample the inputs show, and none when they were typed by hand', () => {
    const doc = preset.build();
    expect(shownSample(doc)).toBe(0);
    const nodes = { ...doc.nodes };
    for (const { id, value } of sampleValues(doc, 2)) nodes[id] = { ...nodes[id]!, value } as (typeof nodes)[string];
    expect(shownSample({ ...doc, nodes })).toBe(2);
    const input = Object.values(nodes).find((n) => n.kind === 'input')!;
    nodes[input.id] = { ...input, value: 0.123 } as (typeof nodes)[string];
    expect(shownSample({ ...doc, nodes })).toBe(-1);
    expect(datasetsOf(setupOf(doc)).train.x).toHaveLength(4);
  });
});
