import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { runPython, runTorch, SHIM_DIR, SKIP_TORCH_ENV, torchOrOptOut } from '../../../test/python/runPython';
import type { OpType } from '../../engine';
import { NetBuilder } from '../NetBuilder';
import type { GraphDoc, LossKind } from '../types';
import { planProgram } from './plan';
import { toPython } from './python';
import { toTorch } from './torch';
import { identifierFromLabel } from './text';
import { toTypeScript, TS_ENGINE_IMPORT } from './typescript';

/**
 * Labels are user text, and a shared file's labels are a stranger's text: whatever they hold,
 * the exported program must run the same statements it runs with plain labels. Each case draws
 * a graph that puts labels everywhere text reaches code (string literals, `# skipped ...` and
 * layer comments, the no-backward reason, an unknown op's name), once with hostile labels and
 * once with plain ones that give the same variable names, and compares the two programs: their
 * syntax trees with string contents blanked, and what they print when run (Python with python3
 * against the test micrograd, TypeScript with tsx), all cases in one process per language.
 */

/** Line terminators of every kind, controls, quotes, escapes, comment openers, and payloads. */
const PIECES = [
  '\n', '\r', '\r\n', '\u000b', '\u000c', '\u001c', '\u001d', '\u001e', '\u0085', '\u2028', '\u2029',
  '\u0000', '\t', '\u001b', '\u007f', '\u202e', '\u2066', '\u200f', '\ud800',
  '#', '//', '/*', '*/', '"""', "'''", "'", '"', '`', '${', '\\', '\\n', '\\u2028', '\\x27', '-->', '<!--',
  "print('INJECTED')", "console.log('INJECTED')", 'a.data = 99', ';', ')', '(', '}',
  'a', 'x1', 'w', '2', '_', '+', '-', ' ', 'α', '😀',
];

/** A hostile label: pieces glued together, or any code points at all. */
const hostileLabel = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }).map((pieces) => pieces.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);

/** How many labels (and the unknown op's name) one graph uses. */
const LABELS = 16;

const caseArb = fc.record({
  labels: fc.array(hostileLabel, { minLength: LABELS, maxLength: LABELS }),
  loss: fc.constantFrom<LossKind>('squared', 'hinge', 'bce'),
  output: fc.constantFrom('loss', 'skipped', 'layer'),
});
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

/**
 * A label with the same identifier as `label` and nothing else: both programs then name every
 * variable alike, and differ only inside strings and comments. '?' keeps a label non-empty when
 * it has no identifier, so the same `x.label = ...` statements are written.
 */
function plain(label: string): string {
  return identifierFromLabel(label) || (label === '' ? '' : '?');
}

/** The graph of a case, labelled with `labels` (hostile or plain). */
function graphOf(c: Case, labels: readonly string[]): GraphDoc {
  const [x, y, w, m, p, h, layer, s, loss, unwired, needy, stray, q1, q2, unknown, opName] = labels as [string, ...string[]];
  const g = new NetBuilder();
  const x1 = g.input(x, 0, 0.5);
  const target = g.target(y!, 1);
  const a = g.value(w!, 2, true);
  const k = g.constant(3);
  const mul = g.op('mul', [a, x1], m);
  const pow = g.op('pow', [mul], p);
  const neuron = g.neuron(h!, 'tanh', [0.3, -0.2], 0.1, [pow, k]);
  const ys = g.layer(layer!, 'relu', [[0.5, -0.4], [0.2, 0.7]], [0, 0.1], [neuron, a]);
  const sum = g.op('add', [ys[0]!, ys[1]!], s);
  const lossId = g.loss(loss!, c.loss, sum, target);
  const skipped = g.op('tanh', [], unwired); // its input is not wired
  const needs = g.op('mul', [skipped, a], needy);
  const layerId = (ys[0] as { id: string }).id;
  g.op('neg', [{ id: layerId, port: 'y5' }], stray); // an output the layer does not have
  const first = g.op('neg', [], q1);
  const second = g.op('neg', [first], q2);
  const output = c.output === 'loss' ? lossId : c.output === 'skipped' ? needs : layerId;
  const doc = g.build(output);
  // A cycle and an op the registry does not know: only a damaged file holds them, and the
  // export must still keep their labels (and the op's name) in their comments.
  return {
    ...doc,
    wires: { ...doc.wires, back: { id: 'back', source: second, target: first, port: 'x' } },
    nodes: { ...doc.nodes, unknown: { id: 'unknown', kind: 'op', op: opName as OpType, position: { x: 0, y: 0 }, label: unknown! } },
  };
}

