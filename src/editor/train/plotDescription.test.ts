import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../data';
import { plotDescription } from './plotDescription';

const set = (y: number[]): Dataset => ({ name: 't', x: y.map(() => [0, 0]), y });

describe('the data plot in words', () => {
  const data = { all: set([1, 1, 1, -1, -1]), train: set([1, 1, -1]), test: set([1, -1]) };

  it('counts the points of each class and the train/test split before training', () => {
    expect(plotDescription(data, undefined)).toBe('5 points: 3 of class +1, 2 of class \u22121 (3 train, 2 test). The decision map appears after the first training step.');
  });

  it('adds the accuracy on train and test once the network has trained', () => {
    expect(plotDescription(data, { train: 0.975, test: 0.5 })).toMatch(/classifies 97\.5 % of the training points and 50\.0 % of the test points correctly\.$/);
  });
});
