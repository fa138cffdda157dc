import { describe, expect, it } from 'vitest';
import { DocBuilder } from '../document/presets/DocBuilder';
import { gradOf, outputData } from './graphFacts';
import { parsePrediction, runLevel } from './runner';
import type { LevelDef } from './types';

function tinyLevel(overrides: Partial<LevelDef> = {}): LevelDef {
  return {
    id: 'tiny',
    chapter: 'derivatives',
    title: 'Tiny',
    goal: 'y = 3x; predict dy/dx and make y = 6.',
    mode: 'build',
    start: () => {
      const g = new DocBuilder();
      return g.output(g.op('mul', [3, g.value(1, 'x')], 'y')).build();
    },
    palette: [],
    hidden: [],
    budget: 3,
    hints: ['x = 2'],
    predictions: [{ id: 'slope', prompt: 'dy/dx', answer: (start) => gradOf(start, 'x'), tolerance: 0.01, explain: () => 'y = 3x' }],
    checks: [{ id: 'six', text: 'y = 6', test: ({ now }) => outputData(now) === 6 }],
    ...overrides,
  };
}

function withX(level: LevelDef, x: number) {
  const doc = level.start();
  const id = Object.values(doc.nodes).find((n) => n.kind === 'value')!.id;
  const node = doc.nodes[id]!;
  return { ...doc, nodes: { ...doc.nodes, [id]: { ...node, value: x } } };
}

describe('parsePrediction', () => {
  it('reads numbers as people type them, and nothing else', () => {
    expect(parsePrediction('14')).toBe(14);
    expect(parsePrediction(' −3 ')).toBe(-3);
    expect(parsePrediction('0.5')).toBe(0.5);
    expect(parsePrediction('.5')).toBe(0.5);
    expect(parsePrediction('1e-3')).toBe(0.001);
    for (const text of [undefined, '', '-', 'abc', '1,5', '1/2', 'Infinity', '2x']) expect(parsePrediction(text)).toBeNull();
  });
});

describe('runLevel', () => {
  it('checks live against the engine: answers come from evaluate, not from the level', () => {
    const level = tinyLevel();
    const start = runLevel(level, level.start(), { predictions: {}, hintsUsed: 0 });
    expect(start.checks.map((c) => [c.id, c.passed, c.typed])).toEqual([
      ['slope', false, null],
      ['six', false, undefined],
    ]);
    const solved = runLevel(level, withX(level, 2), { predictions: { slope: '3.005' }, hintsUsed: 0 });
    expect(solved).toMatchObject({ solved: true, stars: 3, nodes: 3, withinBudget: true });
  });

  it('explains a wrong guess, and only a wrong one', () => {
    const level = tinyLevel();
    expect(runLevel(level, level.start(), { predictions: { slope: '4' }, hintsUsed: 0 }).checks[0]).toMatchObject({ passed: false, typed: 4, explanation: 'y = 3x' });
    expect(runLevel(level, level.start(), { predictions: { slope: '3' }, hintsUsed: 0 }).checks[0]?.explanation).toBeUndefined();
  });

  it('gives a star each for the solve, the budget and no hint', () => {
    const doc = withX(tinyLevel(), 2);
    const input = { predictions: { slope: '3' }, hintsUsed: 0 };
    expect(runLevel(tinyLevel({ budget: 2 }), doc, input).stars).toBe(2);
    expect(runLevel(tinyLevel({ budget: 2 }), doc, { ...input, hintsUsed: 1 }).stars).toBe(1);
    expect(runLevel(tinyLevel({ budget: null }), doc, input).stars).toBe(3);
    expect(runLevel(tinyLevel(), tinyLevel().start(), { ...input, hintsUsed: 0 }).stars).toBe(0);
  });

  it('treats a check that throws as not passed', () => {
    const level = tinyLevel({ checks: [{ id: 'boom', text: 'boom', test: () => { throw new Error('no'); } }] });
    expect(runLevel(level, level.start(), { predictions: { slope: '3' }, hintsUsed: 0 }).solved).toBe(false);
  });
});
