import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { findOp, OPS, type OpType } from '../../engine';
import { ACTIVATIONS, type Activation } from '../../nn/activation';
import { FILE_LIMITS, isSafeId } from './fileFields';
import { FILE_FORMAT } from './fileFormat';
import { findHiddenCharacter } from '../hiddenCharacters';
import { CURRENT_VERSION } from './migrations';
import { PRESETS } from '../presets';
import { parseDocumentFile, serializeDocument, toGraphFile, type ParseDocumentResult } from './serialize';
import { inputPorts, OUT, outputPorts } from '../ports';
import { docOf, fileWire, konst, op, placed, val } from '../testDocs';
import { EMPTY_DOC, type DocNode, type GraphDoc, type LossKind, type Wire } from '../types';
import { validateDoc } from '../validate';

/** A position, for nodes written out in full. */
const at = (x = 0, y = 0) => ({ x, y });

/** The lecture's L = (a*b + c) * f, plus a constant and a power, with positions and an output. */
function lecture(): GraphDoc {
  return docOf(
    [
      placed(val('a', 2), -120.5, 40),
      val('b', -3),
      val('c', 10),
      val('f', -2),
      konst('k', 0.5),
      op('e', 'mul'),
      op('d', 'add'),
      op('L', 'mul'),
      op('p', 'pow', 3),
      op('t', 'tanh'),
    ],
    [
      fileWire('a', 'e', 'a'),
      fileWire('b', 'e', 'b'),
      fileWire('e', 'd', 'a'),
      fileWire('c', 'd', 'b'),
      fileWire('d', 'L', 'a'),
      fileWire('f', 'L', 'b'),
      fileWire('L', 'p', 'x'),
      fileWire('p', 't', 'x'),
    ],
    'L',
  );
}

/** A file object built by hand, for feeding the reader exactly what a test needs. */
function fileOf(parts: Record<string, unknown> = {}): Record<string, unknown> {
  return { format: FILE_FORMAT, version: CURRENT_VERSION, nodes: [], wires: [], output: null, ...parts };
}

/** The lecture's file, as a plain JSON object to mutate. */
function lectureFile(): Record<string, unknown> & { nodes: Record<string, unknown>[]; wires: Record<string, unknown>[] } {
  return JSON.parse(serializeDocument(lecture())) as ReturnType<typeof lectureFile>;
}

function reasonFor(input: string | Record<string, unknown>): string {
  const result = parseDocumentFile(typeof input === 'string' ? input : JSON.stringify(input));
  if (result.ok) throw new Error(`expected a refusal, got a document with ${Object.keys(result.doc.nodes).length} nodes`);
  return result.reason;
}

function accepted(input: string | Record<string, unknown>): Extract<ParseDocumentResult, { ok: true }> {
  const result = parseDocumentFile(typeof input === 'string' ? input : JSON.stringify(input));
  if (!result.ok) throw new Error(`expected the file to load, got: ${result.reason}`);
  return result;
}

/** What every outcome must be: a sound document, or a readable refusal. */
function expectSound(result: ParseDocumentResult): void {
  if (result.ok) {
    expect(validateDoc(result.doc)).toEqual([]);
    for (const id of [...Object.keys(result.doc.nodes), ...Object.keys(result.doc.wires)]) expect(isSafeId(id)).toBe(true);
  } else {
    expect(typeof result.reason).toBe('string');
    expect(result.reason.trim().length).toBeGreaterThan(0);
    // The catch-all in parseDocumentFile: a refusal worded this way means something threw.
    expect(result.reason).not.toMatch(/could not be read/);
  }
}

// ---- arbitrary valid documents -------------------------------------------------------------

/** Finite doubles without -0, which JSON cannot spell. */
const finiteArb = fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => (Object.is(v, -0) ? 0 : v));
const coordArb = fc.double({ min: -FILE_LIMITS.maxCoordinate, max: FILE_LIMITS.maxCoordinate, noNaN: true }).map((v) => (Object.is(v, -0) ? 0 : v));
/**
 * Any Unicode a label may hold, lone surrogates included; at most 200 UTF-16 units. Control
 * characters and text-direction controls are refused (see 'refuses labels that hold hidden characters').
 */
const labelArb = fc.string({ unit: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((ch) => findHiddenCharacter(ch) === null), maxLength: 100 });
const idArb = fc.stringMatching(/^[A-Za-z0-9_-]{1,16}$/).filter(isSafeId);

const NODE_KINDS = ['value', 'constant', 'op', 'input', 'target', 'loss', 'neuron', 'layer'] as const;

interface NodeSpec {
  kind: (typeof NODE_KINDS)[number];
  op: OpType;
  label: string;
  value: number;
  x: number;
  y: number;
  trainable: boolean;
  feature: number;
  loss: LossKind;
  activation: Activation;
  /** A neuron's weights; a layer has `rows` rows of these. */
  weights: number[];
  rows: number;
  biases: number[];
  /** For each input port, which earlier node feeds it (as a number to take modulo), or none. */
  feeds: (number | null)[];
  /** Which output of the source each wire leaves from (modulo the source's outputs). */
  froms: number[];
}

