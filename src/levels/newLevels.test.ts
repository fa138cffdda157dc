import { describe, expect, it } from 'vitest';
import { insertMlp } from '../document/network/insertMlp';
import { gradientCheck } from '../document/backward';
import { tinyMlp } from '../document/presets/tinyMlp';
import { fullLoss } from './fullLoss';
import { evaluated, idLabelled } from './graphFacts';
import { backwardSchedule } from '../document/backward/schedule';
import { LEVELS, findLevel, levelNumber } from './registry';
import { runLevel } from './runner';
import { SOLUTIONS } from './solutions';
import { loopBody, lossesOfLoop } from './trainingLoop';

/** The issue's list, in its order: the map's numbers must be these. */
const ISSUE_ORDER = [
  'slope-by-nudging',
  'three-inputs',
  'build-it-yourself',
  'manual-backprop',
  'one-optimisation-step',
  'plus-passes-the-gradient',
  'a-neuron',
  'node-used-twice',
  'tanh-from-exp',
  'forgot-zero-grad',
  'count-parameters',
  'train-the-tiny-mlp',
  'moons-with-a-budget',
  'boss-hidden-bug',
];

function check(run: ReturnType<typeof runLevel>, id: string) {
  return run.checks.find((c) => c.id === id)!;
}

describe('the map’s numbers', () => {
  it('follow the issue’s list 1 to 14, and each file is named by its number', () => {
    expect(LEVELS.map((l) => l.id)).toEqual(ISSUE_ORDER);
    expect(levelNumber('forgot-zero-grad')).toBe(10);
    expect(levelNumber('count-parameters')).toBe(11);
    expect(levelNumber('boss-hidden-bug')).toBe(14);
    const files = Object.keys(import.meta.glob('./defs/*.ts'));
    for (const [i, id] of ISSUE_ORDER.entries()) expect(files).toContain(`./defs/${String(i + 1).padStart(2, '0')}-${id}.ts`);
  });
});

describe('level 8: the accumulate rule', () => {
  const level = findLevel('node-used-twice')!;
  const solution = SOLUTIONS['node-used-twice']!();

  it('starts with micrograd’s buggy backward: a.grad = 1', () => {
    const run = runLevel(level, level.start(), { predictions: {}, hintsUsed: 0 });
    expect(run.readouts[0]).toMatchObject({ text: '1' });
    expect(check(run, 'a-grad-2').passed).toBe(false);
    expect(check(run, 'a-grad-2').explanation).toBeUndefined();
  });

  it('refuses grad = … with the reason, on b = a + a and on c = b + b', () => {
    const start = runLevel(level, level.start(), { predictions: {}, choices: { rule: 'assign' }, hintsUsed: 0 });
    expect(check(start, 'a-grad-2').explanation).toMatch(/writes over/);
    const built = runLevel(level, solution.doc, { predictions: {}, choices: { rule: 'assign' }, hintsUsed: 0 });
    expect(built.solved).toBe(false);
    expect(check(built, 'a-grad-4').passed).toBe(false);
    expect(built.readouts[0]).toMatchObject({ text: '1' });
  });

  it('with grad += …, b = a + a gives 2 at once; c = b + b needs a = 1 too', () => {
    const start = runLevel(level, level.start(), { predictions: {}, choices: { rule: 'accumulate' }, hintsUsed: 0 });
    expect(check(start, 'a-grad-2').passed).toBe(true);
    expect(start.readouts[0]).toMatchObject({ text: '2' });
    const a = idLabelled(solution.doc, 'a')!;
    const node = solution.doc.nodes[a]!;
    const aIs3 = { ...solution.doc, nodes: { ...solution.doc.nodes, [a]: { ...node, value: 3 } } };
    const run = runLevel(level, aIs3, { predictions: {}, choices: { rule: 'accumulate' }, hintsUsed: 0 });
    expect(check(run, 'a-grad-4').passed).toBe(true);
    expect(check(run, 'a-is-1').passed).toBe(false);
  });
});

