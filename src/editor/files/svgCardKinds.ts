/**
 * What each node kind's card looks like in the SVG export: its sizes, where its handles sit,
 * and what its face shows (head, rows, port names). One entry per kind of the document's
 * registry, typed so a kind without a card is a type error, as KIND_VIEWS (nodes/kindViews.ts)
 * does for the canvas's React views; this table stays free of React so the export runs in Node.
 * svgCards.ts draws a face, graphSvg.ts places the cards; neither asks which kind a node is.
 */
import { unnamedOpNames } from '../../document/codegen/nodeNames';
import type { Kind } from '../../document/kinds';
import { inputPorts } from '../../document/ports';
import type { DocNode, GraphDoc, LossKind } from '../../document/types';
import { findOp } from '../../engine';
import { NET_PORTS, neuronCardHeight, neuronFans, neuronInputPorts, OP_PORTS, portY, type PortLayout } from '../nodes/portLayout';
import type { SvgNodeNumbers } from './graphSvg';
import { type Box, NEURON_ROWS_LEFT, netCardHeight, PORT_PITCH, PORTS_TOP, recordHeight, type SvgSize } from './svgCardGeometry';
import { MONO_ADVANCE, num, textWidth } from './svgText';


/** A pill with a tag and one number (a constant). */
export interface PillFace<N> {
  readonly shape: 'pill';
  /** The small capitals before the number. */
  readonly tag: string;
  value(node: N): number;
}

/** What a record card's head shows, left to right after the glyph. */
export interface CardHead {
  /** The bubble at the left (an op's glyph, Σ, ℒ, nin→nout), or null. */
  glyph: string | null;
  /** The chip on the right that is always there (an activation), or null. */
  chip: string | null;
  /** The kind tag on the right (PARAM, INPUT...), hidden by the OUTPUT chip; or null. */
  tag: string | null;
  /** Shown in muted italics when the node has no label, as the canvas's placeholder. */
  placeholder: string;
}

/** One `name  number` row under a record card's head. */
export interface CardRow {
  name: string;
  value: string;
  /** Coloured by this number's sign; in the text colour when absent. */
  sign?: number;
  /** The class the number carries, so tests and readers find it (data, grad, bias...). */
  testId: string;
}

/** draw_dot's `label | data | grad` record: a head, rows of numbers, port names at the left. */
export interface RecordFace<N> {
  readonly shape: 'record';
  /** `doc` is the whole document, for names that depend on it (an unlabelled op's n1). */
  head(node: N, doc: GraphDoc): CardHead;
  /** True when the left gutter is kept for port names (even before any port is wired). */
  gutter(node: N): boolean;
  /** Where the rows' names start from the card's left, when not after the gutter (a neuron's weights sit there). */
  readonly rowsLeft?: number;
  /** The rows, top to bottom. */
  rows(node: N, numbers: SvgNodeNumbers): CardRow[];
  /** True when every output shows its data and grad down the right edge (a layer's y0, y1, ...). */
  readonly outputsDownRight?: boolean;
  /** The name written beside input port `port`; default the port's own. */
  portName?(port: string): string;
  /** A number written after input port i's name (a neuron's weight), if any. */
  portWeight?(node: N, i: number): number | undefined;
  /** False when the ports sit too close for a name each (a neuron's fan); default true. */
  portsNamed?(node: N): boolean;
}

/** How one node kind's card is drawn in the SVG export. */
export interface SvgCardKind<N extends DocNode> {
  /** The size when the canvas has not measured the card (the CSS gives cards roughly this). */
  readonly size: SvgSize;
  /** The narrowest card the content fits; a measured card is never drawn narrower. */
  minWidth(node: N): number;
  /** The shortest card the content fits. */
  minHeight(node: N): number;
  /** Where the input handles sit down the left edge: one layout, or one per node (a neuron's fan). */
  readonly inputPorts: PortLayout | ((node: N) => PortLayout);
  /** Where the output handles sit down the right edge: 'middle' for the one output of most kinds. */
  readonly outputPorts: PortLayout | 'middle';
  readonly face: PillFace<N> | RecordFace<N>;
}

