import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTorch, SKIP_TORCH_ENV, torchOrOptOut } from '../../test/python/runPython';
import { PRESETS } from '../document/presets';
import { insertMlp } from '../document/network/insertMlp';
import { EMPTY_DOC, type TrainingSetup } from '../document/types';
import { toNotebook } from './notebook';
import { DEFAULT_SETUP } from './setup';

/** Validates a notebook with nbformat's own schema, then runs its code cells top to bottom in one namespace. */
function validateAndRun(notebook: string): { cells: string[]; printed: string } {
  const torch = torchOrOptOut();
  if (torch === null) return { cells: [], printed: '' };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'notebook-'));
  try {
    const file = path.join(dir, 'export.ipynb');
    writeFileSync(file, notebook);
    const script = `
import json, nbformat
nb = nbformat.read(${JSON.stringify(file)}, as_version=4)
nbformat.validate(nb)
print(json.dumps([c.cell_type for c in nb.cells]))
namespace = {}
for cell in nb.cells:
    if cell.cell_type == 'code':
        exec(cell.source, namespace)
`;
    const [kinds, ...rest] = runTorch(torch, script).split('\n');
    return { cells: JSON.parse(kinds!) as string[], printed: rest.join('\n') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The notebook of an inserted 2-input network: it has the training cell (7 cells), and what its
 * cells printed, or null when torch is opted out.
 */
function runNetworkNotebook(training: TrainingSetup, net: { sizes: number[]; activation: string; loss: string }): string | null {
  const { doc } = insertMlp({ ...EMPTY_DOC, training }, { nin: 2, seed: 1, style: 'layers', at: { x: 0, y: 0 }, ...net } as never);
  const notebook = toNotebook(doc);
  expect(JSON.parse(notebook).cells).toHaveLength(7);
  const { printed } = validateAndRun(notebook);
  if (process.env[SKIP_TORCH_ENV] === '1') {
    console.warn(`notebook run not checked: ${SKIP_TORCH_ENV}=1`);
    return null;
  }
  return printed;
}

describe('toNotebook', { timeout: 60_000 }, () => {
  it('is a valid nbformat 4 notebook whose micrograd and PyTorch cells print the same numbers', () => {
    const doc = PRESETS.find((p) => p.id === 'micrograd-readme')!.build();
    const { cells, printed } = validateAndRun(toNotebook(doc));
    if (process.env[SKIP_TORCH_ENV] === '1' && cells.length === 0) {
      console.warn(`notebook checks not run: ${SKIP_TORCH_ENV}=1`);
      expect(JSON.parse(toNotebook(doc)).nbformat).toBe(4);
      return;
    }
    expect(cells).toEqual(['markdown', 'markdown', 'code', 'markdown', 'code']);
    const lines = printed.trim().split('\n');
    const half = lines.length / 2;
    expect(half).toBe(27);
    // micrograd's lines then torch's, the same labels and numbers (integers print as 2 or 2.0 alike)
    lines.slice(0, half).forEach((line, i) => {
      const [label, data, grad] = line.split(' ');
      const [tLabel, tData, tGrad] = lines[half + i]!.split(' ');
      expect([tLabel, Number(tData), Number(tGrad)]).toEqual([label, expect.closeTo(Number(data), 9), expect.closeTo(Number(grad), 9)]);
    });
  });

  it('adds the training cell for a network, and it runs', () => {
    const printed = runNetworkNotebook(DEFAULT_SETUP, { sizes: [4, 1], activation: 'relu', loss: 'hinge' });
    if (printed !== null) expect(printed).toContain('step 99 loss ');
  });

  it('exports a softmax over a 3-class spiral: micrograd and PyTorch print the same loss, and the training cell runs', () => {
    const training = { ...DEFAULT_SETUP, dataset: { kind: 'spiral' as const, n: 60, noise: 0.02, seed: 2, classes: 3 } };
    const printed = runNetworkNotebook(training, { sizes: [6, 3], activation: 'tanh', loss: 'softmax' });
    if (printed === null) return;
    // the graph cells print `loss data grad` once each, micrograd's first
    const losses = printed.split('\n').filter((line) => line.startsWith('loss ')).map((line) => line.split(' ').slice(1).map(Number));
    expect(losses).toHaveLength(2);
    expect(losses[0]![0]).toBeGreaterThan(0);
    expect(losses[1]![0]).toBeCloseTo(losses[0]![0]!, 12);
    expect(losses[1]![1]).toBe(1);
    expect(printed).toContain('step 99 loss ');
  });
});
