/**
 * The cards of the SVG export, one <g> per node: the rounded card, its head (glyph, label,
 * chips), its rows of numbers, its port names and its handles, drawn as the canvas draws them.
 * graphToSvg (in graphSvg.ts) places the cards and the wires between them; this file draws
 * what is inside a card.
 */
import { inputPorts, outputPorts } from '../../document/ports';
import type { DocNode, LossKind } from '../../document/types';
import { findOp } from '../../engine';
import { signOf } from '../formatNumber';
import type { GraphSvgInput, SvgColors, SvgNodeNumbers } from './graphSvg';
import { type Box, HANDLE_RADIUS, inputPortY, NEURON_ROWS_LEFT, outputPortY, ROW_HEIGHT, ROW_TOP } from './svgCardGeometry';
import { esc, fit, MONO_ADVANCE, n, num, SANS_ADVANCE, text, textWidth } from './svgText';

/** How the loss card names its loss, after the canvas's menu. */
const LOSS_TAGS: Readonly<Record<LossKind, string>> = { squared: '(s − y)²', hinge: 'relu(1 − y·s)', bce: 'cross-entropy' };

const CARD_RADIUS = 14;

export function drawNode(node: DocNode, box: Box, input: GraphSvgInput): string {
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

function signColor(value: number, colors: SvgColors): string {
  if (Number.isNaN(value)) return colors.zero;
  const sign = signOf(value);
  return sign === 'pos' ? colors.pos : sign === 'neg' ? colors.neg : colors.zero;
}
