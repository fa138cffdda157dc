import { memo, useMemo } from 'react';
import { chainRuleText, nodeName } from '../../../document/backward/chainRule';
import type { BackwardSchedule } from '../../../document/backward/schedule';
import { ActionButton, useAction } from '../../actions/ActionsContext';
import { formatLecture } from '../../formatNumber';
import { Icon } from '../../icons';
import { usePlayground, usePlaygroundStore } from '../../store/StoreContext';
import { DerivativeExplorer } from './DerivativeExplorer';
import { GradCheckPanel } from './GradCheckPanel';
import { NudgePanel } from './NudgePanel';
import { PredictPanel } from './PredictPanel';
import '../../controls/controls.css';
import '../panelParts.css';
import '../../nodes/NodeParts.css';
import './BackwardPanel.css';

/** How many steps of the order list show around the current one: a long pass is not a long list. */
const ORDER_WINDOW = 6;

/** The step whose chain rule to show: the one landing now, else the last one that landed. */
function currentStepIndex(schedule: BackwardSchedule, delivered: number, target: number): number {
  const at = Math.max(0, Math.min(delivered < target ? delivered : delivered - 1, schedule.arrivals.length - 1));
  return schedule.steps.findIndex((s) => at >= s.first && at < s.first + s.count);
}

/**
 * Index of the current step, or −1: a number, so components re-render only when it moves.
 * Landings reach the store in batches (at most ~10 a second, see GradientFlowOverlay), so text
 * that follows a fast pass needs no throttle of its own, and updates in the same frame as the
 * nodes' grads.
 */
function useStepIndex(): number {
  return usePlayground((s) => (s.backwardRun ? currentStepIndex(s.backwardRun.schedule, s.backwardRun.delivered, s.backwardRun.target) : -1));
}

/**
 * Backward mode's panel: run or step a pass, read the chain rule, learn why grads are zeroed.
 * Each part subscribes to just what it shows, so a landing contribution re-renders a line of
 * text, not the panel.
 */
export function BackwardPanel() {
  return (
    <div className="backward-panel" data-testid="backward-panel">
      <div className="backward-panel__actions">
        <ActionButton id="backward" showLabel className="is-primary" />
        <ActionButton id="stepBackward" showLabel />
        <ActionButton id="zeroGrad" showLabel />
      </div>
      <PredictPanel />
      <Transport />
      <Status />
      <AccumulationNotice />
      <ChainRule />
      <Order />
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

const Transport = memo(function Transport() {
  const store = usePlaygroundStore();
  const paused = usePlayground((s) => s.backwardRun?.paused ?? false);
  const speed = usePlayground((s) => s.backwardSpeed);
  const pause = useAction('pauseBackward');
  return (
    <div className="backward-panel__transport">
      <button type="button" className="tool-button" disabled={!pause.enabled} onClick={pause.run} title={pause.tooltip} data-action="pauseBackward">
        <Icon name={paused ? 'play' : 'pause'} /> {paused ? 'Resume' : 'Pause'}
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
  );
});

const Status = memo(function Status() {
  const passes = usePlayground((s) => s.grads.passes);
  const stepIndex = useStepIndex();
  const info = usePlayground((s) => {
    const run = s.backwardRun;
    if (!run) return 'none';
    const inProgress = run.delivered < run.schedule.arrivals.length;
    return `${inProgress ? 'running' : 'done'}|${run.committed ? 1 : 0}|${run.paused ? 1 : 0}|${run.schedule.steps.length}`;
  });
  const [state, committed, paused, steps] = info.split('|');
  return (
    <p className="backward-panel__status" data-testid="backward-status">
      {state === 'none' && passes === 0 && 'Grads are all 0 until a backward pass. Press Backward to watch one, or Step to do it node by node like the lecture.'}
      {state === 'none' && passes > 0 && `${passes} backward ${passes === 1 ? 'pass' : 'passes'} since the last Zero grad.`}
      {state === 'running' && `Pass ${passes + (committed === '1' ? 0 : 1)} · step ${stepIndex + 1} of ${steps}${paused === '1' ? ' · paused' : ''}`}
      {state === 'done' && `${passes} backward ${passes === 1 ? 'pass' : 'passes'} since the last Zero grad.`}
    </p>
  );
});

const AccumulationNotice = memo(function AccumulationNotice() {
  const store = usePlaygroundStore();
  const passes = usePlayground((s) => s.grads.passes);
  if (passes < 2) return null;
  return (
    <div className="callout callout--warn" role="note" data-testid="accumulation-notice">
      <strong>The gradients doubled.</strong> Backward ran {passes} times without Zero grad, and every pass adds (+=) into each
      leaf’s <code>.grad</code> instead of overwriting it, so the leaves now hold {passes}× the true gradient. That is the
      lecture’s bug: zero the grads before each backward pass.
      <button type="button" className="tool-button" onClick={() => store.getState().zeroGrad()}>
        Zero grad now
      </button>
    </div>
  );
});

const ChainRule = memo(function ChainRule() {
  const doc = usePlayground((s) => s.doc);
  const schedule = usePlayground((s) => s.backwardRun?.schedule ?? null);
  const stepIndex = useStepIndex();
  const text = useMemo(() => {
    const step = schedule && stepIndex >= 0 ? schedule.steps[stepIndex] : undefined;
    return schedule && step ? chainRuleText(doc, schedule, step, formatLecture) : null;
  }, [doc, schedule, stepIndex]);
  if (!text) return null;
  return (
    <section className="chain-rule" data-testid="chain-rule">
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
  );
});

const Order = memo(function Order() {
  const doc = usePlayground((s) => s.doc);
  const schedule = usePlayground((s) => s.backwardRun?.schedule ?? null);
  const stepIndex = useStepIndex();
  // Which steps are done only changes when a step completes, not with every arrival.
  const doneSteps = usePlayground((s) => {
    const run = s.backwardRun;
    if (!run) return 0;
    let n = 0;
    for (const step of run.schedule.steps) if (run.delivered >= step.first + step.count) n++;
    return n;
  });
  const inProgress = usePlayground((s) => !!s.backwardRun && s.backwardRun.delivered < s.backwardRun.schedule.arrivals.length);
  if (!schedule) return null;
  const total = schedule.steps.length;
  const from = Math.max(0, Math.min(stepIndex - ORDER_WINDOW, total - 2 * ORDER_WINDOW - 1));
  const to = Math.min(total, from + 2 * ORDER_WINDOW + 1);
  return (
    <section className="backward-order">
      <h3 className="panel-title">Order (reverse topological)</h3>
      {from > 0 && <p className="backward-order__more muted">… {from} earlier</p>}
      <ol data-testid="backward-order" start={from + 1}>
        {schedule.steps.slice(from, to).map((s, k) => {
          const i = from + k;
          const done = i < doneSteps;
          return (
            <li key={s.key} className={`${i === stepIndex && inProgress ? 'is-current' : ''}${done ? ' is-done' : ''}`}>
              <span className="backward-badge">{i + 1}</span>
              <span className="backward-order__name num">{nodeName(doc, schedule, s.node, formatLecture)}</span>
              <span className="backward-order__grad num">{done ? formatLecture(s.grad) : '…'}</span>
            </li>
          );
        })}
      </ol>
      {to < total && <p className="backward-order__more muted">… {total - to} more</p>}
    </section>
  );
});