const nodeSpecArb: fc.Arbitrary<NodeSpec> = fc.record({
  kind: fc.constantFrom(...NODE_KINDS),
  op: fc.constantFrom(...OPS.map((o) => o.type)),
  label: labelArb,
  value: finiteArb,
  x: coordArb,
  y: coordArb,
  trainable: fc.boolean(),
  feature: fc.integer({ min: 0, max: FILE_LIMITS.maxFeature }),
  loss: fc.constantFrom<LossKind>('squared', 'hinge', 'bce'),
  activation: fc.constantFrom(...ACTIVATIONS),
  weights: fc.array(finiteArb, { minLength: 1, maxLength: 3 }),
  rows: fc.integer({ min: 1, max: 3 }),
  biases: fc.array(finiteArb, { minLength: 3, maxLength: 3 }),
  feeds: fc.array(fc.option(fc.nat()), { minLength: 3, maxLength: 3 }),
  froms: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
});

function nodeFromSpec(id: string, spec: NodeSpec): DocNode {
  const position = { x: spec.x, y: spec.y };
  const { label, value } = spec;
  switch (spec.kind) {
    case 'value':
      return spec.trainable ? { id, kind: 'value', position, label, value, trainable: true } : { id, kind: 'value', position, label, value };
    case 'constant':
      return { id, kind: 'constant', position, value };
    case 'op': {
      const node: DocNode = { id, kind: 'op', position, op: spec.op, label };
      if (findOp(spec.op)?.param) node.param = value;
      return node;
    }
    case 'input':
      return { id, kind: 'input', position, label, feature: spec.feature, value };
    case 'target':
      return { id, kind: 'target', position, label, value };
    case 'loss':
      return { id, kind: 'loss', position, label, loss: spec.loss };
    case 'neuron':
      return { id, kind: 'neuron', position, label, activation: spec.activation, weights: spec.weights, bias: value };
    case 'layer': {
      // Row j is the weights rotated by j: rectangular, and different rows (no arithmetic, which could make a -0).
      const n = spec.weights.length;
      const weights = Array.from({ length: spec.rows }, (_, j) => spec.weights.map((_w, i) => spec.weights[(i + j) % n]!));
      return { id, kind: 'layer', position, label, activation: spec.activation, weights, biases: spec.biases.slice(0, spec.rows) };
    }
  }
}

/**
 * Valid documents with every kind of node: wires only run from earlier nodes to later ones, so
 * there is no cycle, and a wire from a layer leaves from one of its outputs.
 */
const docArb: fc.Arbitrary<GraphDoc> = fc
  .uniqueArray(idArb, { maxLength: 25 })
  .chain((ids) => fc.tuple(fc.constant(ids), fc.array(nodeSpecArb, { minLength: ids.length, maxLength: ids.length }), fc.option(fc.nat())))
  .map(([ids, specs, outputPick]) => {
    const nodes: DocNode[] = [];
    const wires: Wire[] = [];
    specs.forEach((spec, i) => {
      const id = ids[i]!;
      const node = nodeFromSpec(id, spec);
      nodes.push(node);
      inputPorts(node).forEach((port, p) => {
        const pick = spec.feeds[p % spec.feeds.length];
        if (i === 0 || pick === null || pick === undefined) return;
        const source = nodes[pick % i]!;
        const outs = outputPorts(source);
        const from = outs[spec.froms[p % spec.froms.length]! % outs.length]!;
        wires.push(from === OUT ? fileWire(source.id, id, port) : { ...fileWire(source.id, id, port), from });
      });
    });
    const output = outputPick === null || ids.length === 0 ? null : ids[outputPick % ids.length]!;
    return docOf(nodes, wires, output);
  });

/**
 * A small network with every kind of node: two inputs into a neuron and a 2×2 layer, the
 * layer's second output and the neuron into a linear neuron, then a hinge loss against the
 * target; plus a trainable value and a constant into an op.
 */
function network(): GraphDoc {
  return docOf(
    [
      { id: 'x1', kind: 'input', position: at(0, 0), label: 'x1', feature: 0, value: 0.5 },
      { id: 'x2', kind: 'input', position: at(0, 100), label: 'x2', feature: 1, value: -1.25 },
      { id: 'y', kind: 'target', position: at(0, 200), label: 'y', value: 1 },
      { id: 'n1', kind: 'neuron', position: at(200, 0), label: 'n1', activation: 'relu', weights: [0.3, -0.7], bias: 0.1 },
      { id: 'L1', kind: 'layer', position: at(200, 150), label: 'L1', activation: 'tanh', weights: [[0.2, 0.4], [-0.5, 0.9]], biases: [0, -0.25] },
      { id: 'out', kind: 'neuron', position: at(400, 0), label: 'out', activation: 'linear', weights: [1.5, -2], bias: 0 },
      { id: 'loss', kind: 'loss', position: at(600, 0), label: 'loss', loss: 'hinge' },
      { id: 'w', kind: 'value', position: at(0, 300), label: 'w', value: 0.75, trainable: true },
      konst('k', 2),
      op('m', 'mul'),
    ],
    [
      fileWire('x1', 'n1', 'x0'),
      fileWire('x2', 'n1', 'x1'),
      fileWire('x1', 'L1', 'x0'),
      fileWire('x2', 'L1', 'x1'),
      fileWire('n1', 'out', 'x0'),
      { id: 'L1_y1_out', source: 'L1', from: 'y1', target: 'out', port: 'x1' },
      fileWire('out', 'loss', 'score'),
      fileWire('y', 'loss', 'target'),
      fileWire('w', 'm', 'a'),
      fileWire('k', 'm', 'b'),
    ],
    'loss',
  );
}

/** The network's file, as a plain JSON object to mutate. */
function networkFile(): ReturnType<typeof lectureFile> {
  return JSON.parse(serializeDocument(network())) as ReturnType<typeof lectureFile>;
}

