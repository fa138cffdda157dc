/**
 * Where things sit on an exported card: the cards' default and minimum sizes, the rows' and
 * ports' positions (after the canvas's own layout), and the box a card is drawn in. Kept apart
 * from the drawing so the sizes a card may take can be read, and tested, on their own.
 */
import { inputPorts } from '../../document/ports';
import type { DocNode } from '../../document/types';
import { findOp } from '../../engine';
import { NET_PORTS, OP_PORTS, portY } from '../nodes/portLayout';
import { MONO_ADVANCE, num, textWidth } from './svgText';

/** A card's size in flow pixels. */
export interface SvgSize {
  width: number;
  height: number;
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

export const ROW_TOP = 44;
export const ROW_HEIGHT = 24;
export const HANDLE_RADIUS = 4.5;
/** Room the constant chip's CONST tag takes (9.5px, tracked capitals). */
const CONST_TAG_WIDTH = 38;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a card is drawn: its position, its measured (or default) size, never smaller than its content. */
export function boxOf(node: DocNode, measured: SvgSize | undefined): Box {
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
export const NEURON_ROWS_LEFT = 62;
