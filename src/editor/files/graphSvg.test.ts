import { describe, expect, it } from 'vitest';
import { unnamedOpNames } from '../../document/codegen/nodeNames';
import { DocBuilder } from '../../document/presets/DocBuilder';
import { lectureL } from '../../document/presets/lectureL';
import { formatNumber } from '../formatNumber';
import { PORT_PITCH, PORTS_TOP } from './svgCardGeometry';
import { SVG_CARD_KINDS } from './svgCardKinds';
import { byLabel, cardOf, COLORS, parseXml, svgOf, texts, viewBoxOf } from './testSvg';

// The picture as a whole: well-formed, sized to what it holds, wires where the ports are.
// What each kind's card shows is in svgCards.test.ts.

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
    const cube = g.op('pow', [x], '', 3);
    const doc = g.output(cube).build();
    const shown = texts(svgOf(doc));
    expect(shown).toContain('k');
    expect(shown).toContain('3.0000');
    // The name the exported code gives it (n1), as the canvas's card shows it; no longer 'power'.
    expect(shown).toContain(unnamedOpNames(doc).get(cube));
    expect(shown).toContain('−3.3750');
  });

  it('gives an empty graph a small, valid picture', () => {
    const svg = svgOf({ nodes: {}, wires: {}, output: null }, undefined, { padding: 10 });
    const elements = parseXml(svg);
    expect(viewBoxOf(elements).width).toBe(20);
    expect(elements.filter((e) => e.name === 'path')).toHaveLength(0);
  });
});