/** The node with this id in a file object. */
function nodeIn(file: ReturnType<typeof lectureFile>, id: string): Record<string, unknown> {
  const node = file.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node '${id}' in the file`);
  return node;
}

// ---- tests -----------------------------------------------------------------------------------

describe('serializeDocument and parseDocumentFile: round trip', () => {
  it('gives back the same document and viewport', () => {
    const doc = lecture();
    const viewport = { x: -40, y: 12.5, zoom: 1.25 };
    const result = accepted(serializeDocument(doc, viewport));
    expect(result.doc).toEqual(doc);
    expect(result.viewport).toEqual(viewport);
  });

  it('gives a null viewport when none was saved, and round-trips the empty graph', () => {
    const result = accepted(serializeDocument(EMPTY_DOC));
    expect(result.doc).toEqual(EMPTY_DOC);
    expect(result.viewport).toBeNull();
  });

  it('writes the format header and the nodes and wires as arrays in document order', () => {
    const doc = lecture();
    const file = JSON.parse(serializeDocument(doc)) as { format: string; version: number; nodes: { id: string }[]; wires: { id: string }[] };
    expect(file.format).toBe(FILE_FORMAT);
    expect(file.version).toBe(CURRENT_VERSION);
    expect(file.nodes.map((n) => n.id)).toEqual(Object.keys(doc.nodes));
    expect(file.wires.map((w) => w.id)).toEqual(Object.keys(doc.wires));
  });

  it('is stable: the same graph gives the same text, whatever order the fields were set in', () => {
    const doc = lecture();
    const shuffled = docOf(
      Object.values(doc.nodes).map((n) => Object.fromEntries(Object.entries(n).reverse()) as unknown as DocNode),
      Object.values(doc.wires).map((w) => Object.fromEntries(Object.entries(w).reverse()) as unknown as Wire),
      'L',
    );
    expect(serializeDocument(shuffled)).toBe(serializeDocument(doc));
    expect(serializeDocument(doc)).toMatch(/^\{\n {2}"format": "micrograd-playground\/graph",\n {2}"version": 1,\n/);
    expect(serializeDocument(doc).endsWith('}\n')).toBe(true);
  });

  it('writes only the fields of the persisted type, not whatever else an object carries', () => {
    const node = { ...val('a', 1), data: 42, grad: 0.5 } as unknown as DocNode;
    const file = toGraphFile(docOf([node]));
    expect(file.nodes[0]).toEqual(val('a', 1));
  });

  it('preserves ids read back as Records, in document order', () => {
    const result = accepted(serializeDocument(lecture()));
    expect(Object.keys(result.doc.nodes)).toEqual(Object.keys(lecture().nodes));
  });

  it('round-trips arbitrary valid documents, with any Unicode a label may hold', () => {
    fc.assert(
      fc.property(docArb, fc.option(fc.record({ x: coordArb, y: coordArb, zoom: fc.double({ min: 0.01, max: 100, noNaN: true }) })), (doc, viewport) => {
        expect(validateDoc(doc)).toEqual([]);
        const result = accepted(serializeDocument(doc, viewport ?? undefined));
        expect(result.doc).toEqual(doc);
        expect(result.viewport).toEqual(viewport);
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips every preset, so every example can be saved and reopened', () => {
    expect(PRESETS.length).toBeGreaterThan(0);
    for (const preset of PRESETS) {
      const doc = preset.build();
      expect(accepted(serializeDocument(doc)).doc, preset.id).toEqual(doc);
    }
  });

  it('round-trips a network with every kind of node, and a wire from a layer\'s second output', () => {
    const doc = network();
    expect(validateDoc(doc)).toEqual([]);
    expect(new Set(Object.values(doc.nodes).map((n) => n.kind))).toEqual(new Set(NODE_KINDS));
    const text = serializeDocument(doc);
    expect(accepted(text).doc).toEqual(doc);
    const file = JSON.parse(text) as ReturnType<typeof lectureFile>;
    expect(nodeIn(file, 'L1')).toEqual({
      id: 'L1',
      kind: 'layer',
      position: at(200, 150),
      label: 'L1',
      activation: 'tanh',
      weights: [[0.2, 0.4], [-0.5, 0.9]],
      biases: [0, -0.25],
    });
    expect(nodeIn(file, 'x2')).toEqual({ id: 'x2', kind: 'input', position: at(0, 100), label: 'x2', feature: 1, value: -1.25 });
    expect(nodeIn(file, 'w').trainable).toBe(true);
    // 'from' is written only for a wire that leaves from an output other than 'out'.
    expect(file.wires.find((w) => w.id === 'L1_y1_out')).toEqual({ id: 'L1_y1_out', source: 'L1', from: 'y1', target: 'out', port: 'x1' });
    expect(file.wires.filter((w) => 'from' in w)).toHaveLength(1);
  });

  it('writes trainable only when true and from only when not \'out\', and reads both ways the same', () => {
    const plain = docOf([{ ...val('a', 1), trainable: false } as DocNode, op('r', 'relu')], [{ ...fileWire('a', 'r', 'x'), from: OUT }]);
    const file = toGraphFile(plain);
    expect(file.nodes[0]).toEqual(val('a', 1));
    expect(file.wires[0]).toEqual(fileWire('a', 'r', 'x'));
    const spelled = fileOf({ nodes: [{ ...val('a', 1), trainable: false }, op('r', 'relu')], wires: [{ ...fileWire('a', 'r', 'x'), from: 'out' }] });
    const result = accepted(spelled);
    expect(result.doc.nodes.a).toEqual(val('a', 1));
    expect(result.doc.wires.a_r_x).toEqual(fileWire('a', 'r', 'x'));
  });

  it('shares no arrays with the document it saved or the JSON it read', () => {
    const doc = network();
    const file = toGraphFile(doc);
    const layer = file.nodes.find((n) => n.id === 'L1') as { weights: number[][]; biases: number[] };
    layer.weights[0]![0] = 99;
    layer.biases[0] = 99;
    expect(doc.nodes.L1).toEqual(network().nodes.L1);
  });

  it('reads a UTF-8 byte-order mark and a compact file', () => {
    const doc = lecture();
    expect(accepted(`\uFEFF${serializeDocument(doc)}`).doc).toEqual(doc);
    expect(accepted(JSON.stringify(toGraphFile(doc))).doc).toEqual(doc);
  });
});

describe('parseDocumentFile: what it tolerates', () => {
  it('drops unknown fields at every level', () => {
    const file = lectureFile();
    file.author = 'someone';
    file.nodes[0]!.color = 'red';
    (file.nodes[0]!.position as Record<string, unknown>).z = 3;
    file.wires[0]!.style = { dashed: true };
    const result = accepted(file);
    expect(result.doc).toEqual(lecture());
    expect(Object.keys(result.doc.nodes.a!)).toEqual(['id', 'kind', 'position', 'label', 'value']);
  });

  it('drops a parameter on an op that takes none', () => {
    const result = accepted(fileOf({ nodes: [{ id: 's', kind: 'op', op: 'add', position: at(), label: '', param: 2 }] }));
    expect(result.doc.nodes.s).toEqual({ id: 's', kind: 'op', op: 'add', position: at(), label: '' });
  });

  it('reads a missing output as null', () => {
    const file = fileOf();
    delete file.output;
    expect(accepted(file).doc.output).toBeNull();
  });

  it('ignores an unreadable viewport instead of refusing the graph', () => {
    for (const viewport of ['wide', { x: 0, y: 0 }, { x: 0, y: 0, zoom: 0 }, { x: 1e9, y: 0, zoom: 1 }]) {
      const result = accepted(fileOf({ nodes: [val('a', 1)], viewport }));
      expect(result.viewport).toBeNull();
      expect(Object.keys(result.doc.nodes)).toEqual(['a']);
    }
  });

  it('builds fresh plain Records and lets no "__proto__" key through', () => {
    const text = serializeDocument(docOf([val('a', 1)])).replace(
      '"nodes": [',
      '"__proto__": { "polluted": true },\n  "nodes": [\n    { "__proto__": { "polluted": true }, "id": "b", "kind": "constant", "position": { "x": 0, "y": 0, "__proto__": { "polluted": true } }, "value": 2 },',
    );
    const result = accepted(text);
    expect(Object.getPrototypeOf(result.doc.nodes)).toBe(Object.prototype);
    expect(Object.keys(result.doc.nodes)).toEqual(['b', 'a']);
    const b = result.doc.nodes.b!;
    expect(Object.keys(b)).toEqual(['id', 'kind', 'position', 'value']);
    expect(Object.getPrototypeOf(b)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(b.position)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts exactly the limits', () => {
    const nodes = Array.from({ length: FILE_LIMITS.maxNodes }, (_, i) => konst(`n${i}`, i));
    expect(Object.keys(accepted(fileOf({ nodes })).doc.nodes)).toHaveLength(FILE_LIMITS.maxNodes);
    const label = 'x'.repeat(FILE_LIMITS.maxLabelChars);
    const edge = { id: 'a', kind: 'value', position: at(-FILE_LIMITS.maxCoordinate, FILE_LIMITS.maxCoordinate), label, value: 1 };
    expect(accepted(fileOf({ nodes: [edge] })).doc.nodes.a).toEqual(edge);
  });
});

describe('parseDocumentFile: refusals', () => {
  it('refuses text that is not JSON, quoting the parser', () => {
    expect(reasonFor('hello')).toMatch(/^This file is not valid JSON \(Unexpected token .*\)\.$/);
    expect(reasonFor('{"format" "x"}')).toMatch(/^This file is not valid JSON \(.+ at position 10, line 1, column 11\)\.$/);
    expect(reasonFor('{"a": 1}\n}')).toMatch(/not valid JSON .*line 2, column 1/);
  });

  it('says once where text follows the JSON, in Node\'s wording and in Chromium\'s', () => {
    expect(reasonFor('{"format": 1} x')).toBe('This file is not valid JSON (Unexpected non-whitespace character after JSON at position 14, line 1, column 15).');
    // Newer V8 (Chromium's) adds the line and column itself: still said once, in our words.
    const chromium = new SyntaxError('Unexpected non-whitespace character after JSON at position 14 (line 1 column 15)');
    const parse = vi.spyOn(JSON, 'parse').mockImplementationOnce(() => {
      throw chromium;
    });
    try {
      expect(reasonFor('{"format": 1} x')).toBe('This file is not valid JSON (Unexpected non-whitespace character after JSON at position 14, line 1, column 15).');
    } finally {
      parse.mockRestore();
    }
  });

  it('says where a stray character is in a long file, without quoting the file', () => {
    const text = serializeDocument(lecture());
    const where = text.indexOf('"value": 10') + '"value": '.length;
    const broken = `${text.slice(0, where)}#${text.slice(where + 1)}`;
    const line = text.slice(0, where).split('\n').length;
    const column = where - text.lastIndexOf('\n', where - 1);
    expect(reasonFor(broken)).toBe(`This file is not valid JSON (Unexpected token '#' at position ${where}, line ${line}, column ${column}).`);
    expect(reasonFor(`x${text.slice(1)}`)).toBe("This file is not valid JSON (Unexpected token 'x' at position 0, line 1, column 1).");
  });

  it('says when a file is cut short, wherever it was cut', () => {
    const text = serializeDocument(lecture());
    for (const end of [1, 2, 30, 200, Math.floor(text.length / 2), text.length - 3]) {
      expect(reasonFor(text.slice(0, end))).toMatch(/^This file ends too soon/);
    }
  });

  it('refuses an empty file', () => {
    expect(reasonFor('')).toBe('This file is empty.');
    expect(reasonFor('  \n\t')).toBe('This file is empty.');
  });

  it('refuses JSON that is not a playground graph', () => {
    expect(reasonFor('[1, 2]')).toBe('This file is not a Micrograd Playground graph: it holds a list, not a graph.');
    expect(reasonFor('42')).toMatch(/it holds a number/);
    expect(reasonFor('null')).toMatch(/it holds null/);
    expect(reasonFor({ nodes: [], wires: [] })).toMatch(/not a Micrograd Playground graph: it has no "format": "micrograd-playground\/graph" entry/);
    expect(reasonFor({ type: 'excalidraw', format: 'excalidraw/scene', version: 2 })).toMatch(/its format is 'excalidraw\/scene'/);
    expect(reasonFor({ format: 42 })).toMatch(/no "format"/);
  });

  it('refuses a file from a newer version, naming both versions', () => {
    expect(reasonFor(fileOf({ version: 7 }))).toBe(
      'This file was made by a newer version of the playground (version 7); this one reads up to version 1. Please update the playground to open it.',
    );
  });

  it('refuses a missing or malformed version', () => {
    const file = fileOf();
    delete file.version;
    expect(reasonFor(file)).toMatch(/no "version"/);
    for (const version of ['1', 0, -1, 1.5, null, [1]]) expect(reasonFor(fileOf({ version }))).toMatch(/"version" that is not a whole number/);
  });

  it('names the node and the field of a schema error, counting from 1', () => {
    const file = lectureFile();
    file.nodes[2]!.value = '10';
    expect(reasonFor(file)).toBe("This file is not a valid graph: node 3 ('c'): 'value' must be a finite number.");
  });

  it('refuses numbers too large for a double (1e999 parses as Infinity)', () => {
    const text = serializeDocument(docOf([val('a', 1)])).replace('"value": 1', '"value": 1e999');
    expect(reasonFor(text)).toMatch(/node 1 \('a'\): 'value' must be a finite number/);
  });

  it('says which fields are missing, and how many more problems there are', () => {
    const file = lectureFile();
    delete file.nodes[0]!.label;
    delete file.nodes[1]!.position;
    expect(reasonFor(file)).toBe("This file is not a valid graph: node 1 ('a'): 'label' is missing (and 1 more problem).");
  });

  it('refuses unknown node kinds and unknown ops', () => {
    const file = lectureFile();
    file.nodes[4]!.kind = 'matrix';
    expect(reasonFor(file)).toMatch(
      /node 5 \('k'\): 'kind' must be one of 'value', 'constant', 'op', 'input', 'target', 'loss', 'neuron', 'layer'\.$/,
    );
    const other = lectureFile();
    other.nodes[5]!.op = 'matmul';
    expect(reasonFor(other)).toMatch(/node 6 \('e'\): 'op' must be one of the operations 'add', .*'pow'/);
  });

  it('refuses values of the wrong type anywhere', () => {
    expect(reasonFor(fileOf({ nodes: {} }))).toMatch(/'nodes' must be a list of nodes/);
    expect(reasonFor(fileOf({ nodes: [5] }))).toMatch(/node 1 must be an object/);
    expect(reasonFor(fileOf({ nodes: [{ ...val('a', 1), label: 7 }] }))).toMatch(/'label' must be text/);
    expect(reasonFor(fileOf({ nodes: [{ ...val('a', 1), position: [0, 0] }] }))).toMatch(/'position' must be an object with x and y/);
    expect(reasonFor(fileOf({ wires: [{ id: 'w', source: 'a', target: 'b', port: 1 }] }))).toMatch(/wire 1 \('w'\): 'port' must be an input name/);
    expect(reasonFor(fileOf({ output: 3 }))).toMatch(/'output' must be an id/);
    expect(reasonFor(fileOf({ nodes: [{ ...val('a', 1), id: { $oid: 1 } }] }))).toMatch(/node 1: 'id' must be an id/);
  });

  it('refuses labels over the length limit and coordinates beyond the canvas', () => {
    const long = 'x'.repeat(FILE_LIMITS.maxLabelChars + 1);
    expect(reasonFor(fileOf({ nodes: [val('a', 1, long)] }))).toMatch(/node 1 \('a'\): 'label' must be at most 200 characters long/);
    expect(reasonFor(fileOf({ nodes: [{ ...val('a', 1), position: at(0, -1.5e7) }] }))).toMatch(
      /node 1 \('a'\): 'position.y' must be between -10000000 and 10000000/,
    );
  });

  it('refuses labels that hold hidden characters: line breaks of every kind, controls, text-direction overrides', () => {
    const cases: [string, string][] = [
      ['a\nprint(1)', 'a line break (U+000A)'],
      ['a\r', 'a line break (U+000D)'],
      ['\u000b', 'a line break (U+000B)'],
      ['\u000c', 'a line break (U+000C)'],
      ['x\u0085', 'a line break (U+0085)'],
      ['x\u2028y', 'a line break (U+2028)'],
      ['x\u2029', 'a line break (U+2029)'],
      ['a\tb', 'a tab (U+0009)'],
      ['\u0000', 'a control character (U+0000)'],
      ['\u001b[31m', 'a control character (U+001B)'],
      ['\u007f', 'a control character (U+007F)'],
      ['\u009b', 'a control character (U+009B)'],
      ['admin\u202e', 'a text-direction control (U+202E)'],
      ['\u2066x\u2069', 'a text-direction control (U+2066)'],
      ['\u200f', 'a text-direction control (U+200F)'],
    ];
    for (const [label, what] of cases) {
      expect(reasonFor(fileOf({ nodes: [val('a', 1, label)] }))).toBe(`This file is not a valid graph: node 1 ('a'): 'label' must not contain ${what}.`);
    }
    // What stays allowed: any other Unicode, emoji joined with ZWJ, quotes and comment openers.
    for (const label of ['α β', '👩‍💻', "it's \"x\" # // /* */ \"\"\"", 'مرحبا', 'L ✓ λ']) expect(accepted(fileOf({ nodes: [val('a', 1, label)] })).doc.nodes.a).toMatchObject({ label });
  });

  it('refuses unsafe ids: odd characters, too long, or names that plain objects already have', () => {
    for (const id of ['', 'a b', 'a.b', '<script>', 'x'.repeat(101), 'ü']) {
      expect(reasonFor(fileOf({ nodes: [{ ...val('a', 1), id }] }))).toMatch(/node 1: 'id' must be an id of 1 to 100 letters/);
    }
    for (const id of ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty']) {
      expect(reasonFor(fileOf({ nodes: [{ ...val('a', 1), id }] }))).toMatch(`node 1: 'id' must not be the reserved name '${id}'`);
    }
    // A wire to 'toString' would otherwise find Object.prototype.toString where no node is.
    expect(reasonFor(fileOf({ nodes: [op('m', 'neg')], wires: [{ id: 'w', source: 'toString', target: 'm', port: 'x' }] }))).toMatch(
      /wire 1 \('w'\): 'source' must not be the reserved name 'toString'/,
    );
    expect(reasonFor(fileOf({ output: '__proto__' }))).toMatch(/'output' must not be the reserved name/);
  });

  it('refuses a ragged layer, saying which row is wrong', () => {
    const file = networkFile();
    nodeIn(file, 'L1').weights = [[0.2, 0.4], [0.1, 0.2], [-0.5]];
    nodeIn(file, 'L1').biases = [0, 0, 0];
    expect(reasonFor(file)).toBe(
      "This file is not a valid graph: node 5 ('L1'): 'weights.2' has 1 weight, but 'weights.0' has 2: every row needs one weight per input.",
    );
  });

  it('refuses a layer whose biases do not match its neurons', () => {
    const file = networkFile();
    nodeIn(file, 'L1').biases = [0, 1, 2];
    expect(reasonFor(file)).toBe(
      "This file is not a valid graph: node 5 ('L1'): 'biases' has 3 numbers, but the layer has 2 neurons (rows of 'weights'): it needs one bias per neuron.",
    );
    nodeIn(file, 'L1').biases = 'none';
    expect(reasonFor(file)).toMatch(/node 5 \('L1'\): 'biases' must be a list of numbers, one per neuron/);
  });

  it('refuses empty and oversized weights', () => {
    const empty = networkFile();
    nodeIn(empty, 'L1').weights = [];
    expect(reasonFor(empty)).toMatch(/'weights' must hold at least one row \(one per neuron\)/);
    const emptyRow = networkFile();
    nodeIn(emptyRow, 'n1').weights = [];
    expect(reasonFor(emptyRow)).toMatch(/node 4 \('n1'\): 'weights' must hold at least one weight/);
    const wide = networkFile();
    nodeIn(wide, 'n1').weights = Array.from({ length: FILE_LIMITS.maxFanIn + 1 }, () => 0);
    expect(reasonFor(wide)).toMatch(/'weights' must hold at most 4096 weights/);
    const tall = networkFile();
    nodeIn(tall, 'L1').weights = Array.from({ length: FILE_LIMITS.maxLayerWidth + 1 }, () => [0, 0]);
    expect(reasonFor(tall)).toMatch(/'weights' must hold at most 1024 rows/);
    const notNumber = networkFile();
    nodeIn(notNumber, 'L1').weights = [[0.2, 0.4], [0.1, 'x']];
    expect(reasonFor(notNumber)).toMatch(/node 5 \('L1'\): 'weights.1.1' must be a finite number/);
  });

  it('refuses an unknown activation or loss', () => {
    const file = networkFile();
    nodeIn(file, 'n1').activation = 'softmax';
    expect(reasonFor(file)).toBe("This file is not a valid graph: node 4 ('n1'): 'activation' must be one of 'relu', 'tanh', 'sigmoid', 'linear'.");
    delete nodeIn(file, 'n1').activation;
    expect(reasonFor(file)).toBe("This file is not a valid graph: node 4 ('n1'): 'activation' is missing.");
    const loss = networkFile();
    nodeIn(loss, 'loss').loss = 'mse';
    expect(reasonFor(loss)).toBe("This file is not a valid graph: node 7 ('loss'): 'loss' must be one of 'squared', 'hinge', 'bce', 'softmax'.");
  });

  it('refuses a feature that is not a whole number from 0 to 63', () => {
    for (const feature of [0.5, -1, 64, '1', null]) {
      const file = networkFile();
      nodeIn(file, 'x1').feature = feature;
      expect(reasonFor(file), String(feature)).toBe("This file is not a valid graph: node 1 ('x1'): 'feature' must be a whole number from 0 to 63.");
    }
    const file = networkFile();
    nodeIn(file, 'x1').feature = 63;
    expect(accepted(file).doc.nodes.x1).toMatchObject({ feature: 63 });
  });

  it('refuses trainable and from of the wrong type', () => {
    const file = networkFile();
    nodeIn(file, 'w').trainable = 'yes';
    expect(reasonFor(file)).toMatch(/node 8 \('w'\): 'trainable' must be true or false/);
    const from = networkFile();
    from.wires[0]!.from = 3;
    expect(reasonFor(from)).toMatch(/wire 1 \('x1_n1_x0'\): 'from' must be an output name/);
  });

  it('refuses wires from outputs the source does not have', () => {
    const unknown = networkFile();
    unknown.wires.find((w) => w.id === 'L1_y1_out')!.from = 'y2';
    expect(reasonFor(unknown)).toBe("This file cannot be opened: a wire leaves from output 'y2', which 'L1' does not have.");
    const fromValue = networkFile();
    fromValue.wires[0]!.from = 'y0';
    expect(reasonFor(fromValue)).toBe("This file cannot be opened: a wire leaves from output 'y0', which 'x1' does not have.");
    const noFrom = networkFile();
    delete noFrom.wires.find((w) => w.id === 'L1_y1_out')!.from;
    expect(reasonFor(noFrom)).toMatch(/^This file cannot be opened: a wire leaves from output .*, which 'L1' does not have\.$/);
    const badPort = networkFile();
    badPort.wires[0]!.port = 'x2';
    expect(reasonFor(badPort)).toBe("This file cannot be opened: a wire goes into input 'x2', which 'n1' does not have.");
  });

  it('refuses ids used twice', () => {
    expect(reasonFor(fileOf({ nodes: [val('a', 1), konst('a', 2)] }))).toBe("This file cannot be opened: two nodes have the id 'a'.");
    const file = lectureFile();
    file.wires[1]!.id = file.wires[0]!.id;
    expect(reasonFor(file)).toBe("This file cannot be opened: two wires have the id 'a_e_a'.");
  });

  it('refuses broken structure: cycles, missing ends, doubled ports, unknown ports, a missing output', () => {
    const cycle = lectureFile();
    cycle.wires.push({ id: 'back', source: 't', target: 'e', port: 'a' });
    cycle.wires.splice(0, 1); // so port e.a is not doubled
    expect(reasonFor(cycle)).toMatch(/^This file cannot be opened: the graph has a cycle through \d+ nodes\.$/);

    const missing = lectureFile();
    missing.wires.push({ id: 'ghost', source: 'nowhere', target: 't', port: 'x' });
    expect(reasonFor(missing)).toMatch(/a wire starts at a node that does not exist \('nowhere'\)/);

    const doubled = lectureFile();
    doubled.wires.push({ id: 'again', source: 'a', target: 'L', port: 'b' });
    expect(reasonFor(doubled)).toBe("This file cannot be opened: two wires go into input 'b' of 'L'.");

    const badPort = lectureFile();
    badPort.wires.push({ id: 'odd', source: 'a', target: 't', port: 'y' });
    expect(reasonFor(badPort)).toMatch(/input 'y', which 't' does not have/);

    expect(reasonFor(fileOf({ nodes: [val('a', 1)], output: 'zz' }))).toMatch(/the output node 'zz' does not exist/);
    expect(reasonFor(fileOf({ nodes: [{ id: 'p', kind: 'op', op: 'pow', position: at(), label: '' }] }))).toBe(
      'This file cannot be opened: the power node needs its k.',
    );
  });

  it('refuses files over the size limits before reading them', () => {
    const huge = serializeDocument(lecture()) + ' '.repeat(FILE_LIMITS.maxChars);
    expect(reasonFor(huge)).toBe('This file is too large (5 MB); the playground opens graphs of up to 5 MB.');
    const nodes = Array.from({ length: FILE_LIMITS.maxNodes + 1 }, (_, i) => konst(`n${i}`, i));
    expect(reasonFor(fileOf({ nodes }))).toBe('This file has 20,001 nodes; the playground opens graphs of up to 20,000 nodes.');
    const wires = Array.from({ length: FILE_LIMITS.maxWires + 1 }, () => 0);
    expect(reasonFor(fileOf({ wires }))).toBe('This file has 40,001 wires; the playground opens graphs of up to 40,000 wires.');
  });

  it('refuses deeply nested junk without overflowing the stack', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(reasonFor(deep)).toMatch(/holds a list/);
    const text = serializeDocument(docOf([val('a', 1)])).replace('"value": 1', `"value": ${deep}`);
    expect(reasonFor(text)).toMatch(/'value' must be a finite number/);
    const nested = serializeDocument(EMPTY_DOC).replace('"nodes": []', `"nodes": [${deep}]`);
    expect(reasonFor(nested)).toMatch(/node 1 must be an object/);
  });

  it('refuses input that is not a string at all', () => {
    for (const input of [undefined, null, 42, { nodes: [] }]) {
      const result = parseDocumentFile(input as unknown as string);
      expect(result).toEqual({ ok: false, reason: 'This file is not text.' });
    }
  });

  it('names a link instead of a file when told the text came from one', () => {
    const result = parseDocumentFile('[]', { source: 'link' });
    expect(result).toEqual({ ok: false, reason: 'The graph in this link is not a Micrograd Playground graph: it holds a list, not a graph.' });
  });

  it('never echoes control characters or long junk from the file', () => {
    const reason = reasonFor({ format: `evil\u0000\n\u001b[31m${'x'.repeat(500)}` });
    // eslint-disable-next-line no-control-regex
    expect(reason).not.toMatch(/[\u0000-\u001f]/);
    expect(reason.length).toBeLessThan(200);
  });
});

