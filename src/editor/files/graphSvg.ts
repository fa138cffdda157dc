import { inputPorts, OUT, outputPorts } from '../../document/ports';
import type { DocNode, GraphDoc, LossKind } from '../../document/types';
import { findOp } from '../../engine';
import { formatNumber, signOf } from '../formatNumber';
import { NET_PORTS, OP_PORTS, portY } from '../nodes/portLayout';

/**
 * The whole graph as a standalone vector picture, drawn from the document rather than
 * screenshotted from the page: every card is an SVG rect with text, every wire a bezier path,
 * so the file stays sharp at any size and opens in any SVG viewer or vector editor.
 *
 * Pure (no DOM): the caller supplies the numbers, the measured card sizes and the theme's
 * colours, so the same function runs in the browser for an export and in Node for the tests.
 */

/** What a card shows besides its own fields. */
export interface SvgNodeNumbers {
  data: number;
  grad: number;
  /** Why the node cannot be computed, or null. */
  error: string | null;
  /** The trouble started upstream (drawn dashed, as the canvas does). */
  upstream?: boolean;
  /**
   * Every output's data and grad, for a node with several (a layer's y0, y1, ...: evaluate's
   * `outputs`). Without it a layer shows `data` and `grad` on y0 and nothing on the others.
   */
  outputs?: readonly { port: string; data: number; grad: number }[];
}

/** A card's size in flow pixels. */
export interface SvgSize {
  width: number;
  height: number;
}

/** The theme's colours, as CSS colour strings. */
export interface SvgColors {
  /** The canvas behind the graph. */
  background: string;
  /** Card fill. */
  panel: string;
  /** Card outline and the zero wire. */
  border: string;
  text: string;
  /** Row names, port names, the kind tag. */
  muted: string;
  /** Positive numbers and wires. */
  pos: string;
  /** Negative numbers and wires. */
  neg: string;
  /** Zero (and not-a-number) numbers and wires. */
  zero: string;
  /** The op glyph and the output chip. */
  accent: string;
  /** Error outlines and marks. */
  danger: string;
  /** Text on the accent (the output chip); dark by default. */
  accentText?: string;
}

export interface GraphSvgInput {
  doc: GraphDoc;
  /** Derived numbers of a node. */
  numbers(id: string): SvgNodeNumbers;
  /** The card's measured size on the canvas, when known; a default size otherwise. */
  sizes(id: string): SvgSize | undefined;
  colors: SvgColors;
  /** CSS font-family lists. */
  fontSans: string;
  fontMono: string;
  /** Space around the graph, in pixels (default 32). */
  padding?: number;
  /** The node marked as the output (gets the OUTPUT chip); none when absent. */
  output?: string | null;
  /** The picture's <title>. */
  title?: string;
}

/** Vertical position of input port i on an op (and loss) card: the canvas's OP_PORTS. */
export const PORTS_TOP = OP_PORTS.top;
export const PORT_PITCH = OP_PORTS.pitch;

/** Card sizes when the canvas has not measured a card (the CSS gives cards roughly these). */
export const DEFAULT_SIZES: Readonly<Record<DocNode['kind'], SvgSize>> = {
  value: { width: 184, height: 100 },
  op: { width: 184, height: 100 },
  constant: { width: 112, height: 34 },
  input: { width: 184, height: 100 },
  target: { width: 184, height: 100 },
  loss: { width: 184, height: 124 },
  neuron: { width: 210, height: 124 },
  layer: { width: 230, height: 100 },
};

/** Where input port i sits, from the card's top: neurons and layers pack their ports tighter. */
export function inputPortY(node: DocNode, i: number): number {
  return portY(node.kind === 'neuron' || node.kind === 'layer' ? NET_PORTS : OP_PORTS, i);
}

/** Where output port i sits, from the card's top: a layer's y0, y1, ... down its right edge, else the middle. */
export function outputPortY(node: DocNode, i: number, height: number): number {
  return node.kind === 'layer' ? portY(NET_PORTS, i) : height / 2;
}

/** How the loss card names its loss, after the canvas's menu. */
const LOSS_TAGS: Readonly<Record<LossKind, string>> = { squared: '(s − y)²', hinge: 'relu(1 − y·s)', bce: 'cross-entropy' };

