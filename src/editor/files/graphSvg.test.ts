import { describe, expect, it } from 'vitest';
import { DocBuilder } from '../../document/presets/DocBuilder';
import { lectureL } from '../../document/presets/lectureL';
import { evaluate } from '../../document/evaluate';
import type { DocNode, GraphDoc, Wire } from '../../document/types';
import { NET_PORTS, OP_PORTS } from '../nodes/portLayout';
import { formatNumber } from '../formatNumber';
import { graphToSvg, type GraphSvgInput, type SvgColors } from './graphSvg';
import { PORT_PITCH, PORTS_TOP, type SvgSize } from './svgCardGeometry';
import { inputPortY, outputPortY, SVG_CARD_KINDS } from './svgCardKinds';

const COLORS: SvgColors = {
  background: '#12141c',
  panel: '#181b25',
  border: '#3a4052',
  text: '#e8e9f0',
  muted: '#656b80',
  pos: '#4fb3ff',
  neg: '#ff7a59',
  zero: '#7c8297',
  accent: '#f5d04c',
  danger: '#ff5d6c',
};

/** The SVG for a document, with its evaluated numbers, as the export computes them. */
function svgOf(doc: GraphDoc, sizes: (id: string) => SvgSize | undefined = () => undefined, extra: Partial<GraphSvgInput> = {}): string {
  const ev = evaluate(doc);
  return graphToSvg({
    doc,
    numbers: (id) => {
      const r = ev.results.get(id);
      return {
        data: r?.data ?? NaN,
        grad: r?.passGrad ?? 0,
        error: r?.error?.message ?? null,
        upstream: r?.error?.kind === 'upstream',
        ...(r?.outputs ? { outputs: r.outputs } : {}),
      };
    },
    sizes,
    colors: COLORS,
    fontSans: "'Inter', system-ui, sans-serif",
    fontMono: "'JetBrains Mono', monospace",
    output: ev.output,
    ...extra,
  });
}

function byLabel(doc: GraphDoc, label: string): string {
  const node = Object.values(doc.nodes).find((n) => n.kind !== 'constant' && n.label === label);
  if (!node) throw new Error(`no node '${label}'`);
  return node.id;
}

type Attrs = Record<string, string>;
interface Element {
  name: string;
  attrs: Attrs;
}

/**
 * A small XML well-formedness check, enough for what graphToSvg writes: one root, tags that
 * nest and close, quoted attributes without raw '<' or '&', text without raw '<' or stray '&'.
 * Returns every element (start or empty tag) with its attributes.
 */
function parseXml(xml: string): Element[] {
  const body = xml.replace(/^<\?xml [^?]*\?>\s*/, '');
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>/y;
  const attr = /\s+([\w:.-]+)="([^"]*)"/g;
  const entity = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
  const elements: Element[] = [];
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const checkText = (text: string, where: string) => {
    const stripped = text.replace(entity, '');
    if (/[<&]/.test(stripped)) throw new Error(`raw '<' or '&' in ${where}: ${JSON.stringify(text)}`);
  };
  while (i < body.length) {
    const lt = body.indexOf('<', i);
    const text = body.slice(i, lt < 0 ? body.length : lt);
    if (stack.length === 0 && text.trim() !== '') throw new Error(`text outside the root: ${JSON.stringify(text)}`);
    checkText(text, 'text');
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(body);
    if (!m) throw new Error(`malformed tag at ${lt}: ${body.slice(lt, lt + 60)}`);
    const [whole, closing, name, attrText, selfClosing] = m;
    if (closing) {
      if (attrText || selfClosing) throw new Error(`malformed end tag ${whole}`);
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}>`);
    } else {
      if (stack.length === 0 && ++roots > 1) throw new Error('more than one root element');
      const attrs: Attrs = {};
      for (const a of attrText!.matchAll(attr)) {
        if (a[1]! in attrs) throw new Error(`duplicate attribute ${a[1]} in ${whole}`);
        checkText(a[2]!, `attribute ${a[1]}`);
        attrs[a[1]!] = a[2]!;
      }
      elements.push({ name: name!, attrs });
      if (!selfClosing) stack.push(name!);
    }
    i = lt + whole.length;
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.join('>, <')}>`);
  if (roots !== 1) throw new Error('no root element');
  return elements;
}

