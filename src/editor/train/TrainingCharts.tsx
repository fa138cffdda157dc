import { useMemo, type ReactNode } from 'react';
import type { HistoryPoint } from '../../training/worker/protocol';
import { ticks } from '../panels/backward/plotMath';
import { usePlayground } from '../store/StoreContext';
import { trainingLossFor, trainingLossLabel } from './lossLabel';
import {
  downsample,
  formatLogTick,
  formatLoss,
  formatPercent,
  formatStep,
  linePath,
  linearScale,
  logDomain,
  logScale,
  logTicks,
  type Domain,
} from './chartMath';
import '../panels/panelParts.css';
import './TrainPanel.css';
import './TrainingCharts.css';

/** Points drawn per curve: a 300-pixel-wide chart shows no more. */
const DRAWN_POINTS = 300;
/** The charts' size in viewBox units; they scale to the panel's width. */
const W = 320;
const H = 112;
const M = { left: 40, right: 8, top: 8, bottom: 18 };
const FRAME = { left: M.left, right: W - M.right, top: M.top, bottom: H - M.bottom };

interface Tick {
  at: number;
  label: string;
}

interface Curve {
  path: string;
  /** The newest point, drawn as a dot so the curve's head is visible even when flat. */
  head: [number, number] | null;
}

interface ChartGeometry {
  xTicks: Tick[];
  loss: { curve: Curve; yTicks: Tick[] };
  accuracy: { train: Curve; test: Curve | null; yTicks: Tick[] };
}

function curveOf(points: readonly HistoryPoint[], value: (p: HistoryPoint) => number, sx: (v: number) => number, sy: (v: number) => number): Curve {
  const thin = downsample(points, DRAWN_POINTS, value);
  const xs = thin.map((p) => sx(p.step));
  const ys = thin.map((p) => sy(value(p)));
  const last = points[points.length - 1];
  const hx = last ? sx(last.step) : NaN;
  const hy = last ? sy(value(last)) : NaN;
  return { path: linePath(xs, ys), head: Number.isFinite(hx) && Number.isFinite(hy) ? [hx, hy] : null };
}

/**
 * Everything the two charts draw, from the history: O(n) in the history's length and then only
 * ~300 points per curve, so 2,000 points at 30 updates a second stay cheap.
 */
function geometryOf(history: readonly HistoryPoint[]): ChartGeometry {
  const first = history[0]?.step ?? 0;
  const last = history[history.length - 1]?.step ?? 0;
  const steps: Domain = { min: first, max: Math.max(last, first + 1) };
  const sx = linearScale(steps, FRAME.left, FRAME.right);
  const xTicks = ticks(steps, 4)
    .filter((t) => Number.isInteger(t))
    .map((t) => ({ at: sx(t), label: formatStep(t) }));

  const lossDomain = logDomain(history.map((p) => p.loss)) ?? { min: 0.1, max: 1 };
  const sLoss = logScale(lossDomain, FRAME.bottom, FRAME.top);
  const lossTicks = logTicks(lossDomain).map((t) => ({ at: sLoss(t), label: formatLogTick(t) }));

  const sAcc = linearScale({ min: 0, max: 1 }, FRAME.bottom, FRAME.top);
  const accTicks = [0, 0.5, 1].map((t) => ({ at: sAcc(t), label: `${t * 100} %` }));
  const hasTest = history.some((p) => Number.isFinite(p.testAccuracy));

  return {
    xTicks,
    loss: { curve: curveOf(history, (p) => p.loss, sx, sLoss), yTicks: lossTicks },
    accuracy: {
      train: curveOf(history, (p) => p.trainAccuracy, sx, sAcc),
      test: hasTest ? curveOf(history, (p) => p.testAccuracy, sx, sAcc) : null,
      yTicks: accTicks,
    },
  };
}