const CARD_RADIUS = 14;
const ROW_TOP = 44;
const ROW_HEIGHT = 24;
const HANDLE_RADIUS = 4.5;
const MONO_ADVANCE = 0.6;
const SANS_ADVANCE = 0.56;
/** Room the constant chip's CONST tag takes (9.5px, tracked capitals). */
const CONST_TAG_WIDTH = 38;

/** The SVG document for the graph, as text. */
export function graphToSvg(input: GraphSvgInput): string {
  const { doc, colors } = input;
  const pad = Math.max(0, input.padding ?? 32);
  const nodes = Object.values(doc.nodes);
  const boxes = new Map<string, Box>();
  for (const node of nodes) boxes.set(node.id, boxOf(node, input.sizes(node.id)));

  const wires: string[] = [];
  const bounds = new Bounds();
  for (const box of boxes.values()) bounds.addRect(box.x - HANDLE_RADIUS, box.y, box.width + 2 * HANDLE_RADIUS, box.height);
  for (const wire of Object.values(doc.wires)) {
    const source = boxes.get(wire.source);
    const target = doc.nodes[wire.target];
    const targetBox = boxes.get(wire.target);
    if (!source || !target || !targetBox) continue;
    const sourceNode = doc.nodes[wire.source]!;
    const port = inputPorts(target).indexOf(wire.port);
    const from = outputPorts(sourceNode).indexOf(wire.from ?? OUT);
    if (port < 0 || from < 0) continue;
    const sx = source.x + source.width;
    const sy = source.y + outputPortY(sourceNode, from, source.height);
    const tx = targetBox.x;
    const ty = targetBox.y + inputPortY(target, port);
    const offset = controlOffset(tx - sx);
    const c1x = sx + offset;
    const c2x = tx - offset;
    bounds.addPoint(c1x, sy);
    bounds.addPoint(c2x, ty);
    const value = outputData(input.numbers(wire.source), wire.from ?? OUT, from);
    const sign = Number.isNaN(value) ? 'zero' : signOf(value);
    const stroke = sign === 'zero' ? colors.border : sign === 'pos' ? colors.pos : colors.neg;
    wires.push(
      `<path class="wire wire--${sign}" data-id="${esc(wire.id)}" d="M${n(sx)},${n(sy)} C${n(c1x)},${n(sy)} ${n(c2x)},${n(ty)} ${n(tx)},${n(ty)}"` +
        ` fill="none" stroke="${esc(stroke)}" stroke-opacity="${sign === 'zero' ? 1 : 0.75}" stroke-width="${n(strokeWidthFor(value))}" stroke-linecap="round"/>`,
    );
  }

  const cards = nodes.map((node) => drawNode(node, boxes.get(node.id)!, input));

  const view = bounds.empty ? { x: 0, y: 0, width: 2 * pad, height: 2 * pad } : bounds.padded(pad);
  const width = Math.ceil(view.width);
  const height = Math.ceil(view.height);
  const title = input.title ?? 'Micrograd Playground graph';
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${n(view.x)} ${n(view.y)} ${width} ${height}">`,
    `<title>${esc(title)}</title>`,
    `<style>.sans{font-family:${esc(input.fontSans)}}.mono{font-family:${esc(input.fontMono)}}</style>`,
    `<rect class="background" x="${n(view.x)}" y="${n(view.y)}" width="${width}" height="${height}" fill="${esc(colors.background)}"/>`,
    `<g class="wires">`,
    ...wires,
    `</g>`,
    `<g class="nodes">`,
    ...cards,
    `</g>`,
    `</svg>`,
    '',
  ].join('\n');
}