/** The text inside every <text> element, entities decoded. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'),
  );
}

/** The card rectangle of node `id`: the first card drawn after its group opens. Throws when there is none. */
function cardOf(elements: Element[], id: string): Element {
  const at = elements.findIndex((e) => e.name === 'g' && e.attrs['data-id'] === id);
  const card = at < 0 ? undefined : elements.slice(at + 1).find((e) => e.name === 'rect' && e.attrs.class === 'card');
  if (!card) throw new Error(`no card for node '${id}'`);
  return card;
}

function viewBoxOf(elements: Element[]) {
  const root = elements[0]!;
  expect(root.name).toBe('svg');
  const [x, y, width, height] = root.attrs.viewBox!.split(' ').map(Number) as [number, number, number, number];
  return { x, y, width, height, root };
}

describe('the well-formedness check used here', () => {
  it('refuses what is not well-formed XML', () => {
    expect(() => parseXml('<svg><g></svg>')).toThrow();
    expect(() => parseXml('<svg><text>a&b</text></svg>')).toThrow();
    expect(() => parseXml('<svg><text>a<b</text></svg>')).toThrow();
    expect(() => parseXml('<svg x="<"/>')).toThrow();
    expect(() => parseXml('<svg/><svg/>')).toThrow();
    expect(() => parseXml('<svg><g>')).toThrow();
    expect(parseXml('<svg a="1"><text>a &amp; b</text><g/></svg>').map((e) => e.name)).toEqual(['svg', 'text', 'g']);
  });
});

