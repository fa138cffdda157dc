import { describe, expect, it } from 'vitest';
import { unnamedOpNames } from '../../document/codegen/nodeNames';
import { toPython } from '../../document/codegen/python';
import { evaluate } from '../../document/evaluate';
import { KINDS, type Kind } from '../../document/kinds';
import { createConstant } from '../../document/kinds/constant';
import { createInput } from '../../document/kinds/input';
import { createLayer } from '../../document/kinds/layer';
import { createLoss } from '../../document/kinds/loss';
import { createNeuron } from '../../document/kinds/neuron';
import { createOp } from '../../document/kinds/op';
import { createTarget } from '../../document/kinds/target';
import { createValue } from '../../document/kinds/value';
import { DocBuilder } from '../../document/presets/DocBuilder';
import { unlabelledOpsDoc } from '../../document/testDocs';
import type { DocNode, GraphDoc, Wire } from '../../document/types';
import { formatNumber } from '../formatNumber';
import { NET_PORTS, NEURON_FAN, neuronInputPorts, OP_PORTS, portY } from '../nodes/portLayout';
import { PORT_PITCH, PORTS_TOP } from './svgCardGeometry';
import { inputPortY, outputPortY, SVG_CARD_KINDS } from './svgCardKinds';
import { cardGroup, COLORS, parseXml, svgOf, texts } from './testSvg';

// What each kind's card shows in the SVG export, after SVG_CARD_KINDS.

/**
 * Two inputs into a ReLU neuron and a 2→2 tanh layer; the layer's y1 and the neuron into a
 * linear output neuron; a hinge loss against the target; a trainable value on the side.
 */
function network(): GraphDoc {
  const at = (x: number, y: number) => ({ x, y });
  const nodes: DocNode[] = [
    { id: 'x1', kind: 'input', position: at(0, 0), label: 'x1', feature: 0, value: 0.5 },
    { id: 'x2', kind: 'input', position: at(0, 140), label: 'x2', feature: 1, value: -1.5 },
    { id: 'y', kind: 'target', position: at(0, 280), label: 'y', value: -1 },
    { id: 'w', kind: 'value', position: at(0, 420), label: 'w', value: 0.25, trainable: true },
    { id: 'n1', kind: 'neuron', position: at(260, 0), label: 'n1', activation: 'relu', weights: [0.8, -0.4], bias: 0.1 },
    { id: 'L', kind: 'layer', position: at(260, 180), label: 'L', activation: 'tanh', weights: [[0.7, -0.2], [-0.5, 0.3]], biases: [0.05, -0.3] },
    { id: 'out', kind: 'neuron', position: at(560, 60), label: 'out', activation: 'linear', weights: [1.2, -0.9], bias: 0.1 },
    { id: 'loss', kind: 'loss', position: at(860, 60), label: 'loss', loss: 'hinge' },
  ];
  const wire = (source: string, target: string, port: string, from?: string): Wire =>
    from === undefined ? { id: `${source}-${target}-${port}`, source, target, port } : { id: `${source}-${target}-${port}`, source, from, target, port };
  const wires = [
    wire('x1', 'n1', 'x0'),
    wire('x2', 'n1', 'x1'),
    wire('x1', 'L', 'x0'),
    wire('x2', 'L', 'x1'),
    wire('n1', 'out', 'x0'),
    wire('L', 'out', 'x1', 'y1'),
    wire('out', 'loss', 'score'),
    wire('y', 'loss', 'target'),
  ];
  return { nodes: Object.fromEntries(nodes.map((n) => [n.id, n])), wires: Object.fromEntries(wires.map((w) => [w.id, w])), output: 'loss' };
}