describe('level 10: forgot to zero grad', () => {
  const level = findLevel('forgot-zero-grad')!;
  const doc = level.start();

  it('runs the real network: its first loss is the one Train measures for the drawing', () => {
    expect(lossesOfLoop(doc, '1', 0.2, 1)[0]).toBeCloseTo(fullLoss(tinyMlp.build()), 10);
    expect(loopBody('1')).toEqual(['forward', 'zero_grad', 'backward', 'update']);
    expect(loopBody('none')).toEqual(['forward', 'backward', 'update']);
  });

  it('without zero_grad the grads pile up: same first two losses, then it jumps and sticks at the worst', () => {
    const fresh = lossesOfLoop(doc, '1', 0.2, 20);
    const piled = lossesOfLoop(doc, 'none', 0.2, 20);
    // The first update uses one step's gradient either way; from the second on, the old ones add in.
    expect(piled.slice(0, 2)).toEqual(fresh.slice(0, 2));
    expect(piled[2]).not.toBeCloseTo(fresh[2]!, 3);
    expect(piled.some((l, i) => i > 0 && l > piled[i - 1]!)).toBe(true);
    expect(piled.at(-1)!).toBeGreaterThan(7.9);
    expect(fresh.at(-1)!).toBeLessThan(0.01);
  });

  it('refuses a missing zero_grad and one between backward and the update, with the reason', () => {
    const none = runLevel(level, doc, { predictions: {}, choices: { 'zero-grad': 'none' }, hintsUsed: 0 });
    expect(none.solved).toBe(false);
    expect(check(none, 'loss-below').explanation).toMatch(/adds this step’s gradient/);
    const late = runLevel(level, doc, { predictions: {}, choices: { 'zero-grad': '2' }, hintsUsed: 0 });
    expect(late.solved).toBe(false);
    expect(check(late, 'loss-below').explanation).toMatch(/moves nothing/);
    const flat = late.readouts[0]!.series!;
    expect(new Set(flat).size).toBe(1);
  });

  it('accepts zero_grad anywhere before backward, or after the update', () => {
    for (const place of ['0', '1', '3']) expect(runLevel(level, doc, { predictions: {}, choices: { 'zero-grad': place }, hintsUsed: 0 }).solved).toBe(true);
  });
});

describe('level 13: moons with a budget', () => {
  const level = findLevel('moons-with-a-budget')!;

  it('refuses a network over the cap, even when it would reach the accuracy', () => {
    const { doc } = insertMlp(level.start(), { nin: 2, sizes: [16, 16, 1], activation: 'tanh', seed: 1337, style: 'neurons', loss: 'hinge', at: { x: 0, y: 0 } });
    const run = runLevel(level, doc, { predictions: {}, hintsUsed: 0 });
    expect(check(run, 'neurons').passed).toBe(false);
    expect(run.nodes).toBe(33);
  });

  it('refuses an untrained small network: the accuracy is read from its weights', () => {
    const { doc } = insertMlp(level.start(), { nin: 2, sizes: [4, 4, 1], activation: 'tanh', seed: 1337, style: 'neurons', loss: 'hinge', at: { x: 0, y: 0 } });
    const run = runLevel(level, doc, { predictions: {}, hintsUsed: 0 });
    expect(check(run, 'neurons').passed).toBe(true);
    expect(check(run, 'accuracy').passed).toBe(false);
  });

  it('counts neurons for the budget star: 9 earns it, 17 solves without it', () => {
    const solved = runLevel(level, SOLUTIONS['moons-with-a-budget']!().doc, { predictions: {}, hintsUsed: 0 });
    expect(solved).toMatchObject({ nodes: 9, withinBudget: true });
    const { doc } = insertMlp(level.start(), { nin: 2, sizes: [8, 8, 1], activation: 'tanh', seed: 1337, style: 'layers', loss: 'hinge', at: { x: 0, y: 0 } });
    expect(runLevel(level, doc, { predictions: {}, hintsUsed: 0 })).toMatchObject({ nodes: 17, withinBudget: false });
  });
});

