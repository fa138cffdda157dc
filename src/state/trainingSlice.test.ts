import { describe, expect, it } from 'vitest';
import { reinitialize } from '../document/network/reinitialize';
import { lecture } from '../document/testDocs';
import { compileNetwork } from '../training/compiled/compile';
import { writeParams } from '../training/compiled/params';
import { CompiledTrainer } from '../training/compiled/Trainer';
import { datasetsOf, DEFAULT_SETUP, setupOf } from '../training/setup';
import { compiledOf, documentWeight } from './derived';
import { createPlaygroundStore } from './store';
import { neuronsDoc, undoSteps } from './testStores';
import { IDLE_TRAINING, paramKey } from '../training/worker/trainingStatus';

describe('updateSetup', () => {
  it('writes the setup into the document as one undo step, starting from the default', () => {
    const store = createPlaygroundStore(lecture());
    const s = () => store.getState();
    const before = s().doc;
    s().updateSetup({ lr: 0.05, batchSize: 16 });
    expect(s().doc.training).toEqual({ ...DEFAULT_SETUP, lr: 0.05, batchSize: 16 });
    expect(s().doc.nodes).toBe(before.nodes);
    expect(s().revision).toBe(1);
    s().updateSetup({ dataset: { kind: 'circles', n: 60, noise: 0, seed: 3 } });
    expect(s().doc.training).toMatchObject({ lr: 0.05, batchSize: 16, dataset: { kind: 'circles', n: 60 } });
    expect(undoSteps(store)).toBe(2);
    s().undo();
    s().undo();
    expect(s().doc).toBe(before);
    expect(setupOf(s().doc)).toBe(DEFAULT_SETUP);
  });

  it('records no undo step for a setup that is already so, nor for the output set again', () => {
    const store = createPlaygroundStore(lecture());
    const s = () => store.getState();
    s().updateSetup({ lr: 0.05 });
    const doc = s().doc;
    s().updateSetup({ lr: 0.05 });
    s().updateSetup({ dataset: DEFAULT_SETUP.dataset });
    const output = s().doc.output;
    s().setOutput(output);
    expect(s().doc).toBe(doc);
    expect(undoSteps(store)).toBe(1);
    expect(s().revision).toBe(1);
  });
});

describe('training status', () => {
  it('starts idle, merges each report, and is never part of the document or the history', () => {
    const store = createPlaygroundStore(lecture());
    const s = () => store.getState();
    expect(s().training).toBe(IDLE_TRAINING);
    const { doc, history, revision } = s();
    s().setTrainingStatus({ phase: 'running', step: 10, lr: 0.1 });
    s().setTrainingStatus({ step: 20, stepsPerSecond: 900 });
    expect(s().training).toMatchObject({ phase: 'running', step: 20, lr: 0.1, stepsPerSecond: 900, message: null });
    expect(s().doc).toBe(doc);
    expect(s().history).toBe(history);
    expect(s().revision).toBe(revision);
  });

  it('names each parameter by node, field, unit and input', () => {
    expect(paramKey('n1', 'weight', 0, 2)).toBe('n1/weight/0/2');
    expect(paramKey('v', 'value', 0, 0)).toBe('v/value/0/0');
  });
});

describe('a training session', () => {
  it('takes many steps as status reports and writes the weights back as one undo step', () => {
    const store = createPlaygroundStore(neuronsDoc());
    const s = () => store.getState();
    const untrained = s().doc;
    const compiled = compiledOf(untrained);
    if (!compiled.ok) throw new Error(compiled.reason);
    expect(compiledOf(untrained)).toBe(compiled);
    // What the worker does, step by step; the page only hears about it.
    const trainer = new CompiledTrainer(compiled.program, datasetsOf(setupOf(untrained)).train, { lr: 0.1 });
    for (let step = 1; step <= 25; step++) {
      const result = trainer.step();
      s().setTrainingStatus({ phase: 'running', step, params: Float64Array.from(trainer.params), history: [...s().training.history, { step, loss: result.loss, trainAccuracy: 0, testAccuracy: 0 }] });
    }
    expect(s().doc).toBe(untrained);
    expect(undoSteps(store)).toBe(0);
    expect(s().training.history).toHaveLength(25);

    // Pause: the trained weights go into the drawing, once.
    s().applyTraining(writeParams(compiled.program, s().doc, s().training.params!));
    s().setTrainingStatus({ phase: 'paused' });
    const trained = s().doc;
    expect(trained).not.toBe(untrained);
    expect(undoSteps(store)).toBe(1);
    const ref = compiled.program.paramRefs.find((r) => r.field === 'weight')!;
    expect(documentWeight(s(), ref.nodeId, `x${ref.input}`)).toBe(trainer.params[compiled.program.paramRefs.indexOf(ref)]);
    expect(documentWeight(s(), ref.nodeId, 'score')).toBeNull();

    s().undo();
    expect(s().doc).toBe(untrained);
    s().redo();
    expect(s().doc).toBe(trained);
  });

  it('Reset writes fresh weights from the seed as one undo step', () => {
    const store = createPlaygroundStore(neuronsDoc());
    const s = () => store.getState();
    const before = s().doc;
    s().applyTraining(reinitialize(before, 99));
    expect(undoSteps(store)).toBe(1);
    expect(s().doc).toEqual(reinitialize(before, 99));
    expect(compileNetwork(s().doc).ok).toBe(true);
    s().undo();
    expect(s().doc).toBe(before);
  });
});