/** The two graphs of a case: hostile labels, and plain labels naming the same variables. */
function pair(c: Case): { hostile: GraphDoc; plain: GraphDoc } {
  // The unknown op's name must stay unknown when made plain: 'mul' would be a real op.
  const plainLabels = c.labels.map((label, i) => (i === LABELS - 1 ? `unknown_${plain(label)}` : plain(label)));
  return { hostile: graphOf(c, c.labels), plain: graphOf(c, plainLabels) };
}

/** The labels a program prints, in order, as the plan says: what the run must print back exactly. */
function printedLabels(doc: GraphDoc): string[] {
  return planProgram(doc).steps.flatMap((step) => (step.kind === 'skip' ? [] : step.prints.map((p) => p.label)));
}

/**
 * The TypeScript program's syntax, comments dropped and string contents blanked: node kinds,
 * identifiers and numbers in tree order. Throws on a syntax error.
 */
function typeScriptShape(code: string): string[] {
  const file = ts.createSourceFile('program.ts', code, ts.ScriptTarget.ES2022);
  // parseDiagnostics is not in the published types, but the parser fills it on every file.
  const errors = (file as unknown as { parseDiagnostics: readonly ts.Diagnostic[] }).parseDiagnostics;
  if (errors.length > 0) throw new Error(`syntax error: ${ts.flattenDiagnosticMessageText(errors[0]!.messageText, '\n')}`);
  const shape: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node)) shape.push('string');
    else if (ts.isIdentifier(node) || ts.isNumericLiteral(node)) shape.push(`${ts.SyntaxKind[node.kind]} ${node.text}`);
    else shape.push(ts.SyntaxKind[node.kind]);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return shape;
}

/** What one program printed: [label, data, grad] per line, or anything else it printed. */
type Printed = string[][];

