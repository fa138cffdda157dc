import { describe, expect, it } from 'vitest';
import { insertMlp } from '../../src/document/network/insertMlp';
import { DEFAULT_OPTIMISER } from '../../src/nn/optimisers';
import { DEFAULT_SETUP } from '../../src/training/setup';
import { EMPTY_DOC, type GraphDoc } from '../../src/document/types';
import { toPython } from '../../src/document/codegen/python';
import { toTypeScript } from '../../src/document/codegen/typescript';

function network(training: GraphDoc['training']): GraphDoc {
  const { doc } = insertMlp({ ...EMPTY_DOC, training }, { nin: 2, sizes: [2, 1], activation: 'tanh', seed: 1, style: 'layers', loss: 'squared', at: { x: 0, y: 0 } });
  return doc;
}

describe('the exports carry the Train panel’s optimiser', () => {
  it('writes Adam’s lines with its settings in Python and TypeScript', () => {
    const doc = network({ ...DEFAULT_SETUP, lr: 0.02, optimiser: { ...DEFAULT_OPTIMISER, kind: 'adamw', beta1: 0.8, weightDecay: 0.05 } });
    const py = toPython(doc);
    expect(py).toContain("# One update by the Train panel's optimiser, AdamW at lr 0.02");
    expect(py).toContain('beta1, beta2, eps, weight_decay = 0.8, 0.999, 1e-8, 0.05');
    expect(py).toContain('    p.data *= 1 - lr * weight_decay');
    const ts = toTypeScript(doc);
    expect(ts).toContain('const beta1 = 0.8, beta2 = 0.999, eps = 1e-8;');
    expect(ts).toContain('  p.data -= (lr * mHat) / (Math.sqrt(vHat) + eps);');
  });

  it('writes plain SGD for an older setup without an optimiser, and nothing for a graph never set up to train', () => {
    expect(toPython(network(DEFAULT_SETUP))).toContain('    p.data -= lr * p.grad');
    expect(toPython(network(undefined))).not.toContain('optimiser');
    expect(toTypeScript(network(undefined))).not.toContain('optimiser');
  });
});
