import { useMemo } from 'react';
import { chainNumber, chainRuleText, nodeName } from '../../../document/backward/chainRule';
import type { BackwardSchedule } from '../../../document/backward/schedule';
import { ActionButton, useAction } from '../../actions/ActionsContext';
import { Icon } from '../../icons';
import { usePlayground, usePlaygroundStore } from '../../store/StoreContext';
import { DerivativeExplorer } from './DerivativeExplorer';
import { GradCheckPanel } from './GradCheckPanel';
import { NudgePanel } from './NudgePanel';

/** The step whose chain rule to show: the one landing now, else the last one that landed. */
function currentStepIndex(schedule: BackwardSchedule, delivered: number, target: number): number {
  const at = Math.max(0, Math.min(delivered < target ? delivered : delivered - 1, schedule.arrivals.length - 1));
  return schedule.steps.findIndex((s) => at >= s.first && at < s.first + s.count);
}

/** Backward mode's panel: run or step a pass, read the chain rule, learn why grads are zeroed. */
export function BackwardPanel() {
  const store = usePlaygroundStore();
  const doc = usePlayground((s) => s.doc);
  const run = usePlayground((s) => s.backwardRun);
  const passes = usePlayground((s) => s.grads.passes);
  const speed = usePlayground((s) => s.backwardSpeed);
  const pause = useAction('pauseBackward');

  const stepIndex = run ? currentStepIndex(run.schedule, run.delivered, run.target) : -1;
  const step = run && stepIndex >= 0 ? run.schedule.steps[stepIndex] : undefined;
  const text = useMemo(() => (run && step ? chainRuleText(doc, run.schedule, step) : null), [doc, run, step]);
  const total = run?.schedule.arrivals.length ?? 0;
  const inProgress = !!run && run.delivered < total;

  return (
    <div className="backward-panel" data-testid="backward-panel">
      <div className="backward-panel__actions">
        <ActionButton id="backward" showLabel className="is-primary" />
        <ActionButton id="stepBackward" showLabel />
        <ActionButton id="zeroGrad" showLabel />
      </div>
      <div className="backward-panel__transport">
        <button type="button" className="tool-button" disabled={!pause.enabled} onClick={pause.run} title={pause.tooltip} data-action="pauseBackward">
          <Icon name={run?.paused ? 'play' : 'pause'} /> {run?.paused ? 'Resume' : 'Pause'}
        </button>
        <ActionButton id="finishBackward" showLabel />
        <ActionButton id="replayBackward" showLabel />
        <label className="speed">
          <span>Speed</span>
          <input
            type="range"
            min={-3}
            max={3}
            step={0.5}
            value={Math.log2(speed)}
            aria-label="Animation speed"
            onChange={(e) => store.getState().setBackwardSpeed(2 ** Number(e.target.value))}
          />
          <span className="num">{speed >= 1 ? `${speed}×` : `${speed.toFixed(2)}×`}</span>
        </label>
      </div>

      <p className="backward-panel__status" data-testid="backward-status">
        {passes === 0 && !run && 'Grads are all 0 until a backward pass. Press Backward to watch one, or Step to do it node by node like the lecture.'}
        {run && inProgress && `Pass ${passes + (run.committed ? 0 : 1)} · step ${stepIndex + 1} of ${run.schedule.steps.length}${run.paused ? ' · paused' : ''}`}
        {run && !inProgress && `${passes} backward ${passes === 1 ? 'pass' : 'passes'} since the last Zero grad.`}
      </p>

      {passes >= 2 && (
        <div className="callout callout--warn" role="note" data-testid="accumulation-notice">
          <strong>The gradients doubled.</strong> Backward ran {passes} times without Zero grad, and every pass adds (+=) into
          each leaf’s <code>.grad</code> instead of overwriting it, so the leaves now hold {passes}× the true gradient. That is
          the lecture’s bug: zero the grads before each backward pass.
          <button type="button" className="tool-button" onClick={() => store.getState().zeroGrad()}>
            Zero grad now
          </button>
        </div>
      )}

      {text && (
        <section className="chain-rule" aria-live="polite" data-testid="chain-rule">
          <h3 className="panel-title">Chain rule</h3>
          <p className="chain-rule__equation num" data-testid="chain-rule-equation">
            {text.equation}
          </p>
          <ul className="chain-rule__locals">
            {text.locals.map((l, i) => (
              <li key={i} className="num">
                {l}
              </li>
            ))}
          </ul>
          {text.carried && <p className="chain-rule__carried">{text.carried}</p>}
        </section>
      )}

      {run && (
        <section className="backward-order">
          <h3 className="panel-title">Order (reverse topological)</h3>
          <ol data-testid="backward-order">
            {run.schedule.steps.map((s, i) => {
              const done = run.delivered >= s.first + s.count;
              return (
                <li key={s.node} className={`${i === stepIndex && inProgress ? 'is-current' : ''}${done ? ' is-done' : ''}`}>
                  <span className="backward-badge">{i + 1}</span>
                  <span className="backward-order__name num">{nodeName(doc, run.schedule, s.node)}</span>
                  <span className="backward-order__grad num">{done ? chainNumber(s.grad) : '…'}</span>
                </li>
              );
            })}
          </ol>
        </section>
      )}

      <details className="fold-section" open>
        <summary>Step leaves: one optimisation step by hand</summary>
        <NudgePanel />
      </details>
      <details className="fold-section">
        <summary>Gradient check: backprop against finite differences</summary>
        <GradCheckPanel />
      </details>
      <details className="fold-section">
        <summary>Derivative explorer: the slope you are computing</summary>
        <DerivativeExplorer />
      </details>
    </div>
  );
}
