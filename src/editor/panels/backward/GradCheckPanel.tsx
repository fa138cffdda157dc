import { useMemo, useState } from 'react';
import { gradientCheck, type GradientCheckRow } from '../../../document/backward';
import type { GraphDoc } from '../../../document/types';
import { signOf } from '../../formatNumber';
import { usePlayground } from '../../store/StoreContext';
import { ParamField } from './ParamField';
import { PanelCard } from '../PanelCard';
import { formatExact as exact, formatSignificant as sig } from '../../formatNumber';
import { gradcheckSummary, nameOf, relativeError } from './format';
import '../../controls/controls.css';
import '../panelParts.css';
import './backwardTools.css';
import './GradCheckPanel.css';

/** Above this many nodes the check waits for "Run check" instead of following every edit. */
const LIVE_CHECK_LIMIT = 400;

/** Relative agreement gradientCheck asks of the central estimate (its default). */
const TOLERANCE = 1e-4;

interface CheckResult {
  doc: GraphDoc;
  h: number;
  rows: GradientCheckRow[];
}

/** Leaf Values first (the parameters), then constants, each in the order backprop meets them. */
function ordered(doc: GraphDoc, rows: readonly GradientCheckRow[]): GradientCheckRow[] {
  const isValue = (r: GradientCheckRow) => doc.nodes[r.id]?.kind === 'value';
  return [...rows.filter(isValue), ...rows.filter((r) => !isValue(r))];
}

/** A number cell: about six significant digits, full precision on hover. */
function Num({ value, note, colour = false }: { value: number; note?: string; colour?: boolean }) {
  return (
    <td className={`num ${colour ? `sign-${signOf(value)}` : 'bw-num'}`} title={note ? `${exact(value)}\n${note}` : exact(value)}>
      {sig(value)}
    </td>
  );
}

/**
 * "Gradient check": every leaf the output depends on, its grad by backprop beside two finite
 * difference estimates with bump h. The central one should agree; the forward one is visibly
 * off for curved functions and a large h, which is the lesson.
 */
export function GradCheckPanel() {
  const doc = usePlayground((s) => s.doc);
  const [h, setH] = useState(0.001);
  const [manual, setManual] = useState<CheckResult | null>(null);
  const nodeCount = useMemo(() => Object.keys(doc.nodes).length, [doc]);
  const live = nodeCount <= LIVE_CHECK_LIMIT;
  const liveRows = useMemo(() => (live ? gradientCheck(doc, h, TOLERANCE) : null), [live, doc, h]);
  const current = manual && manual.doc === doc && manual.h === h ? manual.rows : null;
  const rawRows = live ? liveRows : current;
  const rows = useMemo(() => (rawRows ? ordered(doc, rawRows) : null), [doc, rawRows]);
  const differing = rows ? rows.filter((r) => !r.agrees).length : 0;
  // Long numbers (0.000107642, −3.58805e-5) leave no room for the badges' words: keep the marks.
  const compact = useMemo(() => !!rows && rows.some((r) => [r.autograd, r.forward, r.central].some((v) => sig(v).length > 9)), [rows]);

  return (
    <PanelCard
      title="Gradient check"
      testId="gradcheck-panel"
      aside={
        rows &&
        rows.length > 0 && (
          <span className={`bw-pill ${differing === 0 ? 'bw-pill--ok' : 'bw-pill--bad'}`} data-testid="gradcheck-summary" role="status">
            {gradcheckSummary(rows.length, differing)}
          </span>
        )
      }
    >

      <div className="bw-row">
        <ParamField label="bump h" value={h} onChange={setH} validate={(n) => (n > 0 ? null : 'h must be greater than 0')} testId="gradcheck-h" />
        {!live && (
          <button type="button" className="tool-button bw-run" data-testid="gradcheck-run" disabled={current !== null} onClick={() => setManual({ doc, h, rows: gradientCheck(doc, h, TOLERANCE) })}>
            Run check
          </button>
        )}
      </div>

      {!live && !current && (
        <p className="muted bw-note">
          {manual ? 'The graph or h changed since the last check.' : `This graph has ${nodeCount} nodes, so the check runs when you ask.`}
        </p>
      )}

      {rows && rows.length === 0 && <p className="muted bw-note">Nothing to check yet: wire up an expression whose output can be computed.</p>}

      {rows && rows.length > 0 && (
        <div className="bw-table-wrap">
          <table className={`bw-table${compact ? ' is-compact' : ''}`} data-testid="gradcheck-table">
            <caption className="sr-only">
              Gradient of the output with respect to each leaf: by backprop, and estimated by nudging the leaf by h = {h}
            </caption>
            <thead>
              <tr>
                <th scope="col">leaf</th>
                <th scope="col" title="d(output)/d(leaf) from one backward pass">
                  autograd
                </th>
                <th scope="col" title="(f(x+h) − f(x)) / h">
                  forward
                </th>
                <th scope="col" title="(f(x+h) − f(x−h)) / 2h">
                  central
                </th>
                <th scope="col">
                  <span className="sr-only">agreement</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const node = doc.nodes[r.id];
                const name = nameOf(doc, r.id);
                return (
                  <tr key={r.id} className={r.agrees ? undefined : 'is-off'} data-testid="gradcheck-row" data-leaf={name}>
                    <th scope="row" className={`bw-leaf${node?.kind === 'constant' ? ' is-constant' : ''}`} title={node?.kind === 'constant' ? `constant ${name}` : name}>
                      <span className="bw-leaf__name">{name}</span>
                    </th>
                    <Num value={r.autograd} colour />
                    <Num value={r.forward} note={`off by ${sig(relativeError(r.autograd, r.forward), 2)} (relative)`} />
                    <Num value={r.central} note={`off by ${sig(relativeError(r.autograd, r.central), 2)} (relative)`} />
                    <td>
                      <span
                        className={`bw-badge ${r.agrees ? 'is-ok' : 'is-bad'}`}
                        data-testid="gradcheck-badge"
                        data-agrees={r.agrees ? 'true' : 'false'}
                        title={r.agrees ? `central estimate within ${TOLERANCE} (relative) of autograd` : `central estimate more than ${TOLERANCE} (relative) from autograd`}
                      >
                        <span className="bw-badge__word">{r.agrees ? 'agrees' : 'differs'} </span>
                        {r.agrees ? '✓' : '✗'}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <dl className="bw-legend">
        <dt>forward</dt>
        <dd className="num">(f(x+h) − f(x)) / h</dd>
        <dt>central</dt>
        <dd className="num">(f(x+h) − f(x−h)) / 2h</dd>
      </dl>
      <p className="muted bw-note">
        Central differences beat forward ones: their error shrinks like h² rather than h, because the curvature terms of f(x+h) and f(x−h) cancel.
      </p>
    </PanelCard>
  );
}
