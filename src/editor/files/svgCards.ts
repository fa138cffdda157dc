/**
 * The cards of the SVG export, one <g> per node: the rounded card, its head (glyph, label,
 * chips), its rows of numbers, its port names and its handles, drawn as the canvas draws them.
 * graphToSvg (in graphSvg.ts) places the cards and the wires between them; this file draws
 * what is inside a card.
 */
import { inputPorts, outputPorts } from '../../document/ports';
import type { DocNode } from '../../document/types';
import { signOf } from '../formatNumber';
import type { GraphSvgInput, SvgColors, SvgNodeNumbers } from './graphSvg';
import { type Box, HANDLE_RADIUS, ROW_HEIGHT, ROW_TOP } from './svgCardGeometry';
import { cardKindOf, inputPortY, outputPortY, type RecordFace } from './svgCardKinds';
import { esc, fit, MONO_ADVANCE, n, num, SANS_ADVANCE, text, textWidth } from './svgText';

const CARD_RADIUS = 14;

/** One node's card as an SVG <g>: outline, face (as its kind's entry in SVG_CARD_KINDS says), handles. */
export function drawNode(node: DocNode, box: Box, input: GraphSvgInput): string {
  const { colors } = input;
  const numbers = input.numbers(node.id);
  const { face } = cardKindOf(node);
  const error = numbers.error;
  const stroke = error ? colors.danger : colors.border;
  const dash = error && numbers.upstream ? ` stroke-dasharray="5 3"` : '';
  const strokeWidth = error && !numbers.upstream ? 1.75 : 1;
  const radius = face.shape === 'pill' ? box.height / 2 : CARD_RADIUS;
  const out: string[] = [];
  const errorAttr = error ? ` data-error="${esc(error)}"` : '';
  out.push(`<g class="node node--${node.kind}" data-id="${esc(node.id)}"${errorAttr}>`);
  if (error) out.push(`<title>${esc(error)}</title>`);
  out.push(
    `<rect class="card" x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="${n(radius)}"` +
      ` fill="${esc(colors.panel)}" stroke="${esc(stroke)}" stroke-width="${strokeWidth}"${dash}/>`,
  );

  if (face.shape === 'pill') out.push(...drawPill(face.tag, face.value(node), box, numbers, input));
  else out.push(...drawRecord(node, face, box, numbers, input));

  // The handles: outputs on the right (one, or a layer's y0, y1, ...), one input per port on the left.
  for (let i = 0; i < outputPorts(node).length; i++) out.push(handle(box.x + box.width, box.y + outputPortY(node, i, box.height), colors));
  for (let i = 0; i < inputPorts(node).length; i++) out.push(handle(box.x, box.y + inputPortY(node, i), colors));
  out.push(`</g>`);
  return out.join('');
}

/** A pill (a constant): its tag and its number. */
function drawPill(tag: string, value: number, box: Box, numbers: SvgNodeNumbers, input: GraphSvgInput): string[] {
  const { colors } = input;
  const cy = box.y + box.height / 2;
  const out = [text(box.x + 12, cy, tag, { cls: 'sans', size: 9.5, fill: colors.muted, spacing: 0.6, weight: 600 })];
  out.push(text(box.x + box.width - 12, cy, num(value), { cls: 'mono', size: 13, fill: signColor(value, colors), anchor: 'end', testId: 'data' }));
  if (numbers.error) out.push(errorMark(box.x + box.width - 4, box.y + 4, colors));
  return out;
}

/**
 * Every card but a pill: draw_dot's `label | data | grad` record, with a glyph in its head for
 * nodes that compute (the op's, Σ for a neuron, ℒ for a loss, nin→nout for a layer), port names
 * in the left gutter, and, for a layer, each output with its data and grad down the right.
 */
function drawRecord(node: DocNode, face: RecordFace<DocNode>, box: Box, numbers: SvgNodeNumbers, input: GraphSvgInput): string[] {
  const { colors } = input;
  const out: string[] = [];
  const head = face.head(node, input.doc);
  const left = box.x + (face.gutter(node) ? 26 : 12);
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
  const own = 'label' in node ? node.label : '';
  const named = own.trim() !== '';
  const label = named ? own : head.placeholder;
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
  const rowsLeft = face.rowsLeft === undefined ? left : box.x + face.rowsLeft;
  let rowY = box.y + ROW_TOP + ROW_HEIGHT / 2;
  const row = (name: string, value: string, fill: string, testId: string) => {
    out.push(text(rowsLeft, rowY, name, { cls: 'sans', size: 11, fill: colors.muted }));
    out.push(text(right, rowY, value, { cls: 'mono', size: 13, fill, anchor: 'end', testId }));
    rowY += ROW_HEIGHT;
  };
  for (const r of face.rows(node, numbers)) row(r.name, r.value, r.sign === undefined ? colors.text : signColor(r.sign, colors), r.testId);
  if (face.outputsDownRight) out.push(...layerOutputs(node, box, numbers, colors));

  // Port names in the left gutter, beside their handles; a neuron's weights beside its ports.
  if (face.portsNamed?.(node) === false) return out;
  inputPorts(node).forEach((port, i) => {
    const y = box.y + inputPortY(node, i);
    const name = face.portName?.(port) ?? port;
    out.push(text(box.x + 8, y, name, { cls: 'mono', size: 10, fill: colors.muted }));
    const w = face.portWeight?.(node, i);
    if (w !== undefined) {
      out.push(text(box.x + 8 + textWidth(name, 10, MONO_ADVANCE) + 4, y, num(w, 2), { cls: 'mono', size: 9, fill: signColor(w, colors), testId: 'weight' }));
    }
  });
  return out;
}

/** Every output down the card's right edge (a layer's), as the canvas draws them: data, grad, port name. */
function layerOutputs(node: DocNode, box: Box, numbers: SvgNodeNumbers, colors: SvgColors): string[] {
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
