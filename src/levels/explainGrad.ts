import { chainNumber, chainRuleText } from '../document/backward/chainRule';
import { backwardSchedule } from '../document/backward/schedule';
import { idLabelled } from './graphFacts';
import type { Evaluated } from './types';

/**
 * The chain rule for the node labelled `label`, with the engine's numbers, as the Backward
 * panel writes it: "dL/da = dL/de * de/da = −2.0 * −3.0 = 6.0", then each local derivative.
 * Shown after a wrong guess, so the player sees where the right number comes from. With the true
 * minus sign, as the cards and the Backward panel print it.
 */
export function chainRuleFor(e: Evaluated, label: string): string {
  const id = idLabelled(e.doc, label);
  const schedule = backwardSchedule(e.doc, e.evaluation);
  const step = id === null ? undefined : schedule?.stepOf.get(id);
  if (!schedule || !step) return `No backward pass reaches ${label}.`;
  const text = chainRuleText(e.doc, schedule, step, trueMinus);
  return [text.equation, ...text.locals].join('; ');
}

function trueMinus(x: number): string {
  return chainNumber(x).replace(/-/g, '\u2212');
}
