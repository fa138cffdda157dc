import { useEffect } from 'react';
import { backwardSchedule, type BackwardSchedule } from '../../document/backward/schedule';
import type { LevelDef, LevelRun } from '../../levels';
import { idLabelled } from '../../levels/graphFacts';
import { evaluationOf } from '../../state/derived';
import type { BackwardRun } from '../../state/types';
import { usePlayground, usePlaygroundStore } from '../store/StoreContext';

/**
 * Manual backprop as a paused pass: in a level that asks grads one at a time, Backward lands
 * node by node and waits at each asked node until the player's guess is right; then that
 * node's pulse runs and the pass moves on to the next one. The pass is the store's own stepped
 * backward, so the pulses are the ones the Backward mode draws.
 */
export function OrderedPulse({ level, run }: { level: LevelDef; run: LevelRun }) {
  const store = usePlaygroundStore();
  const doc = usePlayground((s) => s.doc);
  const backwardRun = usePlayground((s) => s.backwardRun);
  const schedule = backwardSchedule(doc, evaluationOf(doc));
  const waitingAt = nextAsked(level, run);
  const wanted = schedule ? stepsToLand(schedule, doc, waitingAt) : 0;
  useEffect(() => {
    if (!schedule) return;
    const state = store.getState();
    // An answer taken back (or a restart): start the pass again from zeroed grads.
    if (queuedSteps(state.backwardRun) > wanted) state.zeroGrad();
    for (let guard = 0; guard <= schedule.steps.length && queuedSteps(store.getState().backwardRun) < wanted; guard++) store.getState().stepBackward();
  }, [schedule, store, wanted]);
  if (!schedule) return null;
  const landed = Math.min(queuedSteps(backwardRun), schedule.steps.length);
  return (
    <p className="goal-strip__pulse" data-testid="pulse-status" role="status">
      {waitingAt === null ? `Backward done: all ${schedule.steps.length} nodes have their grad.` : `Backward waits at ${waitingAt} for your guess (${landed} of ${schedule.steps.length} nodes landed).`}
    </p>
  );
}

/** The label of the first asked node whose guess is not right yet, or null when all are. */
function nextAsked(level: LevelDef, run: LevelRun): string | null {
  const open = level.predictions.find((p) => p.node !== undefined && !run.checks.find((c) => c.id === p.id)?.passed);
  return open?.node ?? null;
}

/** How many steps of the pass land before it waits at `label` (all of them when nothing is asked). */
function stepsToLand(schedule: BackwardSchedule, doc: Parameters<typeof idLabelled>[0], label: string | null): number {
  if (label === null) return schedule.steps.length;
  const id = idLabelled(doc, label);
  const at = schedule.steps.findIndex((s) => s.node === id);
  return at < 0 ? 0 : at;
}

/** Steps whose contributions have landed or are landing now. */
function queuedSteps(run: BackwardRun | null): number {
  if (!run) return 0;
  if (run.committed) return run.schedule.steps.length;
  return run.schedule.steps.filter((s) => s.first + s.count <= run.target).length;
}
