import { describe, expect, it } from 'vitest';
import { insertMlp } from '../src/document/network/insertMlp';
import { parseDocumentFile, serializeDocument } from '../src/document/file/serialize';
import type { GraphDoc, LabelledPoint, TrainingSetup } from '../src/document/types';
import { DEFAULT_SETUP as SETUP } from '../src/training/setup';

/**
 * The training setup a file carries (its dataset, imported CSV points, clicked points) is read
 * as strictly as its nodes: points that a trainer could not use together are refused with the
 * reason when the file is opened, not found out later by a crashing training worker.
 */

/** A drawn MLP(nin, [2, 1]) trained on `training`, saved as a file. */
function fileWith(training: Partial<TrainingSetup>, nin = 2): string {
  const { doc } = insertMlp({ nodes: {}, wires: {}, output: null }, { nin, sizes: [2, 1], activation: 'tanh', seed: 1, style: 'layers', loss: 'squared', at: { x: 0, y: 0 } });
  const trained: GraphDoc = { ...doc, training: { ...SETUP, ...training } };
  return serializeDocument(trained);
}

const p = (label: -1 | 1, ...x: number[]): LabelledPoint => ({ x, label });

function refusal(text: string): string {
  const result = parseDocumentFile(text);
  if (result.ok) throw new Error('the file was accepted');
  return result.reason;
}

describe('reading the training setup of a graph file', () => {
  it('opens a file whose points all fit the dataset', () => {
    const imported = { name: 'mine.csv', points: [p(1, 0, 1), p(-1, 1, 0), p(1, 0.5, 0.5)] };
    for (const text of [
      fileWith({}),
      fileWith({ added: [p(1, 0.2, 0.3), p(-1, -1, 2)] }),
      fileWith({ imported, added: [p(-1, 3, 3)] }),
      fileWith({ dataset: { kind: 'tiny4', n: 4, noise: 0, seed: 0 }, added: [p(1, 1, 2, 3)] }, 3),
      fileWith({ imported: { name: '3d.csv', points: [p(1, 0, 1, 2), p(-1, 1, 0, 2)] } }, 3),
    ]) {
      const result = parseDocumentFile(text);
      expect(result.ok ? 'opened' : result.reason).toBe('opened');
    }
  });

  it('refuses imported points of mixed widths, naming the point and both widths', () => {
    const reason = refusal(fileWith({ imported: { name: 'mixed.csv', points: [p(1, 0, 1, 2), p(-1, 1, 0, 2), p(1, 1, 1)] } }, 3));
    expect(reason).toBe(
      "This file is not a valid graph: 'training.imported.points.2.x' has 2 features, but 'training.imported.points.0.x' has 3: every point needs the same number of features.",
    );
  });

  it('refuses added points whose width is not the dataset’s', () => {
    expect(refusal(fileWith({ added: [p(1, 0, 1), p(-1, 1, 2, 3)] }))).toBe(
      "This file is not a valid graph: 'training.added.1.x' has 3 features, but the dataset 'moons' has 2 per point.",
    );
    expect(refusal(fileWith({ dataset: { kind: 'tiny4', n: 4, noise: 0, seed: 0 }, added: [p(1, 1, 2)] }, 3))).toBe(
      "This file is not a valid graph: 'training.added.0.x' has 2 features, but the dataset 'tiny4' has 3 per point.",
    );
    const imported = { name: 'flat.csv', points: [p(1, 0, 1), p(-1, 1, 0)] };
    expect(refusal(fileWith({ imported, added: [p(1, 1, 2, 3)] }))).toBe(
      "This file is not a valid graph: 'training.added.0.x' has 3 features, but the dataset 'flat.csv' has 2 per point.",
    );
  });

  it('refuses imported points of one class only, as the CSV import does', () => {
    expect(refusal(fileWith({ imported: { name: 'ones.csv', points: [p(1, 0, 1), p(1, 1, 0)] } }))).toBe(
      "This file is not a valid graph: 'training.imported.points' has every label 1: a classifier needs examples of both classes.",
    );
    expect(refusal(fileWith({ imported: { name: 'one.csv', points: [p(-1, 0, 1)] } }))).toMatch(/every label -1: a classifier needs examples of both classes/);
  });

  it('refuses the same way in a share link', () => {
    const text = fileWith({ added: [p(1, 0, 1, 2)] });
    const result = parseDocumentFile(text, { source: 'link' });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(/^The graph in this link is not a valid graph: 'training\.added\.0\.x' has 3 features/);
  });
});
