import { useState } from 'react';
import { NARRATION_PHASES, narrationText, phaseReached } from '../../training/narration';
import { formatLecture } from '../formatNumber';
import { usePlayground } from '../store/StoreContext';
import { trainingLossFor, trainingLossLabel } from './lossLabel';
import { useTrainingController } from './TrainingContext';
import './StepNarration.css';

/**
 * The slow-motion step on screen: the five phases of one training step as a list, the current
 * one lit, each reached phase with its numbers; Next moves on now, Stop ends it (the step shows
 * in full), and "on its own" lets the phases advance at a reading pace.
 */
export function StepNarration() {
  const controller = useTrainingController();
  const narration = usePlayground((s) => s.training.narration);
  const label = usePlayground((s) => trainingLossLabel(trainingLossFor(s.doc)));
  const boundary = usePlayground((s) => s.training.boundary !== null);
  const [auto, setAuto] = useState(true);
  if (!narration) return null;
  const text = narrationText(narration.numbers, (v) => formatLecture(v), label ?? 'the training loss');
  if (!boundary) text.boundary.title = 'The weights moved';
  return (
    <section className="narration panel-card" aria-label="Slow-motion step" aria-live="polite" data-testid="narration">
      <h3 className="narration__title">
        Step {narration.numbers.step + 1} in slow motion
      </h3>
      <ol className="narration__phases">
        {NARRATION_PHASES.map((phase) => {
          const state = phase === narration.phase ? 'current' : phaseReached(narration, phase) ? 'done' : 'ahead';
          return (
            <li key={phase} className={`narration__phase is-${state}`} data-testid="narration-phase" data-phase={phase} data-state={state} aria-current={state === 'current' ? 'step' : undefined}>
              <strong>{text[phase].title}</strong>
              {state !== 'ahead' && <span className="narration__detail">{text[phase].detail}</span>}
            </li>
          );
        })}
      </ol>
      <div className="narration__actions">
        <button type="button" className="tool-button" onClick={() => controller?.nextPhase()} data-testid="narration-next">
          Next
        </button>
        <button type="button" className="tool-button" onClick={() => controller?.cancelSlowStep()} data-testid="narration-stop">
          Stop
        </button>
        <label className="narration__auto">
          <input
            type="checkbox"
            checked={auto}
            onChange={(e) => {
              setAuto(e.target.checked);
              controller?.setNarrationAuto(e.target.checked);
            }}
            data-testid="narration-auto"
          />
          advance on its own
        </label>
      </div>
    </section>
  );
}