/** The node type of kind K. */
type NodeOf<K extends Kind> = Extract<DocNode, { kind: K }>;

/** One card per kind, each typed for its own kind's nodes. */
export type SvgCardKinds = { readonly [K in Kind]: SvgCardKind<NodeOf<K>> };

/** How the loss card names its loss, after the canvas's menu. */
const LOSS_TAGS: Readonly<Record<LossKind, string>> = { squared: '(s − y)²', hinge: 'relu(1 − y·s)', bce: 'cross-entropy', softmax: 'softmax + CE' };

/** Room the constant chip's CONST tag takes (9.5px, tracked capitals). */
const CONST_TAG_WIDTH = 38;
/** The narrowest record card: room for a short label and a four-decimal number. */
const RECORD_MIN_WIDTH = 150;

/** The data and grad rows every computed card ends with. */
function numberRows(data: number, grad: number): CardRow[] {
  return [
    { name: 'data', value: num(data), sign: data, testId: 'data' },
    { name: 'grad', value: num(grad), sign: grad, testId: 'grad' },
  ];
}

/** A card for a leaf that holds its own number (a value, an input, a target): a tag, data and grad. */
function leafCard<N extends NodeOf<'value' | 'input' | 'target'>>(tag: (node: N) => string, placeholder: string): SvgCardKind<N> {
  return {
    size: { width: 184, height: 100 },
    minWidth: () => RECORD_MIN_WIDTH,
    minHeight: () => recordHeight(2),
    inputPorts: OP_PORTS,
    outputPorts: 'middle',
    face: {
      shape: 'record',
      head: (node) => ({ glyph: null, chip: null, tag: tag(node), placeholder }),
      gutter: () => false,
      rows: (node, numbers) => numberRows(node.value, numbers.grad),
    },
  };
}

