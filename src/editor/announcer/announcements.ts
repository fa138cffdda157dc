import { chainRuleText } from '../../document/backward/chainRule';
import { resolveOutput } from '../../document/graph';
import { isLeaf } from '../../document/ports';
import type { GraphDoc } from '../../document/types';
import { evaluationOf } from '../../state/derived';
import type { BackwardRun, GradState } from '../../state/types';
import { formatLecture } from '../formatNumber';
import { nameOf } from '../panels/backward/format';

/**
 * What the screen-reader announcer says, as plain sentences built from the store's state.
 * Pure, so it is tested in Node; the Announcer component only decides when to say them.
 * Numbers as the lecture prints them (formatLecture), names as the panels print them.
 */

/** Leaves named in "Backward done": enough for the lecture's graphs, short enough to listen to. */
const MAX_LEAVES = 6;

/** "d is now 4.0" when an edit changed the output's value between two documents; else null. */
export function outputChange(before: GraphDoc, after: GraphDoc): string | null {
  const out = resolveOutput(after);
  if (!out) return null;
  const now = evaluationOf(after).results.get(out)?.data;
  const was = before.nodes[out] ? evaluationOf(before).results.get(out)?.data : undefined;
  if (now === undefined || Object.is(now, was)) return null;
  return `${nameOf(after, out)} is now ${Number.isNaN(now) ? 'not computable' : formatLecture(now)}`;
}

/** "Backward done: L.grad 1.0; a.grad 6.0, b.grad −4.0, …": the output and the leaves. */
export function backwardDone(doc: GraphDoc, grads: GradState): string {
  const out = resolveOutput(doc);
  const grad = (id: string) => `${nameOf(doc, id)}.grad ${formatLecture(grads.leaves[id] ?? grads.latest[id] ?? 0)}`;
  const leaves = Object.values(doc.nodes)
    .filter((n) => isLeaf(n) && n.kind !== 'constant' && n.id !== out)
    .map((n) => n.id);
  const named = leaves.slice(0, MAX_LEAVES).map(grad);
  if (leaves.length > MAX_LEAVES) named.push(`and ${leaves.length - MAX_LEAVES} more leaves`);
  return `Backward done: ${[out ? grad(out) : null, named.join(', ')].filter(Boolean).join('; ')}`;
}

/**
 * The step a press of Step asked for, read out as the panel shows it ("Step 2 of 7: dL/df =
 * …"): `run` is the pass now, `before` the pass before the press. Null when nothing was
 * stepped: a pass started to play (a sentence per landing would drown the reader; "Backward
 * done" follows), a landing arrived, or the pass was dropped.
 */
export function stepSentence(doc: GraphDoc, run: BackwardRun | null, before: BackwardRun | null): string | null {
  if (!run) return null;
  const { schedule, target } = run;
  const samePass = before?.schedule === schedule;
  if (samePass ? target === before.target : target >= schedule.arrivals.length) return null;
  const index = schedule.steps.findIndex((s) => target - 1 >= s.first && target - 1 < s.first + s.count);
  const step = schedule.steps[index];
  if (!step) return null;
  return `Step ${index + 1} of ${schedule.steps.length}: ${chainRuleText(doc, schedule, step, formatLecture).equation}`;
}
