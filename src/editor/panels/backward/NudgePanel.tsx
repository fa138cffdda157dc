import { useId, useState, type KeyboardEvent } from 'react';
import type { NudgeDirection } from '../../../document/backward';
import type { GraphDoc } from '../../../document/types';
import { gradsAreStale } from '../../../state/derived';
import { Icon } from '../../icons';
import { usePlayground, usePlaygroundStore } from '../../store/StoreContext';
import { formatLecture, signOf } from '../../formatNumber';
import { ParamField } from './ParamField';
import { PanelCard } from '../PanelCard';
import { applyNudge, nudgeCode, nudgeResultText, planNudge, type LeafMove } from './nudgePlan';
import '../../controls/controls.css';
import '../panelParts.css';
import './backwardTools.css';
import './NudgePanel.css';

/** Leaves listed under the result before the list folds into "and N more". */
const MOVES_SHOWN = 6;

const DIRECTIONS: readonly { id: NudgeDirection; label: string; hint: string }[] = [
  { id: 'ascend', label: 'Ascend', hint: 'Up the gradient (+lr·grad): the output grows. The lecture’s first demo.' },
  { id: 'descend', label: 'Descend', hint: 'Down the gradient (−lr·grad): the output shrinks, as training does to a loss.' },
];

interface StepResult {
  /** The document the step produced: the result is shown only while it is current. */
  doc: GraphDoc;
  text: string;
  before: number;
  after: number;
  moves: LeafMove[];
}

/**
 * "Step leaves": one optimisation step by hand. Every leaf Value moves by lr · grad, up the
 * gradient (the lecture's first demo: L goes from −8.0 to −7.286496) or down it (training).
 * The step is one undo step and keeps the grads, as micrograd does.
 */
export function NudgePanel() {
  const store = usePlaygroundStore();
  const doc = usePlayground((s) => s.doc);
  const passes = usePlayground((s) => s.grads.passes);
  const stale = usePlayground(gradsAreStale);
  const animating = usePlayground((s) => !!s.backwardRun && s.backwardRun.delivered < s.backwardRun.schedule.arrivals.length);
  const [lr, setLr] = useState(0.01);
  const [direction, setDirection] = useState<NudgeDirection>('ascend');
  const [result, setResult] = useState<StepResult | null>(null);
  const [nothingMoved, setNothingMoved] = useState<GraphDoc | null>(null);
  const uid = useId();
  const directionId = `${uid}-direction`;
  const hintId = `${uid}-hint`;

  const hasGrads = passes > 0;
  const disabled = !hasGrads || animating;

  function step() {
    const s = store.getState();
    if (s.grads.passes === 0) return;
    const plan = planNudge(s.doc, s.grads.leaves, lr, direction);
    if (plan.moves.length === 0) {
      setResult(null);
      setNothingMoved(s.doc);
      return;
    }
    applyNudge(store, plan.next);
    setNothingMoved(null);
    setResult({
      doc: store.getState().doc,
      text: nudgeResultText(plan.output, plan.before, plan.after),
      before: plan.before,
      after: plan.after,
      moves: plan.moves,
    });
  }

  function onDirectionKey(e: KeyboardEvent<HTMLButtonElement>) {
    const i = DIRECTIONS.findIndex((d) => d.id === direction);
    const delta = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (delta === 0) return;
    e.preventDefault();
    const next = DIRECTIONS[(i + delta + DIRECTIONS.length) % DIRECTIONS.length]!;
    setDirection(next.id);
    const group = e.currentTarget.parentElement;
    group?.querySelector<HTMLButtonElement>(`[data-direction="${next.id}"]`)?.focus();
  }

  const shown = result && result.doc === doc ? result : null;
  const delta = shown ? shown.after - shown.before : 0;
  const hint = DIRECTIONS.find((d) => d.id === direction)!.hint;

  return (
    <PanelCard
      title="Step leaves"
      testId="nudge-panel"
      aside={
        <code className="bw-code" title="What the step runs for every leaf Value p">
          {nudgeCode(lr, direction)}
        </code>
      }
    >

      <div className="bw-row">
        <ParamField
          label="learning rate"
          value={lr}
          onChange={setLr}
          validate={(n) => (n > 0 ? null : 'The learning rate must be greater than 0')}
          testId="nudge-lr"
        />
        <div className="field">
          <span className="field__label" id={directionId}>
            direction
          </span>
          <div className="segmented bw-segmented" role="radiogroup" aria-labelledby={directionId}>
            {DIRECTIONS.map((d) => (
              <button
                key={d.id}
                type="button"
                role="radio"
                aria-checked={direction === d.id}
                tabIndex={direction === d.id ? 0 : -1}
                data-direction={d.id}
                data-testid={`nudge-${d.id}`}
                title={d.hint}
                onClick={() => setDirection(d.id)}
                onKeyDown={onDirectionKey}
              >
                {d.label}
              </button>
            ))}
          </div>
        </div>
      </div>
      <p className="muted bw-note">{hint}</p>

      <div className="bw-actions">
        <button
          type="button"
          className="tool-button is-primary"
          data-testid="nudge-button"
          disabled={disabled}
          onClick={step}
          aria-describedby={!hasGrads ? hintId : undefined}
        >
          <Icon name="nudge" size={15} />
          Step leaves
        </button>
        {hasGrads && passes > 1 && (
          <span className="bw-pill bw-pill--warn" title="Backward ran more than once without Zero grad: the grads added up.">
            grads from {passes} passes
          </span>
        )}
      </div>

      {!hasGrads && (
        <p className="muted bw-note" id={hintId} data-testid="nudge-hint">
          Press Backward first: the step uses each leaf’s grad.
        </p>
      )}
      {hasGrads && animating && <p className="muted bw-note">Wait for the backward pass to finish.</p>}
      {hasGrads && stale && !animating && (
        <p className="muted bw-note" data-testid="nudge-stale">
          The graph changed since the last Backward, so the grads are from before. Stepping again reuses them, as micrograd would; Zero grad and Backward for fresh ones.
        </p>
      )}
      {nothingMoved === doc && <p className="muted bw-note">Every leaf’s grad is 0: nothing moved.</p>}

      {/* Not a live region of its own: the shell's announcer already says the output's new value. */}
      <div>
        {shown && (
          <div className="bw-result">
            <p className="bw-result__line num">
              <span data-testid="nudge-result" title={`${shown.before} → ${shown.after}`}>
                {shown.text}
              </span>
              {Number.isFinite(delta) && (
                <span className={`bw-delta sign-${signOf(delta)}`} title={`change: ${delta}`}>
                  ({delta >= 0 ? '+' : '\u2212'}
                  {formatLecture(Math.abs(delta), 6)})
                </span>
              )}
            </p>
            <ul className="bw-moves num" aria-label="Leaves moved">
              {shown.moves.slice(0, MOVES_SHOWN).map((m) => (
                <li key={m.id} title={`${m.name}: ${m.from} → ${m.to}`}>
                  <span className="bw-moves__name">{m.name}</span>
                  <span>
                    {formatLecture(m.from, 6)} → <span className={`sign-${signOf(m.to - m.from)}`}>{formatLecture(m.to, 6)}</span>
                  </span>
                </li>
              ))}
              {shown.moves.length > MOVES_SHOWN && <li className="muted">and {shown.moves.length - MOVES_SHOWN} more</li>}
            </ul>
            <p className="muted bw-note">Six decimals here, as the lecture prints the output after its step.</p>
          </div>
        )}
      </div>
    </PanelCard>
  );
}
