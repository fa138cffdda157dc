import { inputPorts, OUT, outputPorts } from '../../document/ports';
import type { GraphDoc } from '../../document/types';
import { strokeWidthFor } from '../edges/wireWidth';
import { signOf } from '../formatNumber';
import { drawNode } from './svgCards';
import { type Box, HANDLE_RADIUS, type SvgSize } from './svgCardGeometry';
import { boxOf, inputPortY, outputPortY } from './svgCardKinds';
import { esc, n } from './svgText';

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

/** React Flow's bezier control offset, so exported wires bend like the canvas's. */
function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
}

/** The data an output carries, for the colour of the wires leaving it. */
function outputData(numbers: SvgNodeNumbers, port: string, index: number): number {
  const listed = numbers.outputs?.find((o) => o.port === port);
  if (listed) return listed.data;
  return index === 0 ? numbers.data : NaN;
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
