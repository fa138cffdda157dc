import { describe, expect, it } from 'vitest';
import { findPreset } from '../document/presets';
import { advanceNarration, NARRATION_PHASES, narrationText, phaseReached, startNarration, type Narration, type StepNumbers } from './narration';
import { setupOf } from './setup';
import { TrainingSession } from './worker/TrainingSession';

const NUMBERS: StepNumbers = { step: 0, samples: 4, lossBefore: 4.5, gradNorm: 10, lr: 0.01, lossAfter: 3.5 };

describe('the slow-motion step', () => {
  it('goes forward → loss → backward → update → the boundary moves, then ends', () => {
    const seen: string[] = [];
    let n: Narration | null = startNarration(NUMBERS);
    while (n) {
      seen.push(n.phase);
      n = advanceNarration(n);
    }
    expect(seen).toEqual(['forward', 'loss', 'backward', 'update', 'boundary']);
    expect(seen).toEqual([...NARRATION_PHASES]);
  });

  it('knows which phases are reached', () => {
    const atBackward = advanceNarration(advanceNarration(startNarration(NUMBERS))!)!;
    expect(atBackward.phase).toBe('backward');
    expect(phaseReached(atBackward, 'loss')).toBe(true);
    expect(phaseReached(atBackward, 'update')).toBe(false);
  });

  it('says the numbers: loss before, |grad|, lr × |grad|, loss after', () => {
    const text = narrationText(NUMBERS, (v) => v.toFixed(2), 'sum over 4 samples');
    expect(text.loss.detail).toBe('loss before = 4.50 (sum over 4 samples).');
    expect(text.backward.detail).toContain('|grad| = 10.00');
    expect(text.update.detail).toContain('0.01 × 10.00 = 0.10');
    expect(text.boundary.detail).toBe('loss after = 3.50 (down 1.00).');
  });

  it('measures a real step of the lecture’s tiny MLP: the loss after is the next step’s loss before', () => {
    const doc = findPreset('tiny-mlp')!.build();
    const created = TrainingSession.create(doc, setupOf(doc));
    if (!created.ok) throw new Error(created.reason);
    const first = created.session.explainStep();
    const second = created.session.explainStep();
    if (!first.ok || !second.ok) throw new Error('diverged');
    expect(first.numbers).toMatchObject({ step: 0, samples: 4, lr: 0.01 });
    expect(first.numbers.lossBefore).toBeCloseTo(4.4544, 4);
    expect(first.numbers.lossAfter).toBeLessThan(first.numbers.lossBefore);
    expect(second.numbers.lossBefore).toBe(first.numbers.lossAfter);
    expect(first.numbers.gradNorm).toBeGreaterThan(0);
  });
});
