import { describe, expect, it } from 'vitest';
import { DocBuilder } from '../../document/presets/DocBuilder';
import { lectureL } from '../../document/presets/lectureL';
import { evaluate } from '../../document/evaluate';
import type { GraphDoc } from '../../document/types';
import { formatNumber } from '../formatNumber';
import { DEFAULT_SIZES, graphToSvg, PORT_PITCH, PORTS_TOP, type GraphSvgInput, type SvgColors, type SvgSize } from './graphSvg';

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
      return { data: r?.data ?? NaN, grad: r?.grad ?? 0, error: r?.error?.message ?? null, upstream: r?.error?.kind === 'upstream' };
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
    const { width, height } = DEFAULT_SIZES.value;
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
    const card = elements.find((e) => e.name === 'g' && e.attrs['data-id'] === L);
    expect(card).toBeDefined();
    const rects = elements.filter((e) => e.name === 'rect' && e.attrs.class === 'card');
    const big = rects.find((r) => r.attrs.width === '400' && r.attrs.height === '300')!;
    expect(big).toBeDefined();
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
    const chip = elements.find((e) => e.name === 'g' && e.attrs.class === 'node node--constant');
    expect(chip).toBeDefined();
    expect(texts(svg)).toContain('2.0000');
    expect(texts(svg)).toContain('CONST');
    const cards = elements.filter((e) => e.name === 'rect' && e.attrs.class === 'card');
    const chipRect = cards.find((r) => Number(r.attrs.rx) === Number(r.attrs.height) / 2);
    expect(chipRect).toBeDefined();
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
