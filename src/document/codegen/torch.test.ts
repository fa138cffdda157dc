import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { expectedLines, randomGraph, softmaxNetwork } from '../../../test/codegen/canvasNumbers';
import { DifferenceMeter } from '../../../test/python/largestDifference';
import { parsePrinted, runTorch, SKIP_TORCH_ENV, torchOrOptOut, type TorchPython } from '../../../test/python/runPython';
import { OPS } from '../../engine';
import { evaluate } from '../evaluate';
import { PRESETS } from '../presets';
import { DocBuilder } from '../presets/DocBuilder';
import type { GraphDoc } from '../types';
import { stringLiteral } from './text';
import { toTorch } from './torch';

/**
 * The PyTorch export run with a real PyTorch: every example and random graphs print, after
 * backward(), the data and grads the canvas shows, to 1e-9. All programs of a test share one
 * Python process (torch takes about a second to import).
 */

const meter = new DifferenceMeter();
let torch: TorchPython | null = null;

/** Runs each program in its own namespace of one torch process; what each printed. */
function runAll(python: TorchPython, programs: readonly string[]): string[] {
  const script = programs.map((code, i) => `print('=== ${i}')\nexec(${stringLiteral(code)}, {})\n`).join('');
  const chunks = runTorch(python, script).split(/^=== \d+\n/m).slice(1);
  expect(chunks).toHaveLength(programs.length);
  return chunks;
}

/** The largest |data| or |grad| in the graph: the size of the terms a cancelling grad sums. */
function magnitude(doc: GraphDoc): number {
  let m = 0;
  for (const r of evaluate(doc).results.values()) m = Math.max(m, Math.abs(r.data), Math.abs(r.passGrad));
  return m;
}

function expectCanvasNumbers(stdout: string, doc: GraphDoc, name: string, scale = 0): void {
  const printed = parsePrinted(stdout);
  const expected = expectedLines(doc);
  expect(printed.map((p) => p.label), name).toEqual(expected.map((e) => e.label));
  printed.forEach((p, i) => {
    const e = expected[i]!;
    meter.expectClose(p.data, e.data, `${name} ${e.label}.data`, scale);
    meter.expectClose(p.grad, e.grad, `${name} ${e.label}.grad`, scale);
  });
}

/** The torch interpreter, or null when opted out; the opted-out test then checks that is why. */
function torchOrReport(): TorchPython | null {
  torch = torchOrOptOut();
  if (torch === null) {
    console.warn(`PyTorch export checks not run: ${SKIP_TORCH_ENV}=1 (install python3-torch or pip install torch to run them)`);
    expect(process.env[SKIP_TORCH_ENV]).toBe('1');
  }
  return torch;
}

afterAll(() => {
  // The figure the issue asks for: which torch, and how close it came.
  if (torch) console.log(`bench torch-export: torch ${torch.torchVersion} (${torch.python}), ${meter.count} numbers, largest difference ${meter.largest.toExponential(2)}`);
});

describe('toTorch', { timeout: 60_000 }, () => {
  it('prints, for every example, the data and grads the canvas shows', () => {
    const python = torchOrReport();
    if (python === null) return;
    const docs = PRESETS.map((p) => p.build());
    const outputs = runAll(python, docs.map(toTorch));
    docs.forEach((doc, i) => expectCanvasNumbers(outputs[i]!, doc, PRESETS[i]!.id));
  });

  it('matches the canvas on random graphs of every op', () => {
    const python = torchOrReport();
    if (python === null) return;
    const docs = fc
      .sample(fc.integer({ min: 1, max: 1_000_000 }), { numRuns: 80, seed: 14 })
      .map(randomGraph)
      .filter((d): d is GraphDoc => d !== null);
    expect(docs.length).toBeGreaterThan(30);
    const opsSeen = new Set(docs.flatMap((d) => Object.values(d.nodes).map((n) => (n.kind === 'op' ? n.op : n.kind))));
    for (const op of OPS) expect(opsSeen.has(op.type), op.type).toBe(true);
    const outputs = runAll(python, docs.map(toTorch));
    docs.forEach((doc, i) => expectCanvasNumbers(outputs[i]!, doc, `graph ${i}`, magnitude(doc)));
  });

  it('prints what the canvas shows for a softmax cross-entropy over three classes, for every target class', () => {
    const python = torchOrReport();
    if (python === null) return;
    const docs = [0, 1, 2].map(softmaxNetwork);
    const outputs = runAll(python, docs.map(toTorch));
    docs.forEach((doc, i) => expectCanvasNumbers(outputs[i]!, doc, `softmax target ${i}`));
  });

  it('writes labels that are not identifiers, repeated labels and Unicode as valid Python', () => {
    const python = torchOrReport();
    if (python === null) return;
    const g = new DocBuilder();
    const a = g.value(1.5, 'x1*w1 + x2*w2');
    const b = g.value(-0.5, 'α');
    const c = g.value(2, 'α');
    const d = g.op('mul', [a, b], "it's 😀 #");
    const e = g.op('softplus', [g.op('add', [d, c], 'lambda')], 'torch');
    const doc = g.output(g.op('tanh', [e], '_leaf')).build();
    const code = toTorch(doc);
    expect(code).toContain("'it\\'s 😀 #'");
    expectCanvasNumbers(runAll(python, [code])[0]!, doc, 'labels');
  });
});