describe('level 14: the boss’s hidden bug', () => {
  const level = findLevel('boss-hidden-bug')!;
  const doc = level.start();

  it('backprop disagrees with the gradient check (the bug is real), on every leaf but w2', () => {
    const rows = gradientCheck(doc, 1e-3);
    const label = (id: string) => (doc.nodes[id] as { label: string }).label;
    expect(rows.filter((r) => !r.agrees).map((r) => label(r.id)).sort()).toEqual(['b', 'w1', 'x1', 'x2']);
  });

  it('refuses every other node, with the reason', () => {
    for (const node of Object.values(doc.nodes)) {
      if ('label' in node && node.label === 'o') continue;
      const run = runLevel(level, doc, { predictions: {}, choices: { 'faulty-node': node.id }, hintsUsed: 0 });
      expect(run.solved).toBe(false);
      expect(check(run, 'found').explanation).toMatch(/^Not /);
    }
  });
});

describe('levels the player builds onto', () => {
  it('mark no output in their start, so the node the player wires last becomes the output', () => {
    // A pinned output (b in level 8, n in level 9) stayed the output after the player added
    // c = b + b or the ÷, and the checks read grads from the wrong end.
    const extended = LEVELS.filter((l) => l.palette.length > 0 && Object.keys(l.start().nodes).length > 0);
    expect(extended.map((l) => l.id)).toEqual(['a-neuron', 'node-used-twice', 'tanh-from-exp']);
    for (const level of extended) expect(level.start().output, level.id).toBeNull();
  });
});

describe('level 12: the learning-rate budget', () => {
  const level = findLevel('train-the-tiny-mlp')!;
  const trained = SOLUTIONS['train-the-tiny-mlp']!().doc;
  const withRate = (lr: number) => ({ ...trained, training: { ...trained.training!, lr } });

  it('gives the budget star for a rate up to 0.1, and only the solve above it', () => {
    const within = runLevel(level, withRate(0.1), { predictions: {}, hintsUsed: 0 });
    expect(within).toMatchObject({ solved: true, nodes: 0.1, withinBudget: true, stars: 3 });
    const over = runLevel(level, withRate(0.3), { predictions: {}, hintsUsed: 0 });
    expect(over).toMatchObject({ solved: true, nodes: 0.3, withinBudget: false, stars: 2 });
  });

  it('counts the highest rate of the run: lowering the slider before Pause keeps the star away', () => {
    const lowered = runLevel(level, withRate(0.1), { predictions: {}, hintsUsed: 0, highestRate: 0.3 });
    expect(lowered).toMatchObject({ solved: true, nodes: 0.3, withinBudget: false, stars: 2 });
    const neverOver = runLevel(level, withRate(0.1), { predictions: {}, hintsUsed: 0, highestRate: 0.05 });
    expect(neverOver).toMatchObject({ nodes: 0.1, withinBudget: true, stars: 3 });
  });

  it('does not solve an untrained network whatever the rate', () => {
    expect(runLevel(level, { ...level.start(), training: { ...level.start().training!, lr: 0.1 } }, { predictions: {}, hintsUsed: 0 }).solved).toBe(false);
  });
});

describe('levels that ask grads one at a time', () => {
  it('ask them in the engine’s backward order, so the pass can wait at each asked node', () => {
    const ordered = LEVELS.filter((l) => l.predictInOrder);
    expect(ordered.map((l) => l.id)).toEqual(['manual-backprop', 'plus-passes-the-gradient']);
    for (const level of ordered) {
      const start = evaluated(level.start());
      const schedule = backwardSchedule(start.doc, start.evaluation)!;
      const places = level.predictions.map((p) => schedule.steps.findIndex((s) => s.node === idLabelled(start.doc, p.node!)));
      expect(places.every((at) => at >= 0), level.id).toBe(true);
      expect(places, level.id).toEqual([...places].sort((x, y) => x - y));
    }
  });
});
