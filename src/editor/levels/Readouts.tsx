import type { Readout } from '../../levels';

/** The level's live numbers under its checks; a series is drawn as a small curve (log scale, so a jump and a stall both show). */
export function Readouts({ readouts }: { readouts: readonly Readout[] }) {
  if (readouts.length === 0) return null;
  return (
    <dl className="goal-readouts">
      {readouts.map((r) => (
        <div key={r.id} className="goal-readout" data-testid={`readout-${r.id}`}>
          <dt>{r.label}</dt>
          <dd>
            <span className="num" data-testid={`readout-${r.id}-value`}>
              {r.text}
            </span>
            {r.series && r.series.length > 1 && <Sparkline series={r.series} />}
          </dd>
        </div>
      ))}
    </dl>
  );
}

const W = 160;
const H = 36;

function Sparkline({ series }: { series: readonly number[] }) {
  // Losses span 8 down to 0.001: a log scale keeps the tail visible.
  const ys = series.map((v) => Math.log10(Math.max(v, 1e-4)));
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  const span = hi - lo || 1;
  const points = ys.map((y, i) => `${((i / (ys.length - 1)) * W).toFixed(1)},${(H - 2 - ((y - lo) / span) * (H - 4)).toFixed(1)}`).join(' ');
  return (
    <svg className="goal-readout__curve" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`curve of ${series.length} values`} data-testid="readout-curve">
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