describe('graphToSvg on the lecture L graph', () => {
  const doc = lectureL.build();
  const svg = svgOf(doc);
  const elements = parseXml(svg);

  it('is a well-formed standalone SVG document with a size and a background', () => {
    const { root, width, height } = viewBoxOf(elements);
    expect(root.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(Number(root.attrs.width)).toBe(width);
    expect(Number(root.attrs.height)).toBe(height);
    expect(width).toBeGreaterThan(0);
    expect(height).toBeGreaterThan(0);
    const background = elements.find((e) => e.name === 'rect' && e.attrs.class === 'background');
    expect(background?.attrs.fill).toBe(COLORS.background);
    // Real vector drawing, not an HTML snapshot.
    expect(svg).not.toContain('foreignObject');
  });

  it('shows every label and the lecture numbers with four decimals, as draw_dot does', () => {
    const shown = texts(svg);
    for (const label of ['a', 'b', 'c', 'd', 'e', 'f', 'L']) expect(shown).toContain(label);
    // L = -8 and the grads the lecture computes by hand, in the cards' own format (true minus sign).
    for (const value of [-8, 4, -6, 1, -2, 6, -4, 2, -3, 10]) {
      expect(shown, `${value}`).toContain(formatNumber(value).trim().replace(/^\u2007/, ''));
    }
    expect(shown).toContain('−8.0000');
    expect(shown).toContain('×');
    expect(shown).toContain('+');
    expect(shown).toContain('OUTPUT');
  });

  it('colours numbers by sign', () => {
    expect(svg).toMatch(new RegExp(`class="mono data"[^>]*fill="${COLORS.neg}"[^>]*>−8\\.0000<`));
    expect(svg).toMatch(new RegExp(`class="mono data"[^>]*fill="${COLORS.pos}"[^>]*>10\\.0000<`));
    expect(svg).toMatch(new RegExp(`class="mono grad"[^>]*fill="${COLORS.pos}"[^>]*>6\\.0000<`));
  });

  it('draws one path per wire, from the source card’s right middle to the target port, coloured by sign', () => {
    const paths = elements.filter((e) => e.name === 'path');
    expect(paths).toHaveLength(Object.keys(doc.wires).length);
    const L = doc.nodes[byLabel(doc, 'L')]!;
    const f = doc.nodes[byLabel(doc, 'f')]!;
    const fWire = Object.values(doc.wires).find((w) => w.source === f.id)!;
    const path = paths.find((p) => p.attrs['data-id'] === fWire.id)!;
    const { width, height } = SVG_CARD_KINDS.value.size;
    const nums = path.attrs.d!.match(/-?[\d.]+/g)!.map(Number);
    expect(nums.slice(0, 2)).toEqual([f.position.x + width, f.position.y + height / 2]);
    // f feeds L's second port, 'b'.
    expect(fWire.port).toBe('b');
    expect(nums.slice(-2)).toEqual([L.position.x, L.position.y + PORTS_TOP + 1 * PORT_PITCH]);
    expect(path.attrs.stroke).toBe(COLORS.neg);
    const cWire = Object.values(doc.wires).find((w) => w.source === byLabel(doc, 'c'))!;
    expect(paths.find((p) => p.attrs['data-id'] === cWire.id)!.attrs.stroke).toBe(COLORS.pos);
  });

  it('has a viewBox that encloses every card', () => {
    const vb = viewBoxOf(elements);
    const cards = elements.filter((e) => e.name === 'rect' && e.attrs.class === 'card');
    expect(cards).toHaveLength(Object.keys(doc.nodes).length);
    for (const c of cards) {
      const x = Number(c.attrs.x);
      const y = Number(c.attrs.y);
      expect(x).toBeGreaterThanOrEqual(vb.x);
      expect(y).toBeGreaterThanOrEqual(vb.y);
      expect(x + Number(c.attrs.width)).toBeLessThanOrEqual(vb.x + vb.width);
      expect(y + Number(c.attrs.height)).toBeLessThanOrEqual(vb.y + vb.height);
    }
  });
});

describe('graphToSvg details', () => {
  it('escapes labels, so markup in a name stays text', () => {
    const doc = lectureL.build();
    const a = byLabel(doc, 'a');
    const nodes = { ...doc.nodes, [a]: { ...doc.nodes[a]!, label: `<a&b>"'` } };
    const svg = svgOf({ ...doc, nodes });
    expect(() => parseXml(svg)).not.toThrow();
    expect(svg).toContain('&lt;a&amp;b&gt;&quot;&apos;');
    expect(svg).not.toContain('<a&b>');
    expect(texts(svg)).toContain(`<a&b>"'`);
  });

  it('uses measured sizes, and the viewBox follows them', () => {
    const doc = lectureL.build();
    const L = byLabel(doc, 'L');
    const elements = parseXml(svgOf(doc, (id) => (id === L ? { width: 400, height: 300 } : undefined)));
    // L's card, and only L's, takes the measured size.
    const big = cardOf(elements, L);
    expect(big.attrs).toMatchObject({ width: '400', height: '300' });
    const rects = elements.filter((e) => e.name === 'rect' && e.attrs.class === 'card');
    expect(rects.filter((r) => r.attrs.width === '400' && r.attrs.height === '300')).toEqual([big]);
    const vb = viewBoxOf(elements);
    expect(Number(big.attrs.x) + 400).toBeLessThanOrEqual(vb.x + vb.width);
    expect(Number(big.attrs.y) + 300).toBeLessThanOrEqual(vb.y + vb.height);
  });

  it('draws constants as chips and outlines nodes that cannot be computed in the danger colour', () => {
    const g = new DocBuilder();
    const x = g.value(0, 'x');
    const y = g.op('div', [2, x], 'y');
    const z = g.op('log', [y], 'z');
    const doc = g.output(z).build();
    const svg = svgOf(doc);
    const elements = parseXml(svg);
    const constants = Object.values(doc.nodes).filter((n) => n.kind === 'constant');
    expect(constants).toHaveLength(1);
    expect(elements.find((e) => e.name === 'g' && e.attrs['data-id'] === constants[0]!.id)?.attrs.class).toBe('node node--constant');
    expect(texts(svg)).toContain('2.0000');
    expect(texts(svg)).toContain('CONST');
    // The constant's card is a pill (corner radius half its height); no other card is.
    const cards = elements.filter((e) => e.name === 'rect' && e.attrs.class === 'card');
    const pills = cards.filter((r) => Number(r.attrs.rx) === Number(r.attrs.height) / 2);
    expect(pills).toEqual([cardOf(elements, constants[0]!.id)]);
    // y = 2 / 0 fails here; z fails upstream (dashed).
    const failing = cards.filter((r) => r.attrs.stroke === COLORS.danger);
    expect(failing).toHaveLength(2);
    expect(failing.filter((r) => r.attrs['stroke-dasharray'])).toHaveLength(1);
    expect(svg).toContain('data-error=');
    expect(texts(svg)).toContain('!');
  });

  it('shows pow’s exponent and an unlabelled op by its name', () => {
    const g = new DocBuilder();
    const x = g.value(-1.5, 'x');
    const doc = g.output(g.op('pow', [x], '', 3)).build();
    const shown = texts(svgOf(doc));
    expect(shown).toContain('k');
    expect(shown).toContain('3.0000');
    expect(shown).toContain('power');
    expect(shown).toContain('−3.3750');
  });

  it('gives an empty graph a small, valid picture', () => {
    const svg = svgOf({ nodes: {}, wires: {}, output: null }, undefined, { padding: 10 });
    const elements = parseXml(svg);
    expect(viewBoxOf(elements).width).toBe(20);
    expect(elements.filter((e) => e.name === 'path')).toHaveLength(0);
  });
});

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
