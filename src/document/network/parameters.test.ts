import { describe, expect, it } from 'vitest';
import { MLP } from '../../nn';
import { findPreset } from '../presets';
import { EMPTY_DOC } from '../types';
import { insertMlp } from './insertMlp';
import { countParameters } from './parameters';

function drawn(nin: number, sizes: number[], style: 'neurons' | 'layers') {
  return insertMlp(EMPTY_DOC, { nin, sizes, activation: 'tanh', seed: 1, style, loss: 'squared', at: { x: 0, y: 0 } }).doc;
}

describe('countParameters (len(m.parameters()))', () => {
  it.each(['neurons', 'layers'] as const)('counts 41 for MLP(3, [4, 4, 1]) and 337 for MLP(2, [16, 16, 1]) drawn as %s', (style) => {
    expect(countParameters(drawn(3, [4, 4, 1], style))).toBe(41);
    expect(countParameters(drawn(2, [16, 16, 1], style))).toBe(337);
  });

  it('agrees with src/nn for other shapes', () => {
    for (const [nin, sizes] of [[1, [1]], [2, [3, 2]], [4, [5, 5, 5, 1]]] as const) {
      expect(countParameters(drawn(nin, [...sizes], 'neurons'))).toBe(new MLP(nin, [...sizes]).parameters().length);
    }
  });

  it('counts the scalar MLP forward pass by its parameter Values, not its inputs', () => {
    expect(countParameters(findPreset('mlp-forward')!.build())).toBe(41);
  });

  it('is 0 for a graph without parameters', () => {
    expect(countParameters(EMPTY_DOC)).toBe(0);
    expect(countParameters(findPreset('lecture-L')!.build())).toBe(0);
  });
});