/** Every node kind's exported card. */
export const SVG_CARD_KINDS = {
  value: leafCard((node) => (node.trainable === true ? 'PARAM' : 'LEAF'), 'value'),
  constant: {
    size: { width: 112, height: 34 },
    // Padding, the CONST tag, a gap, and the number.
    minWidth: (node) => 12 + CONST_TAG_WIDTH + 10 + textWidth(num(node.value), 13, MONO_ADVANCE) + 12,
    minHeight: () => 26,
    inputPorts: OP_PORTS,
    outputPorts: 'middle',
    face: { shape: 'pill', tag: 'CONST', value: (node) => node.value },
  },
  op: {
    size: { width: 184, height: 100 },
    minWidth: () => RECORD_MIN_WIDTH,
    minHeight(node) {
      const op = findOp(node.op);
      return Math.max(recordHeight(2 + (op?.param ? 1 : 0)), PORTS_TOP + (op?.inputs.length ?? 0) * PORT_PITCH);
    },
    inputPorts: OP_PORTS,
    outputPorts: 'middle',
    face: {
      shape: 'record',
      head(node, doc) {
        const op = findOp(node.op);
        // Unlabelled, the name the exported code gives the node (n1), as the canvas's card, the
        // inspector and the chain rule show it; an op the code cannot write keeps its op's name.
        const placeholder = unnamedOpNames(doc).get(node.id) ?? op?.label ?? node.op;
        return { glyph: op?.glyph ?? null, chip: null, tag: null, placeholder };
      },
      gutter: () => true,
      rows(node, numbers) {
        const param = findOp(node.op)?.param;
        const rows = param ? [{ name: param.name, value: num(node.param ?? param.defaultValue), testId: 'param' }] : [];
        return [...rows, ...numberRows(numbers.data, numbers.grad)];
      },
    },
  },
  input: leafCard(() => 'INPUT', 'input'),
  target: leafCard(() => 'TARGET', 'target'),
  loss: {
    size: { width: 184, height: 124 },
    minWidth: () => RECORD_MIN_WIDTH,
    minHeight: (node) => Math.max(recordHeight(3), PORTS_TOP + inputPorts(node).length * PORT_PITCH),
    inputPorts: OP_PORTS,
    outputPorts: 'middle',
    face: {
      shape: 'record',
      head: () => ({ glyph: 'ℒ', chip: null, tag: null, placeholder: 'loss' }),
      gutter: () => true,
      // The loss kind as a row, where the canvas has its menu (the head has no room beside OUTPUT).
      rows: (node, numbers) => [{ name: 'loss', value: LOSS_TAGS[node.loss], testId: 'kind' }, ...numberRows(numbers.data, numbers.grad)],
      // The formula's letters: s for the score, y for the target.
      portName: (port) => (port === 'score' ? 's' : port === 'target' ? 'y' : port),
    },
  },
  neuron: {
    size: { width: 210, height: 124 },
    minWidth: () => NEURON_ROWS_LEFT + 130,
    // The rows b, data and grad, and the ports with their weights (or their fan): the canvas's neuronCardHeight.
    minHeight: (node) => Math.max(recordHeight(3), neuronCardHeight(node.weights.length)),
    inputPorts: (node) => neuronInputPorts(node.weights.length),
    outputPorts: 'middle',
    face: {
      shape: 'record',
      head: (node) => ({ glyph: 'Σ', chip: node.activation, tag: null, placeholder: 'neuron' }),
      gutter: (node) => inputPorts(node).length > 0,
      rowsLeft: NEURON_ROWS_LEFT,
      rows: (node, numbers) => [{ name: 'b', value: num(node.bias), sign: node.bias, testId: 'bias' }, ...numberRows(numbers.data, numbers.grad)],
      portWeight: (node, i) => node.weights[i],
      portsNamed: (node) => !neuronFans(node.weights.length),
    },
  },
  layer: {
    size: { width: 230, height: 100 },
    minWidth: () => 200,
    minHeight: (node) => netCardHeight(Math.max(node.weights.length, node.weights[0]?.length ?? 0)),
    inputPorts: NET_PORTS,
    outputPorts: NET_PORTS,
    face: {
      shape: 'record',
      head: (node) => ({ glyph: `${node.weights[0]?.length ?? 0}→${node.weights.length}`, chip: node.activation, tag: null, placeholder: 'layer' }),
      gutter: (node) => inputPorts(node).length > 0,
      rows: () => [],
      outputsDownRight: true,
    },
  },
} satisfies SvgCardKinds;

/** The card of a node's kind, typed for nodes of any kind (each entry is typed for its own). */
export function cardKindOf(node: DocNode): SvgCardKind<DocNode> {
  return SVG_CARD_KINDS[node.kind] as unknown as SvgCardKind<DocNode>;
}

/** Where input port i sits, from the card's top. */
export function inputPortY(node: DocNode, i: number): number {
  const layout = cardKindOf(node).inputPorts;
  return portY(typeof layout === 'function' ? layout(node) : layout, i);
}

/** Where output port i sits, from the card's top: in the middle, or down the right edge (a layer's y0, y1, ...). */
export function outputPortY(node: DocNode, i: number, height: number): number {
  const layout = cardKindOf(node).outputPorts;
  return layout === 'middle' ? height / 2 : portY(layout, i);
}

/** Where a card is drawn: its position, its measured (or default) size, never smaller than its content. */
export function boxOf(node: DocNode, measured: SvgSize | undefined): Box {
  const card = cardKindOf(node);
  const w = measured && measured.width > 0 ? measured.width : card.size.width;
  const h = measured && measured.height > 0 ? measured.height : card.size.height;
  return { x: node.position.x, y: node.position.y, width: Math.max(w, card.minWidth(node)), height: Math.max(h, card.minHeight(node)) };
}
