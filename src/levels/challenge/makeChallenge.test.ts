import { describe, expect, it } from 'vitest';
import { abPlusC } from '../../document/presets/abPlusC';
import { lectureL } from '../../document/presets/lectureL';
import { EMPTY_DOC } from '../../document/types';
import { runLevel } from '../runner';
import { challengeLevel } from './challengeLevel';
import { makeChallenge } from './makeChallenge';
import type { ChallengeSpec } from './types';

const base: ChallengeSpec = { title: 'Make L zero', goals: [{ kind: 'output-equals', value: 0, tolerance: 0.001 }], palette: [], hidden: [], budget: null, hints: [] };

function reason(result: ReturnType<typeof makeChallenge>): string {
  if (result.ok) throw new Error('expected the challenge to be refused');
  return result.reason;
}

describe('making a challenge', () => {
  it('refuses a budget of 0, and one below the goal graph’s node count, saying how many it needs', () => {
    const L = lectureL.build(); // 7 nodes
    expect(reason(makeChallenge(L, { ...base, budget: 0 }, 'this-graph'))).toMatch(/budget of 0 nodes is impossible/);
    expect(reason(makeChallenge(L, { ...base, budget: 6, goals: [{ kind: 'output-equals', value: -8, tolerance: 0.001 }], palette: ['value', 'add', 'mul'] }, 'empty'))).toMatch(/budget of 6 nodes is impossible: the goal graph on the canvas has 7 nodes/);
    expect(reason(makeChallenge(L, { ...base, budget: -3 }, 'this-graph'))).toMatch(/impossible/);
    expect(makeChallenge(L, { ...base, budget: 7 }, 'this-graph').ok).toBe(true);
  });

  it('refuses goals that cannot be played: no output, a budget goal without a budget, grads on show, nothing to do', () => {
    const L = lectureL.build();
    expect(reason(makeChallenge(EMPTY_DOC, base, 'this-graph'))).toMatch(/no output that computes/);
    expect(reason(makeChallenge(L, { ...base, goals: [{ kind: 'within-budget' }] }, 'this-graph'))).toMatch(/needs a node budget/);
    expect(reason(makeChallenge(L, { ...base, goals: [{ kind: 'predict-leaf-grads' }] }, 'this-graph'))).toMatch(/Backward hidden/);
    expect(reason(makeChallenge(L, { ...base, goals: [{ kind: 'output-equals', value: -8, tolerance: 0.001 }] }, 'this-graph'))).toMatch(/already meets the goal/);
    expect(reason(makeChallenge(L, { ...base, title: '  ' }, 'this-graph'))).toMatch(/title/);
    expect(reason(makeChallenge(L, { ...base, goals: [] }, 'this-graph'))).toMatch(/at least one goal/);
  });

  it('refuses a build challenge whose target the goal graph itself misses', () => {
    const made = makeChallenge(lectureL.build(), { ...base, goals: [{ kind: 'output-equals', value: 5, tolerance: 0.001 }], palette: ['value', 'add', 'mul'] }, 'empty');
    expect(reason(made)).toMatch(/does not meet the goal itself/);
  });

  it('turns "predict each leaf’s grad" into one prediction per labelled leaf, answered by the engine', () => {
    const made = makeChallenge(abPlusC.build(), { ...base, goals: [{ kind: 'predict-leaf-grads' }], hidden: ['mode-backward'] }, 'this-graph');
    if (!made.ok) throw new Error(made.reason);
    const level = challengeLevel(made.challenge);
    expect(level.predictions.map((p) => p.prompt)).toEqual(['∂d/∂a', '∂d/∂b', '∂d/∂c']);
    const start = made.challenge.start;
    const wrong = runLevel(level, start, { predictions: { 'grad-1': '2', 'grad-2': '2', 'grad-3': '1' }, hintsUsed: 0 });
    expect(wrong.solved).toBe(false);
    const right = runLevel(level, start, { predictions: { 'grad-1': '-3', 'grad-2': '2', 'grad-3': '1' }, hintsUsed: 0 });
    expect(right).toMatchObject({ solved: true, stars: 3 });
  });

  it('a build challenge is solved by building the goal graph within budget, and not by a bigger one', () => {
    const L = lectureL.build();
    const made = makeChallenge(L, { ...base, goals: [{ kind: 'output-equals', value: -8, tolerance: 0.001 }, { kind: 'within-budget' }], palette: ['value', 'add', 'mul'], budget: 7 }, 'empty');
    if (!made.ok) throw new Error(made.reason);
    const level = challengeLevel(made.challenge);
    expect(runLevel(level, EMPTY_DOC, { predictions: {}, hintsUsed: 0 }).solved).toBe(false);
    expect(runLevel(level, L, { predictions: {}, hintsUsed: 0 }).solved).toBe(true);
    const padded = { ...L, nodes: { ...L.nodes, extra: { id: 'extra', kind: 'value' as const, position: { x: 0, y: 0 }, label: 'z', value: 1 } } };
    expect(runLevel(level, padded, { predictions: {}, hintsUsed: 0 }).solved).toBe(false);
  });
});