/** Escapes text for XML content and attribute values, dropping characters XML cannot hold. */
export function esc(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/** Stroke width for a carried value: the canvas's ValueEdge rule (thin near 0, thicker when large, capped). */
export function strokeWidthFor(value: number): number {
  if (!Number.isFinite(value)) return 1.5;
  return 1.25 + Math.min(3, Math.log10(1 + Math.abs(value)) * 1.5);
}

/** React Flow's bezier control offset, so exported wires bend like the canvas's. */
function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a card is drawn: its position, its measured (or default) size, never smaller than its content. */
function boxOf(node: DocNode, measured: SvgSize | undefined): Box {
  const fallback = DEFAULT_SIZES[node.kind];
  const w = measured && measured.width > 0 ? measured.width : fallback.width;
  const h = measured && measured.height > 0 ? measured.height : fallback.height;
  return { x: node.position.x, y: node.position.y, width: Math.max(w, minWidth(node)), height: Math.max(h, minHeight(node)) };
}

function minWidth(node: DocNode): number {
  switch (node.kind) {
    case 'constant':
      // Padding, the CONST tag, a gap, and the number.
      return 12 + CONST_TAG_WIDTH + 10 + textWidth(num(node.value), 13, MONO_ADVANCE) + 12;
    case 'neuron':
      return NEURON_ROWS_LEFT + 130;
    case 'layer':
      return 200;
    default:
      return 150;
  }
}

function minHeight(node: DocNode): number {
  switch (node.kind) {
    case 'constant':
      return 26;
    case 'value':
    case 'input':
    case 'target':
      return ROW_TOP + 2 * ROW_HEIGHT + 6;
    case 'op': {
      const op = findOp(node.op);
      const rows = 2 + (op?.param ? 1 : 0);
      return Math.max(ROW_TOP + rows * ROW_HEIGHT + 6, PORTS_TOP + (op?.inputs.length ?? 0) * PORT_PITCH);
    }
    case 'loss':
      return Math.max(ROW_TOP + 3 * ROW_HEIGHT + 6, PORTS_TOP + inputPorts(node).length * PORT_PITCH);
    case 'neuron':
      // The rows b, data and grad, and the ports with their weights (the canvas's netCardHeight).
      return Math.max(ROW_TOP + 3 * ROW_HEIGHT + 6, netCardHeight(node.weights.length));
    case 'layer':
      return netCardHeight(Math.max(node.weights.length, node.weights[0]?.length ?? 0));
  }
}

/** The canvas's height for a neuron or layer card with n ports down one side. */
function netCardHeight(ports: number): number {
  return portY(NET_PORTS, Math.max(ports, 2) - 1) + 22;
}

/** Where a neuron card's rows start: right of the ports and their weights. */
const NEURON_ROWS_LEFT = 62;

/** The data an output carries, for the colour of the wires leaving it. */
function outputData(numbers: SvgNodeNumbers, port: string, index: number): number {
  const listed = numbers.outputs?.find((o) => o.port === port);
  if (listed) return listed.data;
  return index === 0 ? numbers.data : NaN;
}

function drawNode(node: DocNode, box: Box, input: GraphSvgInput): string {
  const { colors } = input;
  const numbers = input.numbers(node.id);
  const error = numbers.error;
  const stroke = error ? colors.danger : colors.border;
  const dash = error && numbers.upstream ? ` stroke-dasharray="5 3"` : '';
  const strokeWidth = error && !numbers.upstream ? 1.75 : 1;
  const radius = node.kind === 'constant' ? box.height / 2 : CARD_RADIUS;
  const out: string[] = [];
  const errorAttr = error ? ` data-error="${esc(error)}"` : '';
  out.push(`<g class="node node--${node.kind}" data-id="${esc(node.id)}"${errorAttr}>`);
  if (error) out.push(`<title>${esc(error)}</title>`);
  out.push(
    `<rect class="card" x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="${n(radius)}"` +
      ` fill="${esc(colors.panel)}" stroke="${esc(stroke)}" stroke-width="${strokeWidth}"${dash}/>`,
  );

  if (node.kind === 'constant') out.push(...drawConstant(node.value, box, numbers, input));
  else out.push(...drawRecord(node, box, numbers, input));

  // The handles: outputs on the right (one, or a layer's y0, y1, ...), one input per port on the left.
  for (let i = 0; i < outputPorts(node).length; i++) out.push(handle(box.x + box.width, box.y + outputPortY(node, i, box.height), colors));
  for (let i = 0; i < inputPorts(node).length; i++) out.push(handle(box.x, box.y + inputPortY(node, i), colors));
  out.push(`</g>`);
  return out.join('');
}

/** A constant: a pill with its kind and its number. */
function drawConstant(value: number, box: Box, numbers: SvgNodeNumbers, input: GraphSvgInput): string[] {
  const { colors } = input;
  const cy = box.y + box.height / 2;
  const out = [text(box.x + 12, cy, 'CONST', { cls: 'sans', size: 9.5, fill: colors.muted, spacing: 0.6, weight: 600 })];
  out.push(text(box.x + box.width - 12, cy, num(value), { cls: 'mono', size: 13, fill: signColor(value, colors), anchor: 'end', testId: 'data' }));
  if (numbers.error) out.push(errorMark(box.x + box.width - 4, box.y + 4, colors));
  return out;
}

/** What a card's head shows: the glyph bubble, the chip that is always there (activation), the kind tag. */
function headOf(node: Exclude<DocNode, { kind: 'constant' }>): { glyph: string | null; chip: string | null; tag: string | null; placeholder: string } {
  switch (node.kind) {
    case 'op': {
      const op = findOp(node.op);
      return { glyph: op?.glyph ?? null, chip: null, tag: null, placeholder: op?.label ?? node.op };
    }
    case 'value':
      return { glyph: null, chip: null, tag: node.trainable === true ? 'PARAM' : 'LEAF', placeholder: 'value' };
    case 'input':
      return { glyph: null, chip: null, tag: 'INPUT', placeholder: 'input' };
    case 'target':
      return { glyph: null, chip: null, tag: 'TARGET', placeholder: 'target' };
    case 'loss':
      return { glyph: 'ℒ', chip: null, tag: null, placeholder: 'loss' };
    case 'neuron':
      return { glyph: 'Σ', chip: node.activation, tag: null, placeholder: 'neuron' };
    case 'layer':
      return { glyph: `${node.weights[0]?.length ?? 0}→${node.weights.length}`, chip: node.activation, tag: null, placeholder: 'layer' };
  }
}

/**
 * Every card but the constant's: draw_dot's `label | data | grad` record, with a glyph in its
 * head for nodes that compute (the op's, Σ for a neuron, ℒ for a loss, nin→nout for a layer),
 * port names in the left gutter, and a layer's outputs, each with its data and grad, down the right.
 */
function drawRecord(node: Exclude<DocNode, { kind: 'constant' }>, box: Box, numbers: SvgNodeNumbers, input: GraphSvgInput): string[] {
  const { colors } = input;
  const out: string[] = [];
  const head = headOf(node);
  const ported = inputPorts(node).length > 0 || node.kind === 'op' || node.kind === 'loss';
  const left = box.x + (ported ? 26 : 12);
  const right = box.x + box.width - 12;
  const headY = box.y + 21;
  let x = left;

  if (head.glyph !== null) {
    const glyphWidth = Math.max(26, textWidth(head.glyph, 13.5, MONO_ADVANCE) + 14);
    out.push(
      `<rect class="op-glyph" x="${n(x)}" y="${n(headY - 12)}" width="${n(glyphWidth)}" height="24" rx="12" fill="${esc(colors.accent)}" fill-opacity="0.14"/>`,
    );
    out.push(text(x + glyphWidth / 2, headY, head.glyph, { cls: 'mono', size: 13.5, fill: colors.accent, anchor: 'middle', weight: 700 }));
    x += glyphWidth + 8;
  }

  // Right side of the head: the error mark, then the output chip or the kind tag, then the
  // activation chip.
  let headRight = right;
  if (numbers.error) {
    out.push(errorMark(headRight - 18, headY - 9, colors));
    headRight -= 18 + 8;
  }
  if (node.id === input.output) {
    const chipWidth = textWidth('OUTPUT', 10, SANS_ADVANCE + 0.08) + 14;
    out.push(
      `<rect class="output-chip" x="${n(headRight - chipWidth)}" y="${n(headY - 8)}" width="${n(chipWidth)}" height="16" rx="8" fill="${esc(colors.accent)}"/>`,
    );
    out.push(
      text(headRight - chipWidth / 2, headY, 'OUTPUT', { cls: 'sans', size: 10, fill: colors.accentText ?? '#1a1608', anchor: 'middle', weight: 700, spacing: 0.4 }),
    );
    headRight -= chipWidth + 8;
  } else if (head.tag !== null) {
    out.push(text(headRight, headY, head.tag, { cls: 'sans', size: 10.5, fill: colors.muted, anchor: 'end', spacing: 0.63 }));
    headRight -= textWidth(head.tag, 10.5, SANS_ADVANCE + 0.06) + 8;
  }
  if (head.chip !== null) {
    const chipWidth = textWidth(head.chip, 11, MONO_ADVANCE) + 12;
    out.push(
      `<rect class="kind-chip" x="${n(headRight - chipWidth)}" y="${n(headY - 9)}" width="${n(chipWidth)}" height="18" rx="5" fill="none" stroke="${esc(colors.border)}"/>`,
    );
    out.push(text(headRight - chipWidth / 2, headY, head.chip, { cls: 'mono', size: 11, fill: colors.muted, anchor: 'middle', testId: 'kind' }));
    headRight -= chipWidth + 8;
  }

  // The label, or the kind's name in muted italics when the node has none (as the canvas's placeholder).
  const named = node.label.trim() !== '';
  const label = named ? node.label : head.placeholder;
  const room = Math.max(0, headRight - x);
  out.push(
    text(x, headY, fit(label, room, 15), {
      cls: 'mono',
      size: 15,
      fill: named ? colors.text : colors.muted,
      weight: named ? 650 : 400,
      italic: !named,
      testId: 'label',
    }),
  );

  // The head's rule, then the rows.
  out.push(
    `<line x1="${n(left)}" y1="${n(box.y + 38.5)}" x2="${n(right)}" y2="${n(box.y + 38.5)}" stroke="${esc(colors.border)}" stroke-opacity="0.6"/>`,
  );
  const rowsLeft = node.kind === 'neuron' ? box.x + NEURON_ROWS_LEFT : left;
  let rowY = box.y + ROW_TOP + ROW_HEIGHT / 2;
  const row = (name: string, value: string, fill: string, testId: string) => {
    out.push(text(rowsLeft, rowY, name, { cls: 'sans', size: 11, fill: colors.muted }));
    out.push(text(right, rowY, value, { cls: 'mono', size: 13, fill, anchor: 'end', testId }));
    rowY += ROW_HEIGHT;
  };
  if (node.kind === 'op') {
    const op = findOp(node.op);
    if (op?.param) row(op.param.name, num(node.param ?? op.param.defaultValue), colors.text, 'param');
  }
  if (node.kind === 'neuron') row('b', num(node.bias), signColor(node.bias, colors), 'bias');
  // The loss kind as a row, where the canvas has its menu (the head has no room beside OUTPUT).
  if (node.kind === 'loss') row('loss', LOSS_TAGS[node.loss], colors.text, 'kind');
  if (node.kind === 'layer') out.push(...layerOutputs(node, box, numbers, colors));
  else {
    const data = node.kind === 'value' || node.kind === 'input' || node.kind === 'target' ? node.value : numbers.data;
    row('data', num(data), signColor(data, colors), 'data');
    row('grad', num(numbers.grad), signColor(numbers.grad, colors), 'grad');
  }

  // Port names in the left gutter, beside their handles; a neuron's weights beside its ports.
  inputPorts(node).forEach((port, i) => {
    const y = box.y + inputPortY(node, i);
    const name = node.kind === 'loss' ? (port === 'score' ? 's' : 'y') : port;
    out.push(text(box.x + 8, y, name, { cls: 'mono', size: 10, fill: colors.muted }));
    if (node.kind === 'neuron' && node.weights[i] !== undefined) {
      const w = node.weights[i];
      out.push(text(box.x + 8 + textWidth(name, 10, MONO_ADVANCE) + 4, y, num(w, 2), { cls: 'mono', size: 9, fill: signColor(w, colors), testId: 'weight' }));
    }
  });
  return out;
}

/** A layer's outputs down its right edge, as the canvas draws them: data, grad, port name. */
function layerOutputs(node: Extract<DocNode, { kind: 'layer' }>, box: Box, numbers: SvgNodeNumbers, colors: SvgColors): string[] {
  const out: string[] = [];
  const right = box.x + box.width - 8;
  outputPorts(node).forEach((port, i) => {
    const y = box.y + outputPortY(node, i, box.height);
    const listed = numbers.outputs?.find((o) => o.port === port);
    const shown = listed ?? (i === 0 ? { data: numbers.data, grad: numbers.grad } : null);
    out.push(text(right, y, port, { cls: 'mono', size: 10, fill: colors.muted, anchor: 'end' }));
    if (shown === null) return;
    const gradRight = right - textWidth(port, 10, MONO_ADVANCE) - 8;
    const grad = num(shown.grad, 3);
    out.push(text(gradRight, y, grad, { cls: 'mono', size: 10, fill: signColor(shown.grad, colors), anchor: 'end', testId: 'grad' }));
    const dataRight = gradRight - textWidth(grad, 10, MONO_ADVANCE) - 8;
    out.push(text(dataRight, y, num(shown.data, 3), { cls: 'mono', size: 11, fill: signColor(shown.data, colors), anchor: 'end', testId: 'data' }));
  });
  return out;
}

function handle(cx: number, cy: number, colors: SvgColors): string {
  return `<circle class="handle" cx="${n(cx)}" cy="${n(cy)}" r="${HANDLE_RADIUS}" fill="${esc(colors.panel)}" stroke="${esc(colors.muted)}" stroke-width="1.5"/>`;
}

/** The red "!" a node that cannot be computed carries; (x, y) is its top-left. */
function errorMark(x: number, y: number, colors: SvgColors): string {
  return (
    `<g class="error-mark"><circle cx="${n(x + 9)}" cy="${n(y + 9)}" r="9" fill="${esc(colors.danger)}"/>` +
    text(x + 9, y + 9.5, '!', { cls: 'sans', size: 12, fill: '#ffffff', anchor: 'middle', weight: 800 }) +
    `</g>`
  );
}

interface TextStyle {
  cls: 'sans' | 'mono';
  size: number;
  fill: string;
  anchor?: 'start' | 'middle' | 'end';
  weight?: number;
  italic?: boolean;
  spacing?: number;
  testId?: string;
}

/** A line of text vertically centred on y. */
function text(x: number, y: number, content: string, style: TextStyle): string {
  const attrs = [
    `class="${style.cls}${style.testId ? ` ${style.testId}` : ''}"`,
    `x="${n(x)}"`,
    `y="${n(y)}"`,
    `dominant-baseline="central"`,
    `font-size="${style.size}"`,
    `fill="${esc(style.fill)}"`,
  ];
  if (style.anchor && style.anchor !== 'start') attrs.push(`text-anchor="${style.anchor}"`);
  if (style.weight) attrs.push(`font-weight="${style.weight}"`);
  if (style.italic) attrs.push(`font-style="italic"`);
  if (style.spacing) attrs.push(`letter-spacing="${style.spacing}"`);
  return `<text ${attrs.join(' ')}>${esc(content)}</text>`;
}

/** A number as the cards show it (four decimals, true minus), without the figure-space padding. */
function num(value: number, digits = 4): string {
  return formatNumber(value, digits).replace(/^\u2007/, '');
}

function signColor(value: number, colors: SvgColors): string {
  if (Number.isNaN(value)) return colors.zero;
  const sign = signOf(value);
  return sign === 'pos' ? colors.pos : sign === 'neg' ? colors.neg : colors.zero;
}

/** A rough width for text, enough to decide where to cut a long label. */
function textWidth(content: string, size: number, advance: number): number {
  return Array.from(content).length * size * advance;
}

/** Cuts text to about `room` pixels, ending in an ellipsis when cut. */
function fit(content: string, room: number, size: number): string {
  const chars = Array.from(content);
  const max = Math.max(1, Math.floor(room / (size * MONO_ADVANCE)));
  return chars.length <= max ? content : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** Coordinates with at most two decimals, so the file stays readable. */
function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** The smallest rectangle around everything drawn. */
class Bounds {
  private minX = Infinity;
  private minY = Infinity;
  private maxX = -Infinity;
  private maxY = -Infinity;

  get empty(): boolean {
    return this.minX > this.maxX;
  }

  addPoint(x: number, y: number): void {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    this.minX = Math.min(this.minX, x);
    this.minY = Math.min(this.minY, y);
    this.maxX = Math.max(this.maxX, x);
    this.maxY = Math.max(this.maxY, y);
  }

  addRect(x: number, y: number, width: number, height: number): void {
    this.addPoint(x, y);
    this.addPoint(x + width, y + height);
  }

  padded(pad: number): Box {
    const x = Math.floor(this.minX - pad);
    const y = Math.floor(this.minY - pad);
    return { x, y, width: Math.ceil(this.maxX + pad) - x, height: Math.ceil(this.maxY + pad) - y };
  }
}
