import { describe, expect, it } from 'vitest';
import { insertMlp } from '../../document/network/insertMlp';
import type { TrainingSetup } from '../../document/types';
import { DEFAULT_SETUP } from '../setup';
import { TrainingSession } from './TrainingSession';

/** A drawn MLP(3, [2, 1]): it reads features x1, x2 and x3. */
function threeInputNetwork() {
  return insertMlp({ nodes: {}, wires: {}, output: null }, { nin: 3, sizes: [2, 1], activation: 'tanh', seed: 1, style: 'layers', loss: 'squared', at: { x: 0, y: 0 } }).doc;
}

describe('starting a training session', () => {
  it('refuses points too short for the network with the reason, rather than throwing', () => {
    // Rows of mixed widths: the imported ones are wide enough, the added one (trained last) is not.
    const setup: TrainingSetup = {
      ...DEFAULT_SETUP,
      testFraction: 0,
      imported: { name: 'wide.csv', points: [{ x: [0, 1, 2], label: 1 }, { x: [1, 0, 2], label: -1 }] },
      added: [{ x: [1, 1], label: 1 }],
    };
    const created = TrainingSession.create(threeInputNetwork(), setup);
    expect(created.ok ? 'started' : created.reason).toBe('The network reads feature x3, but the dataset has only 2 features in some points.');
  });

  it('starts on points that all have the features the network reads', () => {
    const setup: TrainingSetup = { ...DEFAULT_SETUP, dataset: { kind: 'tiny4', n: 4, noise: 0, seed: 0 } };
    const created = TrainingSession.create(threeInputNetwork(), setup);
    expect(created.ok ? created.session.run(0, 5).steps : created.reason).toBe(5);
  });
});

describe('a network whose inputs do not match the dataset', () => {
  it('is refused with the reason: an MLP(3, …) on two-feature moons, an MLP(2, …) on the lecture’s three-feature samples', () => {
    const two = insertMlp({ nodes: {}, wires: {}, output: null }, { nin: 2, sizes: [2, 1], activation: 'tanh', seed: 1, style: 'neurons', loss: 'squared', at: { x: 0, y: 0 } }).doc;
    const tiny: TrainingSetup = { ...DEFAULT_SETUP, dataset: { kind: 'tiny4', n: 4, noise: 0, seed: 0 } };
    const created = TrainingSession.create(two, tiny);
    expect(created.ok ? 'started' : created.reason).toMatch(/^The network has 2 inputs \(x1…x2\), but each point of the dataset has 3 features/);
    const three = TrainingSession.create(threeInputNetwork(), DEFAULT_SETUP);
    expect(three.ok ? 'started' : three.reason).toBe('The network reads feature x3, but the dataset has only 2 features.');
  });
});