describe('parseDocumentFile: fuzzing (never throws; accepts only sound documents)', () => {
  it('arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom(...'{}[]",:0123456789.eE-+ \ntruefalsn') })), (text) => {
        expectSound(parseDocumentFile(text));
      }),
      { numRuns: 500 },
    );
  });

  it('arbitrary JSON values, alone and inside a graph header', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), fc.jsonValue(), (a, b, c) => {
        expectSound(parseDocumentFile(JSON.stringify(a)));
        expectSound(parseDocumentFile(JSON.stringify(fileOf({ nodes: a, wires: b, output: c }))));
        expectSound(parseDocumentFile(JSON.stringify(fileOf({ nodes: [a, b], wires: [c] }))));
      }),
      { numRuns: 300 },
    );
  });

  /** One edit to a JSON tree: at the n-th place (in a walk of the tree), delete, replace or copy. */
  type Mutation = { at: number; action: 'delete' | 'replace' | 'duplicate' | 'swap'; replacement: fc.JsonValue };
  const mutationArb: fc.Arbitrary<Mutation> = fc.record({
    at: fc.nat(),
    action: fc.constantFrom<Mutation['action']>('delete', 'replace', 'duplicate', 'swap'),
    replacement: fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom('a', 'e', 'L', 'pow', 'op', 'value', 'constant', 'x', '__proto__', -1e8, 1e308),
      fc.constantFrom<fc.JsonValue>('L1', 'n1', 'y0', 'y1', 'y2', 'out', 'x0', 'x1', 'score', 'neuron', 'layer', 'input', 'loss', 'tanh', 'bce', 63, 64, 0.5, true, [], [[]], [[1, 2]]),
    ),
  });

  function places(root: unknown): { parent: Record<string, unknown> | unknown[]; key: string | number }[] {
    const found: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
    const stack = [root];
    while (stack.length > 0) {
      const node = stack.pop();
      if (Array.isArray(node)) {
        node.forEach((child, i) => {
          found.push({ parent: node, key: i });
          stack.push(child);
        });
      } else if (typeof node === 'object' && node !== null) {
        for (const [key, child] of Object.entries(node)) {
          found.push({ parent: node as Record<string, unknown>, key });
          stack.push(child);
        }
      }
    }
    return found;
  }

  function mutate(root: unknown, m: Mutation): void {
    const all = places(root);
    if (all.length === 0) return;
    const { parent, key } = all[m.at % all.length]!;
    const other = all[(m.at * 7 + 3) % all.length]!;
    if (Array.isArray(parent)) {
      const i = key as number;
      if (m.action === 'delete') parent.splice(i, 1);
      else if (m.action === 'duplicate') parent.splice(i, 0, structuredClone(parent[i]));
      else if (m.action === 'swap') parent[i] = structuredClone((other.parent as Record<string | number, unknown>)[other.key]);
      else parent[i] = m.replacement;
    } else {
      const k = key as string;
      if (m.action === 'delete') delete parent[k];
      else if (m.action === 'duplicate') parent[`${k}2`] = parent[k];
      else if (m.action === 'swap') parent[k] = structuredClone((other.parent as Record<string | number, unknown>)[other.key]);
      else parent[k] = m.replacement;
    }
  }

  it('mutated valid files', () => {
    fc.assert(
      fc.property(docArb, fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (doc, mutations) => {
        const file = JSON.parse(serializeDocument(doc)) as unknown;
        for (const m of mutations) mutate(file, m);
        expectSound(parseDocumentFile(JSON.stringify(file)));
      }),
      { numRuns: 500 },
    );
  });

  it('mutations of the lecture graph, which has every kind of node and wire', () => {
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (mutations) => {
        const file = lectureFile();
        for (const m of mutations) mutate(file, m);
        expectSound(parseDocumentFile(JSON.stringify(file)));
      }),
      { numRuns: 1000 },
    );
  });

  it('mutations of the network, which has every kind of node and a wire from a layer output', () => {
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (mutations) => {
        const file = networkFile();
        for (const m of mutations) mutate(file, m);
        expectSound(parseDocumentFile(JSON.stringify(file)));
      }),
      { numRuns: 1000 },
    );
  });

  it('files truncated or spliced at a random position', () => {
    fc.assert(
      fc.property(docArb, fc.nat(), fc.string({ maxLength: 5 }), (doc, cut, junk) => {
        const text = serializeDocument(doc);
        const at = cut % text.length;
        const truncated = parseDocumentFile(text.slice(0, at));
        expectSound(truncated);
        if (!truncated.ok) expect(truncated.reason).toMatch(/ends too soon|is empty|not valid JSON/);
        expectSound(parseDocumentFile(text.slice(0, at) + junk + text.slice(at + 1)));
      }),
      { numRuns: 300 },
    );
  });
});
