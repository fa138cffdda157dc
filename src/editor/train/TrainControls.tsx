import { useEffect, useState } from 'react';
import { compiledOf } from '../../state/derived';
import { SPEEDS, speedLabel } from '../../training/worker/pace';
import { setupOf } from '../../training/setup';
import type { LossKind } from '../../document/types';
import { Icon } from '../icons';
import { LossOptions } from '../nodes/LossNodeView';
import { usePlayground, usePlaygroundStore } from '../store/StoreContext';
import { OptimiserSettings } from './OptimiserSettings';
import { useTrainingController } from './TrainingContext';
import '../controls/controls.css';
import '../panels/panelParts.css';
import './TrainPanel.css';
import './TrainControls.css';

/** Steps of the lecture's training loop (`for k in range(20)`). */
const LECTURE_STEPS = 20;
const LR_MIN = -3;
const LR_MAX = 1;

/** A learning rate as people write it. */
function formatLr(lr: number): string {
  return lr >= 0.001 ? String(Number(lr.toPrecision(3))) : lr.toExponential(2);
}

/** Play / pause / step / reset, the learning-rate slider (log scale, live), loss, L2, batch, schedule. */
export function TrainControls() {
  const store = usePlaygroundStore();
  const controller = useTrainingController();
  const setup = usePlayground((s) => setupOf(s.doc));
  const training = usePlayground((s) => s.training);
  const lossNode = usePlayground((s) => {
    const compiled = compiledOf(s.doc);
    return compiled.ok ? (s.doc.nodes[compiled.program.lossNodeId] ?? null) : null;
  });
  const running = training.phase === 'running';
  // Until the worker reports a step, the rate it runs at is the slider's (the status starts at 0).
  const shownLr = training.step > 0 && training.lr > 0 ? training.lr : setup.lr;
  const { updateSetup, beginGesture, endGesture } = store.getState();
  const [speed, setSpeed] = useState<number | null>(null);
  // The controller keeps the speed across panel mounts; the slider starts where it is.
  useEffect(() => setSpeed(controller?.stepsPerSecondLimit ?? null), [controller]);
  const speedIndex = SPEEDS.indexOf(speed);

  return (
    <section className="train-controls" aria-label="Training">
      <div className="train-controls__buttons">
        <button type="button" className="tool-button is-primary" onClick={() => controller?.toggle()} data-testid="train-toggle" disabled={!controller}>
          <Icon name={running ? 'pause' : 'play'} /> {running ? 'Pause' : 'Train'}
        </button>
        <button type="button" className="tool-button" onClick={() => controller?.step()} disabled={!controller || running} data-testid="train-step">
          <Icon name="step" /> Step
        </button>
        <button
          type="button"
          className="tool-button"
          onClick={() => controller?.step(LECTURE_STEPS)}
          disabled={!controller || running}
          title="The lecture’s loop, for k in range(20): forward, zero grad, backward, update, twenty times"
          data-testid="train-run-20"
        >
          <Icon name="skip" /> {LECTURE_STEPS} steps
        </button>
        <button
          type="button"
          className="tool-button"
          onClick={() => controller?.slowStep()}
          disabled={!controller || training.narration !== null}
          title="One step in slow motion: forward, loss, backward, update, then the boundary moves, each with its numbers"
          data-testid="train-slow-step"
        >
          <Icon name="step" /> Slow step
        </button>
        <button type="button" className="tool-button" onClick={() => controller?.reset()} disabled={!controller} title="New weights from the seed; clears the curves" data-testid="train-reset">
          <Icon name="replay" /> Reset
        </button>
      </div>
      <p className="train-controls__status" data-testid="train-status">
        step <span className="num" data-testid="train-step-count">{training.step}</span> ·{' '}
        <span className="num" data-testid="steps-per-second">{running ? Math.round(training.stepsPerSecond) : 0}</span> steps/s
        {training.phase === 'running' && ` · lr ${formatLr(shownLr)}`}
      </p>
      {training.message && (
        <div className={`callout ${training.phase === 'diverged' || training.phase === 'error' ? 'callout--warn' : ''}`} role="alert" data-testid="train-message">
          {training.message}
        </div>
      )}

      <label className="train-slider">
        <span>Speed</span>
        <input
          type="range"
          min={0}
          max={SPEEDS.length - 1}
          step={1}
          value={speedIndex < 0 ? SPEEDS.length - 1 : speedIndex}
          aria-label="Training speed (steps per second)"
          aria-valuetext={speedLabel(speed)}
          data-testid="speed-slider"
          onChange={(e) => {
            const next = SPEEDS[Number(e.target.value)] ?? null;
            setSpeed(next);
            controller?.setStepsPerSecondLimit(next);
          }}
        />
        <span className="num" data-testid="speed-value">
          {speedLabel(speed)}
        </span>
      </label>

      <label className="train-slider">
        <span>Learning rate</span>
        <input
          type="range"
          min={LR_MIN}
          max={LR_MAX}
          step={0.01}
          value={Math.log10(setup.lr)}
          aria-label="Learning rate (log scale)"
          data-testid="lr-slider"
          onPointerDown={beginGesture}
          onPointerUp={endGesture}
          onChange={(e) => updateSetup({ lr: Number((10 ** Number(e.target.value)).toPrecision(3)) })}
        />
        <span className="num" data-testid="lr-value">
          {formatLr(setup.lr)}
        </span>
      </label>

      <div className="train-form">
        <label>
          <span>Loss</span>
          <select
            value={lossNode?.kind === 'loss' ? lossNode.loss : 'hinge'}
            disabled={lossNode?.kind !== 'loss'}
            onChange={(e) => lossNode && store.getState().updateNode(lossNode.id, { loss: e.target.value as LossKind })}
            data-testid="loss-select"
          >
            <LossOptions />
          </select>
        </label>
        <label>
          <span>L2 α</span>
          <select value={setup.alpha} onChange={(e) => updateSetup({ alpha: Number(e.target.value) })}>
            {[0, 1e-5, 1e-4, 1e-3, 1e-2].map((a) => (
              <option key={a} value={a}>
                {a === 0 ? 'none' : a}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Batch</span>
          <select value={setup.batchSize} onChange={(e) => updateSetup({ batchSize: Number(e.target.value) })}>
            {[0, 1, 8, 16, 32, 64].map((b) => (
              <option key={b} value={b}>
                {b === 0 ? 'full batch' : `${b} per step`}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Schedule</span>
          <select value={setup.schedule} onChange={(e) => updateSetup({ schedule: e.target.value as 'constant' | 'linear' })}>
            <option value="constant">constant</option>
            <option value="linear">micrograd’s decay 1 − 0.9·k/{setup.decaySteps}</option>
          </select>
        </label>
        <OptimiserSettings />
      </div>
    </section>
  );
}
