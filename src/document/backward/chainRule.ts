import { findOp } from '../../engine';
import { unnamedOpNames } from '../codegen/nodeNames';
import type { GraphDoc } from '../types';
import type { BackwardSchedule, BackwardStep } from './schedule';

/**
 * The lecture's manual backprop in words: `dL/da = dL/de * de/da = -2.0 * -3.0 = 6.0`, built
 * from a schedule step with the real numbers and the op's local derivative from the registry.
 */

/** How a formula prints its numbers; the editor passes its own (a true minus sign). */
type NumberText = (x: number) => string;

/** A number as the lecture prints it: -2.0, 6.0, 0.7071; exponent form for the very small. */
export function chainNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x)) return x.toFixed(1);
  if (Math.abs(x) < 1e-4) return x.toExponential(3);
  return String(Number(x.toFixed(4)));
}

/**
 * The name a node goes by in formulas: its label; an unlabelled op's variable in the exported
 * code (n1, as its card shows); else its op and rank ("tanh#3").
 */
export function nodeName(doc: GraphDoc, schedule: BackwardSchedule, id: string, num: NumberText = chainNumber): string {
  const node = doc.nodes[id];
  if (node && 'label' in node && node.label) return node.label;
  if (node?.kind === 'constant') return num(node.value);
  const coded = node?.kind === 'op' ? unnamedOpNames(doc).get(id) : undefined;
  if (coded) return coded;
  const op = node?.kind === 'op' ? (findOp(node.op)?.symbol ?? node.op) : 'node';
  return `${op}#${schedule.rank.get(id) ?? '?'}`;
}

/** The text of one step, ready for the panel. */
interface ChainRuleText {
  /** "dL/da = dL/de * de/da = -2.0 * -3.0 = 6.0" (or the base case "dL/dL = 1.0"). */
  equation: string;
  /** One line per use with the op's local derivative: "de/da = b = -3.0". */
  locals: string[];
  /** Said when the node kept a grad from an earlier pass that was not zeroed. */
  carried: string | null;
}

/**
 * The chain rule of a step: how the node's grad is made from the grads of the nodes that use
 * it, its numbers printed by `num`.
 */
export function chainRuleText(doc: GraphDoc, schedule: BackwardSchedule, step: BackwardStep, num: NumberText = chainNumber): ChainRuleText {
  const name = (id: string) => nodeName(doc, schedule, id, num);
  const out = name(schedule.output);
  const me = name(step.node);
  const d = (top: string, bottom: string) => `d${top}/d${bottom}`;
  const arrivals = schedule.arrivals.slice(step.first, step.first + step.count);
  if (step.node === schedule.output) {
    return { equation: `${d(out, out)} = 1.0`, locals: ['The output’s gradient with respect to itself is 1: the base case.'], carried: null };
  }
  if (arrivals.length === 0) {
    return { equation: `${d(out, me)} = 0.0`, locals: ['Nothing downstream uses this node.'], carried: null };
  }
  const carriedValue = arrivals[0]!.before;
  const symbolic = arrivals.map((a) => `${d(out, name(a.from!))} * ${d(name(a.from!), me)}`);
  const numeric = arrivals.map((a) => `${num(a.upstream)} * ${num(a.local)}`);
  const carriedTerm = carriedValue !== 0 ? [`${num(carriedValue)}`] : [];
  const equation = [
    d(out, me),
    [...(carriedValue !== 0 ? ['(kept grad)'] : []), ...symbolic].join(' + '),
    [...carriedTerm, ...numeric].join(' + '),
    num(step.grad),
  ].join(' = ');
  const locals = arrivals.map((a) => {
    const user = doc.nodes[a.from!];
    const userName = name(a.from!);
    const op = user?.kind === 'op' ? findOp(user.op) : undefined;
    if (!op || user?.kind !== 'op') return `${d(userName, me)} = ${num(a.local)}`;
    const index = op.inputs.indexOf(a.port!) as 0 | 1;
    const names = op.inputs.map((port) => {
      const source = schedule.arrivals.find((x) => x.from === a.from && x.port === port)?.node;
      return source ? name(source) : port;
    });
    const formula = op.localText(index, names, user.param ?? 0);
    // A constant local derivative (add's 1) needs no formula before its value.
    if (/^-?\d+(\.\d+)?$/.test(formula)) return `${d(userName, me)} = ${num(a.local)}`;
    return `${d(userName, me)} = ${formula} = ${num(a.local)}`;
  });
  const carried =
    carriedValue !== 0
      ? `${me} still held ${num(carriedValue)} from an earlier pass: backward adds (+=) into .grad, so without zero_grad the old gradient is counted again.`
      : null;
  return { equation, locals, carried };
}
