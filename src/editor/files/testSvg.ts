import { expect } from 'vitest';
import { evaluate } from '../../document/evaluate';
import type { GraphDoc } from '../../document/types';
import { graphToSvg, type GraphSvgInput, type SvgColors } from './graphSvg';
import type { SvgSize } from './svgCardGeometry';

/**
 * Helpers for the SVG export's tests: the picture of a document with its evaluated numbers, a
 * small XML reader that also checks the picture is well-formed, and ways to find a card in it.
 * Not used by the app.
 */

/** A dark theme's colours, as the app's tokens give them. */
export const COLORS: SvgColors = {
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
export function svgOf(doc: GraphDoc, sizes: (id: string) => SvgSize | undefined = () => undefined, extra: Partial<GraphSvgInput> = {}): string {
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

/** The id of the node labelled `label`; throws when there is none. */
export function byLabel(doc: GraphDoc, label: string): string {
  const node = Object.values(doc.nodes).find((n) => n.kind !== 'constant' && n.label === label);
  if (!node) throw new Error(`no node '${label}'`);
  return node.id;
}

type Attrs = Record<string, string>;
/** An element of the picture: its tag name and attributes. */
export interface Element {
  name: string;
  attrs: Attrs;
}

/**
 * A small XML well-formedness check, enough for what graphToSvg writes: one root, tags that
 * nest and close, quoted attributes without raw '<' or '&', text without raw '<' or stray '&'.
 * Returns every element (start or empty tag) with its attributes.
 */
export function parseXml(xml: string): Element[] {
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
export function texts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'),
  );
}

/** The card rectangle of node `id`: the first card drawn after its group opens. Throws when there is none. */
export function cardOf(elements: Element[], id: string): Element {
  const at = elements.findIndex((e) => e.name === 'g' && e.attrs['data-id'] === id);
  const card = at < 0 ? undefined : elements.slice(at + 1).find((e) => e.name === 'rect' && e.attrs.class === 'card');
  if (!card) throw new Error(`no card for node '${id}'`);
  return card;
}

/** The root <svg> element and its viewBox, checking that the root is an <svg>. */
export function viewBoxOf(elements: Element[]) {
  const root = elements[0]!;
  expect(root.name).toBe('svg');
  const [x, y, width, height] = root.attrs.viewBox!.split(' ').map(Number) as [number, number, number, number];
  return { x, y, width, height, root };
}

/** The <g> of node `id`, as text: graphToSvg writes each card on a line of its own. */
export function cardGroup(svg: string, id: string): string {
  const line = svg.split('\n').find((l) => l.startsWith('<g class="node ') && l.includes(` data-id="${id}"`));
  if (line === undefined) throw new Error(`no card for node '${id}'`);
  return line;
}