describe('graphToSvg on a network', () => {
  const doc = network();
  const ev = evaluate(doc);
  const svg = svgOf(doc);
  const elements = parseXml(svg);
  const group = (id: string) => {
    const start = svg.indexOf(`<g class="node node--${doc.nodes[id]!.kind}" data-id="${id}"`);
    return svg.slice(start, svg.indexOf('</g>', svg.indexOf('<rect class="card"', start)) + 4);
  };
  const pathOf = (wireId: string) => elements.find((e) => e.name === 'path' && e.attrs['data-id'] === wireId)!.attrs.d!.match(/-?[\d.]+/g)!.map(Number);

  it('has a default size for every kind of node, and draws every node and wire', () => {
    for (const kind of ['value', 'constant', 'op', 'input', 'target', 'loss', 'neuron', 'layer'] as const) {
      expect(SVG_CARD_KINDS[kind].size.width, kind).toBeGreaterThan(0);
      expect(SVG_CARD_KINDS[kind].size.height, kind).toBeGreaterThan(0);
    }
    expect(elements.filter((e) => e.name === 'rect' && e.attrs.class === 'card')).toHaveLength(Object.keys(doc.nodes).length);
    expect(elements.filter((e) => e.name === 'path')).toHaveLength(Object.keys(doc.wires).length);
  });

  it('tags inputs, targets and trainable values, and shows the sample they hold', () => {
    expect(texts(group('x1'))).toEqual(expect.arrayContaining(['INPUT', 'x1', '0.5000']));
    expect(texts(group('y'))).toEqual(expect.arrayContaining(['TARGET', 'y', '−1.0000']));
    expect(texts(group('w'))).toEqual(expect.arrayContaining(['PARAM', 'w', '0.2500']));
  });

  it('draws a neuron with Σ, its activation, its bias, and its input ports with their weights', () => {
    const shown = texts(group('n1'));
    expect(shown).toEqual(expect.arrayContaining(['Σ', 'n1', 'relu', 'b', '0.1000', 'x0', 'x1', '0.80', '−0.40', 'data', 'grad']));
    const r = ev.results.get('n1')!;
    expect(shown).toContain(formatNumber(r.data).replace(/^\u2007/, ''));
    // Handles: one input per weight, at the canvas's tighter pitch, and one output in the middle.
    const handles = [...group('n1').matchAll(/<circle class="handle" cx="([-\d.]+)" cy="([-\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const { width, height } = SVG_CARD_KINDS.neuron.size;
    expect(handles).toEqual([
      [260 + width, height / 2],
      [260, NET_PORTS.top],
      [260, NET_PORTS.top + NET_PORTS.pitch],
    ]);
  });

  it('draws a layer with nin→nout, and each output with its data and grad down the right edge', () => {
    const shown = texts(group('L'));
    expect(shown).toEqual(expect.arrayContaining(['2→2', 'L', 'tanh', 'x0', 'x1', 'y0', 'y1']));
    for (const o of ev.results.get('L')!.outputs!) {
      expect(shown).toContain(formatNumber(o.data, 3).replace(/^\u2007/, ''));
      expect(shown).toContain(formatNumber(o.grad, 3).replace(/^\u2007/, ''));
    }
    const layer = doc.nodes.L!;
    const { width } = SVG_CARD_KINDS.layer.size;
    const handles = [...group('L').matchAll(/<circle class="handle" cx="([-\d.]+)" cy="([-\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(handles).toEqual([
      [260 + width, 180 + outputPortY(layer, 0, 0)],
      [260 + width, 180 + outputPortY(layer, 1, 0)],
      [260, 180 + inputPortY(layer, 0)],
      [260, 180 + inputPortY(layer, 1)],
    ]);
    expect(outputPortY(layer, 1, 0)).toBe(NET_PORTS.top + NET_PORTS.pitch);
  });

  it('starts a wire from a layer at its output port, coloured by that output, and ends it at the neuron\'s port', () => {
    const d = pathOf('L-out-x1');
    expect(d.slice(0, 2)).toEqual([260 + SVG_CARD_KINDS.layer.size.width, 180 + NET_PORTS.top + NET_PORTS.pitch]);
    expect(d.slice(-2)).toEqual([560, 60 + NET_PORTS.top + NET_PORTS.pitch]);
    const y1 = ev.results.get('L')!.outputs!.find((o) => o.port === 'y1')!.data;
    const y0 = ev.results.get('L')!.outputs!.find((o) => o.port === 'y0')!.data;
    expect(Math.sign(y1)).not.toBe(Math.sign(y0)); // so the colour tells the two outputs apart
    const path = elements.find((e) => e.name === 'path' && e.attrs['data-id'] === 'L-out-x1')!;
    expect(path.attrs.stroke).toBe(y1 > 0 ? COLORS.pos : COLORS.neg);
  });

  it('draws the loss with ℒ, its formula, and the score and target ports where the op cards put theirs', () => {
    expect(texts(group('loss'))).toEqual(expect.arrayContaining(['ℒ', 'loss', 'relu(1 − y·s)', 's', 'y', 'OUTPUT', 'data', 'grad']));
    expect(pathOf('out-loss-score').slice(-2)).toEqual([860, 60 + OP_PORTS.top]);
    expect(pathOf('y-loss-target').slice(-2)).toEqual([860, 60 + OP_PORTS.top + OP_PORTS.pitch]);
    expect(PORTS_TOP).toBe(OP_PORTS.top);
    expect(PORT_PITCH).toBe(OP_PORTS.pitch);
  });

  it('grows a neuron or layer card to fit many ports, and leaves out wires from outputs a node does not have', () => {
    const wide: DocNode = { id: 'big', kind: 'layer', position: { x: 0, y: 0 }, label: '', activation: 'relu', weights: Array.from({ length: 12 }, () => [1, 2, 3]), biases: Array.from({ length: 12 }, () => 0) };
    const stray: Wire = { id: 'stray', source: 'x1', from: 'y3', target: 'n1', port: 'x0' };
    const base = network();
    const big = parseXml(
      svgOf({ ...base, nodes: { ...base.nodes, big: wide }, wires: { ...base.wires, 'x1-n1-x0': stray } }),
    );
    const card = big.filter((e) => e.name === 'rect' && e.attrs.class === 'card')[Object.keys(base.nodes).length]!;
    expect(Number(card.attrs.height)).toBeGreaterThanOrEqual(NET_PORTS.top + 11 * NET_PORTS.pitch);
    expect(big.filter((e) => e.name === 'path').map((e) => e.attrs['data-id'])).not.toContain('stray');
    expect(texts(svgOf({ ...base, nodes: { ...base.nodes, big: wide } }))).toContain('layer'); // unlabelled: the kind, in italics
  });
});

describe('a neuron with many inputs in the SVG export', () => {
  it('fans its ports into the card’s left middle, as the canvas does, and names no port', () => {
    const weights = Array.from({ length: 16 }, (_, i) => (i % 2 ? -0.1 : 0.2) * (i + 1));
    const wide: DocNode = { id: 'wide', kind: 'neuron', position: { x: 0, y: 0 }, label: 'wide', activation: 'relu', weights, bias: 0 };
    const doc: GraphDoc = { nodes: { wide }, wires: {}, output: 'wide' };
    const svg = svgOf(doc);
    const group = cardGroup(svg, 'wide');
    const card = parseXml(svg).find((e) => e.name === 'rect' && e.attrs.class === 'card')!;
    // One fixed height, however many inputs (unmeasured: the kind's default size, 2 px over the canvas's).
    expect(Number(card.attrs.height)).toBe(Math.max(NEURON_FAN.height, SVG_CARD_KINDS.neuron.size.height));
    const handles = [...group.matchAll(/<circle class="handle" cx="([-\d.]+)" cy="([-\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    // Handles are written rounded to 0.1 px; the left edge's are the inputs.
    const left = Math.min(...handles.map(([x]) => x!));
    const inputs = handles.filter(([x]) => x === left).map(([, y]) => y!);
    expect(inputs).toHaveLength(16);
    inputs.forEach((y, i) => expect(y).toBeCloseTo(portY(neuronInputPorts(16), i), 0));
    expect(inputPortY(wide, 15) - inputPortY(wide, 0)).toBeCloseTo(NEURON_FAN.span);
    // No name or weight per port (they would sit on top of each other); the wires carry the weights.
    expect(texts(group)).not.toContain('x7');
    expect(group).not.toContain('data-testid="weight"');
  });
});

/** The text of the element of class `cls` (a card's label, data, grad) in a card's markup. */
function textOf(group: string, cls: string): string[] {
  return texts([...group.matchAll(new RegExp(`<text [^>]*class="[a-z]+ ${cls}"[^>]*>[^<]*</text>`, 'g'))].map((m) => m[0]).join(''));
}

/** A number as a card prints it (without the figure space that pads positive numbers). */
const printed = (value: number, digits?: number) => formatNumber(value, digits).replace(/^\u2007/, '');

describe('the SVG card table', () => {
  // One node of every kind, made by the kinds' own create functions: typed against the
  // registry, so a new kind must be added here too, and then must draw a card.
  const at = (i: number) => ({ x: 250 * i, y: 0 });
  let seed = 3;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) - 0.5;
  const made = {
    value: createValue(at(0), 2, 'a'),
    constant: createConstant(at(1), 3),
    input: createInput(at(2), 0),
    target: createTarget(at(3)),
    op: createOp('mul', at(4)),
    neuron: createNeuron(at(5), 2, 'tanh', random),
    layer: createLayer(at(6), 2, 3, 'relu', random),
    loss: createLoss(at(7), 'squared'),
  } satisfies Record<Kind, DocNode>;
  const { value, constant, input, target, op, neuron, layer, loss } = made;
  const wire = (source: DocNode, target: DocNode, port: string): Wire => ({ id: `${source.id}-${target.id}-${port}`, source: source.id, target: target.id, port });
  const wires = [
    wire(value, op, 'a'),
    wire(constant, op, 'b'),
    wire(op, neuron, 'x0'),
    wire(input, neuron, 'x1'),
    wire(value, layer, 'x0'),
    wire(input, layer, 'x1'),
    wire(neuron, loss, 'score'),
    wire(target, loss, 'target'),
  ];
  const doc: GraphDoc = {
    nodes: Object.fromEntries(Object.values(made).map((node) => [node.id, node])),
    wires: Object.fromEntries(wires.map((w) => [w.id, w])),
    output: loss.id,
  };
  const ev = evaluate(doc);
  const svg = svgOf(doc);

  it('has an entry for every kind of the registry, and nothing else', () => {
    expect(Object.keys(SVG_CARD_KINDS).sort()).toEqual(Object.keys(KINDS).sort());
    expect(Object.keys(made).sort()).toEqual(Object.keys(KINDS).sort());
  });

  it('draws every kind as a <g> of its kind with a card, its label and its numbers', () => {
    expect(() => parseXml(svg)).not.toThrow();
    for (const node of Object.values(made)) {
      const group = cardGroup(svg, node.id);
      const result = ev.results.get(node.id)!;
      expect(result.error, node.kind).toBeNull();
      expect(group.startsWith(`<g class="node node--${node.kind}" data-id="${node.id}">`), node.kind).toBe(true);
      expect(group.match(/<rect class="card"/g), node.kind).toHaveLength(1);
      if (node.kind === 'constant') {
        // A pill: no label, its tag and its number.
        expect(texts(group), node.kind).toEqual(['CONST', printed(node.value)]);
        continue;
      }
      const label = node.kind === 'op' ? unnamedOpNames(doc).get(node.id) : node.label;
      expect(label, node.kind).toBeTruthy();
      expect(textOf(group, 'label'), node.kind).toEqual([label]);
      if (node.kind === 'layer') {
        // Each output's data and grad, three decimals, down the right edge.
        expect(textOf(group, 'data'), node.kind).toEqual(result.outputs!.map((o) => printed(o.data, 3)));
        expect(textOf(group, 'grad'), node.kind).toEqual(result.outputs!.map((o) => printed(o.grad, 3)));
      } else {
        expect(textOf(group, 'data'), node.kind).toEqual([printed(result.data)]);
        expect(textOf(group, 'grad'), node.kind).toEqual([printed(result.passGrad)]);
      }
    }
  });
});

describe('unlabelled op cards', () => {
  it('go by the names the exported code gives them, as the canvas shows them; labelled ones keep their labels', () => {
    const { doc, unlabelled: [prod, sum], labelled } = unlabelledOpsDoc();
    const svg = svgOf(doc);
    const code = toPython(doc);
    const names = unnamedOpNames(doc);
    expect([...names.keys()].sort()).toEqual([prod, sum].sort());
    for (const id of [prod, sum]) {
      const name = names.get(id)!;
      expect(textOf(cardGroup(svg, id), 'label')).toEqual([name]);
      expect(code).toMatch(new RegExp(`^${name} = `, 'm'));
    }
    expect(textOf(cardGroup(svg, labelled), 'label')).toEqual(['o']);
  });

  it('keep their op’s name when the code cannot write them (an input is missing)', () => {
    const g = new DocBuilder();
    const a = g.value(2, 'a');
    const doc = g.output(g.op('neg', [a], 'n')).build();
    const loose = createOp('add', { x: 0, y: 300 });
    const withLoose: GraphDoc = { ...doc, nodes: { ...doc.nodes, [loose.id]: loose } };
    expect(unnamedOpNames(withLoose).has(loose.id)).toBe(false);
    expect(textOf(cardGroup(svgOf(withLoose), loose.id), 'label')).toEqual(['add']);
  });
});
