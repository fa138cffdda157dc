import { Value } from '../../engine';
import type { PlanStep } from '../codegen/plan';
import type { KindOutputs, PlanContext } from './KindDef';

/** What the leaf kinds (value, constant, input, target) share: a number and no inputs. */

/** A leaf's forward pass: one Value holding its number. */
export function leafOutputs(value: number, label: string): KindOutputs {
  return { outputs: [new Value(value, label)] };
}

/** A leaf's step of a generated program; `note` says what it stands for when more than a number. */
export function leafStep(value: number, note: string | null, ctx: PlanContext): PlanStep {
  ctx.number(value);
  const { id, name, label } = ctx;
  return { kind: 'leaf', id, name, label, value, note, prints: [ctx.out(name, label)] };
}
