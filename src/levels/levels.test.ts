import { describe, expect, it } from 'vitest';
import { DocBuilder } from '../document/presets/DocBuilder';
import { lectureL } from '../document/presets/lectureL';
import { validateDoc } from '../document/validate';
import { LEVELS, findLevel, isUnlocked, levelNumber, nextLevel } from './registry';
import { runLevel } from './runner';
import { SOLUTIONS } from './solutions';
import { CHAPTERS, validateLevel } from './types';

const NO_INPUT = { predictions: {}, hintsUsed: 0 };

describe('every level file', () => {
  it('has a solution written for it, and ids are unique', () => {
    expect(LEVELS.map((l) => l.id).sort()).toEqual(Object.keys(SOLUTIONS).sort());
    expect(new Set(LEVELS.map((l) => l.id)).size).toBe(LEVELS.length);
  });

  it('follows the chapters in the lecture’s order', () => {
    const order = LEVELS.map((l) => CHAPTERS.findIndex((c) => c.id === l.chapter));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  for (const level of LEVELS) {
    describe(level.id, () => {
      it('passes the schema and starts from a valid document', () => {
        expect(validateLevel(level)).toEqual({ ok: true, level });
        expect(validateDoc(level.start())).toEqual([]);
      });

      it('is not already solved at the start', () => {
        const run = runLevel(level, level.start(), NO_INPUT);
        expect(run.solved).toBe(false);
        expect(run.stars).toBe(0);
      });

      it('is solved with 3 stars by a known solution', () => {
        const { doc, predictions, choices } = SOLUTIONS[level.id]!();
        const run = runLevel(level, doc, { predictions, choices, hintsUsed: 0 });
        expect(run.checks.filter((c) => !c.passed)).toEqual([]);
        expect(run.solved).toBe(true);
        expect(run.stars).toBe(3);
      });

      it('is not solved when a typed prediction is off', () => {
        if (level.predictions.length === 0) {
          // A graph-only level: its starting graph fails at least one check.
          expect(runLevel(level, level.start(), NO_INPUT).checks.some((c) => !c.passed)).toBe(true);
          return;
        }
        const { doc, predictions, choices } = SOLUTIONS[level.id]!();
        const first = level.predictions[0]!.id;
        const wrong = { ...predictions, [first]: String(Number(predictions[first]!.replace('−', '-')) + 1) };
        const run = runLevel(level, doc, { predictions: wrong, choices, hintsUsed: 0 });
        expect(run.solved).toBe(false);
        expect(run.checks.find((c) => c.id === first)?.passed).toBe(false);
      });
    });
  }
});

describe('the level checks', () => {
  it('build-it-yourself: a graph over budget earns 2 stars, a wrong shape none', () => {
    const level = findLevel('build-it-yourself')!;
    const g = new DocBuilder();
    const a = g.value(2, 'a');
    const b = g.value(-3, 'b');
    const c = g.value(10, 'c');
    const f = g.value(-2, 'f');
    const L = g.op('mul', [g.op('add', [g.op('mul', [a, b]), c]), f]);
    const padded = g.output(g.op('add', [L, 0])).build();
    const run = runLevel(level, padded, NO_INPUT);
    expect(run).toMatchObject({ solved: true, nodes: 9, withinBudget: false, stars: 2 });
    // a·(b + c)·f is a different expression, whatever its value.
    const h = new DocBuilder();
    const wrong = h.op('mul', [h.op('mul', [h.value(2, 'a'), h.op('add', [h.value(-3, 'b'), h.value(10, 'c')])]), h.value(-2, 'f')]);
    expect(runLevel(level, h.output(wrong).build(), NO_INPUT).checks.find((x) => x.id === 'is-l')?.passed).toBe(false);
  });

  it('manual-backprop: a wrong guess shows the chain rule with the engine’s numbers', () => {
    const level = findLevel('manual-backprop')!;
    const run = runLevel(level, level.start(), { predictions: { 'grad-a': '-6' }, hintsUsed: 0 });
    const a = run.checks.find((c) => c.id === 'grad-a')!;
    expect(a.passed).toBe(false);
    expect(a.explanation).toMatch(/dL\/da = dL\/de \* de\/da = −2\.0 \* −3\.0 = 6\.0/);
    expect(run.checks.find((c) => c.id === 'grad-b')?.explanation).toBeUndefined();
  });

  it('one-optimisation-step: moving a leaf by hand past the goal counts, rewiring does not', () => {
    const level = findLevel('one-optimisation-step')!;
    const rewired = lectureL.build();
    const someWire = Object.keys(rewired.wires)[0]!;
    const { [someWire]: _gone, ...wires } = rewired.wires;
    expect(runLevel(level, { ...rewired, wires }, NO_INPUT).solved).toBe(false);
  });

  it('a hint used costs the third star', () => {
    const level = findLevel('three-inputs')!;
    const { doc, predictions } = SOLUTIONS['three-inputs']!();
    expect(runLevel(level, doc, { predictions, hintsUsed: 1 }).stars).toBe(2);
  });
});

describe('the registry', () => {
  it('numbers levels in order and names the next one', () => {
    expect(levelNumber(LEVELS[0]!.id)).toBe(1);
    expect(nextLevel(LEVELS[0]!.id)).toBe(LEVELS[1]);
    expect(nextLevel(LEVELS.at(-1)!.id)).toBeNull();
    expect(findLevel('no-such-level')).toBeUndefined();
  });

  it('locks a level until the one before is solved, unless all are unlocked', () => {
    const [first, second, third] = LEVELS;
    const solved = (id: string) => id === first!.id;
    expect(isUnlocked(first!.id, () => false, false)).toBe(true);
    expect(isUnlocked(second!.id, () => false, false)).toBe(false);
    expect(isUnlocked(second!.id, solved, false)).toBe(true);
    expect(isUnlocked(third!.id, solved, false)).toBe(false);
    expect(isUnlocked(third!.id, () => false, true)).toBe(true);
    expect(isUnlocked('no-such-level', () => true, true)).toBe(false);
  });

  it('refuses a malformed level with the reason', () => {
    expect(validateLevel({ ...LEVELS[0]!, id: 'Bad Id' })).toMatchObject({ ok: false, reason: expect.stringContaining('id') });
    expect(validateLevel({ ...LEVELS[0]!, hidden: ['the-moon'] })).toMatchObject({ ok: false, reason: expect.stringContaining('hidden') });
    expect(validateLevel({ ...LEVELS[0]!, predictions: [], checks: [] })).toMatchObject({ ok: false, reason: expect.stringContaining('at least one') });
  });
});
