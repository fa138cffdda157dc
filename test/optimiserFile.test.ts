import { describe, expect, it } from 'vitest';
import { insertMlp } from '../src/document/network/insertMlp';
import { parseDocumentFile, serializeDocument } from '../src/document/file/serialize';
import type { GraphDoc, TrainingSetup } from '../src/document/types';
import { DEFAULT_OPTIMISER } from '../src/nn/optimisers';
import { DEFAULT_SETUP } from '../src/training/setup';
import { optimiserOf } from '../src/training/trainerOptions';

/** The optimiser a file carries: kept on save and open, absent in older files (plain SGD), refused when out of range. */

function fileWith(training: Partial<TrainingSetup>): string {
  const { doc } = insertMlp({ nodes: {}, wires: {}, output: null }, { nin: 2, sizes: [2, 1], activation: 'tanh', seed: 1, style: 'layers', loss: 'squared', at: { x: 0, y: 0 } });
  const trained: GraphDoc = { ...doc, training: { ...DEFAULT_SETUP, ...training } };
  return serializeDocument(trained);
}

describe('the optimiser in a graph file', () => {
  it('comes back as saved', () => {
    const optimiser = { ...DEFAULT_OPTIMISER, kind: 'adamw' as const, beta1: 0.8, weightDecay: 0.05 };
    const result = parseDocumentFile(fileWith({ optimiser }));
    if (!result.ok) throw new Error(result.reason);
    expect(result.doc.training?.optimiser).toEqual(optimiser);
  });

  it('an older file without one trains with plain SGD', () => {
    const result = parseDocumentFile(fileWith({}));
    if (!result.ok) throw new Error(result.reason);
    expect(result.doc.training?.optimiser).toBeUndefined();
    expect(optimiserOf(result.doc.training!).kind).toBe('sgd');
  });

  it('refuses β1 = 1, ε = 0 and negative decay with the reason', () => {
    const cases: [Partial<typeof DEFAULT_OPTIMISER>, RegExp][] = [
      [{ beta1: 1 }, /beta1.*below 1/],
      [{ beta2: -0.1 }, /beta2.*0 or more/],
      [{ eps: 0 }, /eps.*above 0/],
      [{ weightDecay: -1 }, /weightDecay.*0 or more/],
      [{ momentum: -0.5 }, /momentum.*0 or more/],
    ];
    for (const [bad, reason] of cases) {
      const result = parseDocumentFile(fileWith({ optimiser: { ...DEFAULT_OPTIMISER, kind: 'adam', ...bad } }));
      expect(result.ok ? 'opened' : result.reason).toMatch(reason);
    }
  });
});