/** Runs `body` with a fresh temporary folder, removed afterwards. */
function inTempDir<T>(body: (dir: string) => T): T {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'label-injection-'));
  try {
    return body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What running one program printed, or the error that stopped it. */
interface Run {
  printed: Printed;
  error: string | null;
}

/**
 * One python3 process for every pair of programs (hostile, plain): each pair's first statement
 * whose syntax differs once strings are blanked (null when none does), and each program's run.
 */
function runAllPython(
  pairs: readonly (readonly [string, string])[],
  python: (script: string) => string = runPython,
): { differs: string | null; runs: [Run, Run] }[] {
  return inTempDir((dir) => {
    // The programs travel as JSON in a file, so no quoting of ours carries them.
    const file = path.join(dir, 'programs.json');
    writeFileSync(file, JSON.stringify(pairs));
    const script = `
import ast, json
with open(${JSON.stringify(file)}, encoding='utf-8') as f:
    pairs = json.load(f)
def statements(code):
    tree = ast.parse(code)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            node.value = ''
    return [(ast.dump(s), ast.unparse(s)) for s in tree.body]
def differs(a, b):
    try:
        sa, sb = statements(a), statements(b)
    except Exception as error:  # a SyntaxError, or text that cannot be source at all
        return repr(error)
    for (da, ua), (db, ub) in zip(sa, sb):
        if da != db:
            return ua + '  instead of  ' + ub
    return None if len(sa) == len(sb) else f'{len(sa)} statements instead of {len(sb)}'
def run(code):
    printed = []
    def record(*args):
        printed.append([args[0]] + [repr(float(a)) for a in args[1:]] if len(args) == 3 else ['UNEXPECTED'] + [repr(a) for a in args])
    try:
        exec(code, {'print': record})
        return {'printed': printed, 'error': None}
    except Exception as error:
        return {'printed': printed, 'error': repr(error)}
print(json.dumps([{'differs': differs(a, b), 'runs': [run(a), run(b)]} for a, b in pairs]))
`;
    return JSON.parse(python(script)) as { differs: string | null; runs: [Run, Run] }[];
  });
}

/** One tsx process for every program, each its own module importing the engine, console.log captured. */
function runAllTypeScript(programs: readonly string[]): Run[] {
  return inTempDir((dir) => {
    const engine = path.resolve(SHIM_DIR, '../../src/engine/index.ts');
    const files = programs.map((code, i) => {
      const file = path.join(dir, `program${i}.mts`);
      expect(code).toContain(TS_ENGINE_IMPORT);
      writeFileSync(file, code.replace(TS_ENGINE_IMPORT, `import { Value } from ${JSON.stringify(engine)};`));
      return file;
    });
    const runner = path.join(dir, 'run.mts');
    writeFileSync(
      runner,
      `import { pathToFileURL } from 'node:url';
const results = [];
const log = console.log;
for (const file of ${JSON.stringify(files)}) {
  const printed = [];
  console.log = (...args) => printed.push(args.length === 3 ? [args[0], ...args.slice(1).map(String)] : ['UNEXPECTED', ...args.map(String)]);
  try {
    await import(pathToFileURL(file).href);
    results.push({ printed, error: null });
  } catch (error) {
    results.push({ printed, error: String(error) });
  }
  console.log = log;
}
process.stdout.write(JSON.stringify(results));
`,
    );
    const tsx = path.resolve(SHIM_DIR, '../../node_modules/.bin/tsx');
    return JSON.parse(execFileSync(tsx, [runner], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as Run[];
  });
}

/** Checks one language's runs of each pair: no errors, the plain program's numbers, the hostile labels printed back exactly. */
function expectSameRuns(language: string, cases: readonly { hostile: GraphDoc }[], runs: readonly (readonly [Run, Run])[]): void {
  expect(runs).toHaveLength(cases.length);
  cases.forEach(({ hostile }, i) => {
    const [evil, calm] = runs[i]!;
    expect(evil.error, `${language} case ${i}`).toBeNull();
    expect(calm.error, `${language} case ${i} (plain)`).toBeNull();
    expect(calm.printed.length, `${language} case ${i} prints`).toBeGreaterThan(0);
    expect(evil.printed.map((line) => line.slice(1)), `${language} case ${i}: numbers`).toEqual(calm.printed.map((line) => line.slice(1)));
    expect(evil.printed.map((line) => line[0]), `${language} case ${i}: labels`).toEqual(printedLabels(hostile));
  });
}

describe('labels never change the exported program', () => {
  it('keeps the TypeScript syntax tree of the plain-labelled program, whatever the labels (in process)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { hostile, plain: calm } = pair(c);
        expect(typeScriptShape(toTypeScript(hostile))).toEqual(typeScriptShape(toTypeScript(calm)));
      }),
      { numRuns: 200 },
    );
  }, 30_000);

  it('runs the same statements in python3 and tsx with hostile labels as with plain ones', () => {
    const cases = fc.sample(caseArb, { numRuns: 60, seed: 20240917 }).map(pair);
    const python = runAllPython(cases.map((c) => [toPython(c.hostile), toPython(c.plain)] as const));
    expectSameRuns('python', cases, python.map((p) => p.runs));
    python.forEach((p, i) => expect(p.differs, `python case ${i}: a statement changed`).toBeNull());
    const typescript = runAllTypeScript(cases.flatMap((c) => [toTypeScript(c.hostile), toTypeScript(c.plain)]));
    expectSameRuns('typescript', cases, cases.map((_, i) => [typescript[2 * i]!, typescript[2 * i + 1]!] as const));
  }, 60_000);

  it('runs the same statements in PyTorch with hostile labels as with plain ones', () => {
    const torch = torchOrOptOut();
    if (torch === null) {
      // The person opted out (no torch on this machine); say so in the output, and check that is why.
      console.warn(`PyTorch label checks not run: ${SKIP_TORCH_ENV}=1`);
      expect(process.env[SKIP_TORCH_ENV]).toBe('1');
      return;
    }
    const cases = fc.sample(caseArb, { numRuns: 12, seed: 20261202 }).map(pair);
    const runs = runAllPython(cases.map((c) => [toTorch(c.hostile), toTorch(c.plain)] as const), (script) => runTorch(torch, script));
    expectSameRuns('torch', cases, runs.map((p) => p.runs));
    runs.forEach((p, i) => expect(p.differs, `torch case ${i}: a statement changed`).toBeNull());
  }, 120_000);
});
