import { chainNumber, chainRuleText, nodeName } from '../document/backward/chainRule';
import { backwardSchedule, type BackwardSchedule, type BackwardStep } from '../document/backward/schedule';
import type { GraphDoc } from '../document/types';
import { parsePrediction } from '../levels/runner';
import { addVerdict, NO_SCORE, scoreGuess, type PredictScore, type Verdict } from '../levels/predict/scoreGuess';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { evaluationOf } from './derived';
import type { PlaygroundStore } from './store';

/**
 * Predict-the-gradient in the sandbox, on any graph: with Predict on, Backward goes node by node
 * and waits for the learner's guess of each node's grad before that node's contributions land.
 * A guess is scored, the chain rule is shown with the real numbers, and a running score is kept
 * per graph. The pass itself is the store's own stepped backward pass, so the pulses, badges and
 * chain-rule panel the learner already knows all follow along.
 */

/** The node whose grad is asked now. */
export interface PredictQuestion {
  /** Its place in the backward order, from 0, and how many steps the pass has. */
  index: number;
  steps: number;
  /** How the node is named in the chain rule (its label, or an op and its inputs). */
  name: string;
  /** True when answering starts a new pass (the grads are zeroed first, so the answer is one pass's). */
  newPass: boolean;
}

/** The last guess, scored, with the arithmetic that gives the real number. */
export interface PredictFeedback {
  name: string;
  guess: string;
  answer: number;
  verdict: Verdict;
  equation: string;
  locals: string[];
  /** True when that guess was the pass's last node. */
  passDone: boolean;
}

/** The predict mode's state. */
export interface PredictState {
  on: boolean;
  /** Running scores by graph (see {@link graphKey}). */
  scores: Readonly<Record<string, PredictScore>>;
  feedback: PredictFeedback | null;
  setOn(on: boolean): void;
  /** Scores a guess for the current question and lands that node's step; false when nothing is asked. */
  guess(text: string): boolean;
}

/** The predict mode of one tab. */
export type PredictGrads = StoreApi<PredictState>;

/**
 * Which graph a score belongs to: its nodes and wires by id. Editing a value keeps the graph (the
 * learner is exploring it); opening another graph, even the same example again, starts afresh.
 */
export function graphKey(doc: GraphDoc): string {
  return `${Object.keys(doc.nodes).sort().join(',')}|${Object.keys(doc.wires).sort().join(',')}`;
}

/** The pass a guess belongs to: the one being stepped, else a fresh one from zeroed grads. */
function currentPass(store: PlaygroundStore): { schedule: BackwardSchedule; done: number; newPass: boolean } | null {
  const { backwardRun: run, doc } = store.getState();
  if (run && !run.committed && run.target < run.schedule.arrivals.length) {
    // Steps whose contributions are landing or landed are answered; the next one is asked.
    const done = run.schedule.steps.filter((s) => s.first + s.count <= run.target).length;
    return { schedule: run.schedule, done, newPass: false };
  }
  const schedule = backwardSchedule(doc, evaluationOf(doc));
  return schedule ? { schedule, done: 0, newPass: true } : null;
}

/** The question the learner is asked now, or null (no output to backpropagate from). */
export function currentQuestion(store: PlaygroundStore): PredictQuestion | null {
  const pass = currentPass(store);
  const step: BackwardStep | undefined = pass?.schedule.steps[pass.done];
  if (!pass || !step) return null;
  return { index: pass.done, steps: pass.schedule.steps.length, name: nodeName(store.getState().doc, pass.schedule, step.node), newPass: pass.newPass };
}

/**
 * Starts predict mode for a tab's playground store. `num` prints the numbers of the feedback's
 * chain rule; the editor passes its own formatter (true minus sign), as the Backward panel does.
 */
export function createPredictGrads(store: PlaygroundStore, num: (x: number) => string = chainNumber): PredictGrads {
  return createStore<PredictState>()((set, get) => ({
    on: false,
    scores: {},
    feedback: null,
    setOn: (on) => set({ on, feedback: null }),
    guess(text) {
      const pass = currentPass(store);
      const step = pass?.schedule.steps[pass.done];
      if (!pass || !step) return false;
      if (pass.newPass) store.getState().zeroGrad();
      const doc = store.getState().doc;
      const verdict = scoreGuess(parsePrediction(text), step.grad);
      const rule = chainRuleText(doc, pass.schedule, step, num);
      const key = graphKey(doc);
      set({
        scores: { ...get().scores, [key]: addVerdict(get().scores[key] ?? NO_SCORE, verdict) },
        feedback: { name: nodeName(doc, pass.schedule, step.node, num), guess: text.trim(), answer: step.grad, verdict, equation: rule.equation, locals: rule.locals, passDone: pass.done + 1 === pass.schedule.steps.length },
      });
      // Lands this node's contributions: its pulse runs after the guess, never before.
      store.getState().stepBackward();
      return true;
    },
  }));
}