/** One latest number above the curves (loss, train or test accuracy), coloured like its curve. */
function Readout({ kind, term, value, testId }: { kind: 'loss' | 'train' | 'test'; term: string; value: string; testId: string }) {
  return (
    <div className={`tr-readout tr-readout--${kind}`}>
      <dt>{term}</dt>
      <dd className="num" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/**
 * The loss and accuracy curves of the current run, with the newest numbers printed above them.
 * The loss uses a log scale because it falls through decades; accuracy runs 0–100 % for the
 * training set (solid) and the held-out test set (dashed): when the two part ways, the network
 * is memorising rather than learning.
 */
export function TrainingCharts() {
  const history = usePlayground((s) => s.training.history);
  const geometry = useMemo(() => geometryOf(history), [history]);
  const latest = history[history.length - 1];
  const lossLabel = usePlayground((s) => trainingLossLabel(trainingLossFor(s.doc)));

  return (
    <section className="panel-card" aria-label="Training curves" data-testid="training-charts">
      <dl className="tr-readouts">
        <div className="tr-readout tr-readout--loss">
          <dt>loss</dt>
          <dd className="num" data-testid="train-loss">
            {formatLoss(latest?.loss)}
          </dd>
          {history.length > 1 && (
            <dd className="tr-readout__from num" data-testid="train-loss-from">
              from {formatLoss(history[0]!.loss)}
            </dd>
          )}
          {lossLabel && (
            <dd className="tr-readout__how" data-testid="train-loss-label">
              {lossLabel}
            </dd>
          )}
        </div>
        <Readout kind="train" term="train accuracy" value={formatPercent(latest?.trainAccuracy)} testId="train-accuracy" />
        <Readout kind="test" term="test accuracy" value={formatPercent(latest?.testAccuracy)} testId="test-accuracy" />
      </dl>

      <Chart title="loss (log scale)" label="Training loss over steps, on a log scale" xTicks={geometry.xTicks} yTicks={geometry.loss.yTicks} empty={history.length === 0}>
        <CurvePath curve={geometry.loss.curve} className="tr-line--loss" />
      </Chart>
      <Chart title="accuracy" label="Training and test accuracy over steps" xTicks={geometry.xTicks} yTicks={geometry.accuracy.yTicks} empty={history.length === 0}>
        {geometry.accuracy.test && <CurvePath curve={geometry.accuracy.test} className="tr-line--test" />}
        <CurvePath curve={geometry.accuracy.train} className="tr-line--train" />
      </Chart>
      <div className="tr-legend" aria-hidden="true">
        <span>
          <i className="tr-key tr-key--train" /> train
        </span>
        <span>
          <i className="tr-key tr-key--test" /> test{history.length > 0 && !geometry.accuracy.test ? ' (no test set)' : ''}
        </span>
      </div>
    </section>
  );
}

function CurvePath({ curve, className }: { curve: Curve; className: string }) {
  return (
    <>
      <path className={`tr-line ${className}`} d={curve.path} />
      {curve.head && <circle className={`tr-head ${className}`} cx={curve.head[0]} cy={curve.head[1]} r={2.5} />}
    </>
  );
}

interface ChartProps {
  title: string;
  label: string;
  xTicks: readonly Tick[];
  yTicks: readonly Tick[];
  empty: boolean;
  children: ReactNode;
}

/** A small framed SVG chart: grid lines at the ticks, their labels, and whatever curves it holds. */
function Chart({ title, label, xTicks, yTicks, empty, children }: ChartProps) {
  return (
    <figure className="tr-chart">
      <figcaption className="tr-chart__title">{title}</figcaption>
      <svg className="tr-chart__svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        <rect className="tr-chart__frame" x={FRAME.left} y={FRAME.top} width={FRAME.right - FRAME.left} height={FRAME.bottom - FRAME.top} />
        <g className="tr-chart__grid" aria-hidden="true">
          {yTicks.map((t, i) => (
            <line key={`y${i}`} x1={FRAME.left} x2={FRAME.right} y1={t.at} y2={t.at} />
          ))}
          {xTicks.map((t, i) => (
            <line key={`x${i}`} x1={t.at} x2={t.at} y1={FRAME.top} y2={FRAME.bottom} />
          ))}
        </g>
        <g className="tr-chart__ticks" aria-hidden="true">
          {yTicks.map((t, i) => (
            <text key={`y${i}`} x={FRAME.left - 4} y={t.at} textAnchor="end" dominantBaseline="middle">
              {t.label}
            </text>
          ))}
          {xTicks.map((t, i) => (
            <text key={`x${i}`} x={t.at} y={FRAME.bottom + 12} textAnchor="middle">
              {t.label}
            </text>
          ))}
        </g>
        {empty ? (
          <text className="tr-chart__empty" x={(FRAME.left + FRAME.right) / 2} y={(FRAME.top + FRAME.bottom) / 2} textAnchor="middle" dominantBaseline="middle">
            no steps yet
          </text>
        ) : (
          children
        )}
      </svg>
    </figure>
  );
}
