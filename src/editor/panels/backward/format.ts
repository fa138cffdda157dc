import { chainNumber } from '../../../document/backward';
import type { GraphDoc } from '../../../document/types';
import { findOp } from '../../../engine';

/**
 * How the Backward side panel's tools print numbers and name nodes. Pure, so it is tested in
 * Node; the components only lay the strings out.
 */

/** The true minus sign: as wide as a digit in tabular figures, so signed columns line up. */
export const MINUS = '\u2212';

function signed(negative: boolean, text: string): string {
  return negative ? `${MINUS}${text}` : text;
}

function nonFinite(x: number): string {
  return Number.isNaN(x) ? 'NaN' : x > 0 ? '∞' : `${MINUS}∞`;
}

/**
 * About `digits` significant digits, for the gradient check's columns: 14 → "14.0000",
 * −0.0415660 → "−0.0415660", and exponent form outside [1e-3, 1e6). Digits are kept (not
 * trimmed) so autograd and its estimates line up digit for digit.
 */
export function sig(x: number, digits = 6): string {
  if (!Number.isFinite(x)) return nonFinite(x);
  if (x === 0) return '0';
  const abs = Math.abs(x);
  const text = abs >= 1e6 || abs < 1e-3 ? abs.toExponential(digits - 1) : abs.toPrecision(digits);
  return signed(x < 0, text);
}

/**
 * A fixed number of decimals, micrograd's `draw_dot` style ("14.0000"), with exponent form for
 * tiny non-zero values that would otherwise print as zero.
 */
export function fixed(x: number, decimals = 4): string {
  if (!Number.isFinite(x)) return nonFinite(x);
  const abs = Math.abs(x);
  if (abs !== 0 && abs < 10 ** -decimals) return signed(x < 0, abs.toExponential(3));
  const text = abs.toFixed(decimals);
  return signed(x < 0 && Number(text) !== 0, text);
}

/**
 * A number as the lecture prints it after a step: integers with one decimal ("-8.0"), others
 * with up to six decimals, trailing zeros trimmed ("-7.286496"). ASCII minus, like the chain
 * rule text, so the line reads as Python output.
 */
export function stepNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x)) return x.toFixed(1);
  if (Math.abs(x) < 1e-6) return x.toExponential(3);
  const trimmed = Number(x.toFixed(6));
  return Number.isInteger(trimmed) ? trimmed.toFixed(1) : String(trimmed);
}

/** The full-precision text for a title tooltip: the shortest digits that read back exactly. */
export function exact(x: number): string {
  return String(x);
}

/**
 * The name a node goes by in these panels: its label; a constant's value ("3.0"); else its op's
 * symbol; its kind ("value") when unnamed; "output" for a missing node.
 */
export function nameOf(doc: GraphDoc, id: string): string {
  const node = doc.nodes[id];
  if (!node) return 'output';
  if (node.kind === 'constant') return chainNumber(node.value);
  if (node.label) return node.label;
  if (node.kind === 'op') return findOp(node.op)?.symbol ?? node.op;
  return node.kind;
}

/** The gradient check's summary line: "All 4 leaves agree", "2 of 4 differ", "1 of 4 differs". */
export function gradcheckSummary(total: number, differing: number): string {
  if (total === 0) return 'No leaves to check';
  if (differing === 0) return total === 1 ? 'The 1 leaf agrees' : `All ${total} leaves agree`;
  if (total === 1) return 'The 1 leaf differs';
  return `${differing} of ${total} ${differing === 1 ? 'differs' : 'differ'}`;
}

/** How far an estimate is from autograd, relative as gradcheck measures it (floor 1). */
export function relativeError(autograd: number, estimate: number): number {
  return Math.abs(autograd - estimate) / Math.max(1, Math.abs(autograd), Math.abs(estimate));
}
