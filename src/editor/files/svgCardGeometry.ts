/**
 * The measures every exported card shares, after the canvas's own layout: where the head ends
 * and the rows start, how tall a row is, where op and network ports sit. Each kind's sizes and
 * port layout are in svgCardKinds.ts; these are the numbers they are built from.
 */
import { OP_PORTS } from '../nodes/portLayout';

/** A card's size in flow pixels. */
export interface SvgSize {
  width: number;
  height: number;
}

/** Where a card is drawn, in flow pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where input port 0 sits on an op (and loss) card, from its top: the canvas's OP_PORTS. */
export const PORTS_TOP = OP_PORTS.top;
/** The distance between an op card's input ports. */
export const PORT_PITCH = OP_PORTS.pitch;

/** Where the first row starts, below the head and its rule. */
export const ROW_TOP = 44;
/** The height of one `name  number` row. */
export const ROW_HEIGHT = 24;
/** The handles' circles, as the canvas draws them. */
export const HANDLE_RADIUS = 4.5;

/** Where a neuron card's rows start: right of the ports and their weights. */
export const NEURON_ROWS_LEFT = 62;

/** The height of a record card with this many rows under its head. */
export function recordHeight(rows: number): number {
  return ROW_TOP + rows * ROW_HEIGHT + 6;
}

/** The canvas's height for a neuron or layer card with n ports down one side (one rule: portLayout's). */
export { netCardHeight } from '../nodes/portLayout';
