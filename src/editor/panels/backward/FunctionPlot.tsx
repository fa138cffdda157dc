import { useId, useMemo, type ReactNode } from 'react';
import { clipSegment, curvePieces, pathData, scale, tickLabel, ticks, tickStep, yRange, type Point, type Range } from './plotMath';
import '../../controls/controls.css';
import './FunctionPlot.css';

interface PlotPoint {
  x: number;
  y: number;
}

interface FunctionPlotProps {
  /** The sampled curve y = f(x); NaN or ±Infinity samples break it. */
  xs: readonly number[];
  ys: readonly number[];
  /** The point of interest (x0, f(x0)), drawn as a dot. */
  point?: PlotPoint | null;
  /** Slope of the tangent through `point` (the backprop slope), drawn solid in the accent colour. */
  slope?: number | null;
  /** A second point on the curve, (x0 + h, f(x0 + h)): the dashed secant runs through it and `point`. */
  secant?: PlotPoint | null;
  /** Axis names: the input (a leaf) and the output. */
  xLabel: string;
  yLabel: string;
  /** What the plot shows, for screen readers. */
  label: string;
  /** Legend text for the tangent and the secant. */
  tangentLegend?: string;
  secantLegend?: string;
  /** The drawing's size in viewBox units; it scales to the width of its container. */
  width?: number;
  height?: number;
}

const MARGIN = { left: 48, right: 10, top: 10, bottom: 36 };
const R = (v: number) => Math.round(v * 100) / 100;

function segmentPx([a, b]: readonly [Point, Point], toPx: (p: Point) => Point): { x1: number; y1: number; x2: number; y2: number } {
  const [x1, y1] = toPx(a);
  const [x2, y2] = toPx(b);
  return { x1: R(x1), y1: R(y1), x2: R(x2), y2: R(y2) };
}

/** One entry of the plot's legend: a short sample of the line's style, then what it is. */
function LegendKey({ line, children }: { line: string; children: ReactNode }) {
  return (
    <span className="fplot__key">
      <svg width="22" height="8" aria-hidden="true">
        <line className={line} x1="1" y1="4" x2="21" y2="4" />
      </svg>
      {children}
    </span>
  );
}

/** Extends the line through `p` with `slope` across [xMin, xMax], clipped to the y range. */
function lineAcross(p: PlotPoint, slope: number, x: Range, y: Range): [Point, Point] | null {
  if (![p.x, p.y, slope].every(Number.isFinite)) return null;
  const a: Point = [x.min, p.y + slope * (x.min - p.x)];
  const b: Point = [x.max, p.y + slope * (x.max - p.x)];
  return clipSegment(a, b, y.min, y.max);
}

/**
 * A small SVG plot of y = f(x) with the tangent and a secant at one point: what the lecture
 * draws to show that the derivative is the slope, and that (f(x+h) − f(x))/h only approaches
 * it as h shrinks. Axes with round ticks; the curve breaks where f is not finite.
 */
export function FunctionPlot({
  xs,
  ys,
  point,
  slope,
  secant,
  xLabel,
  yLabel,
  label,
  tangentLegend = 'tangent: slope from backprop',
  secantLegend = 'secant through x and x + h',
  width = 300,
  height = 200,
}: FunctionPlotProps) {
  const clipId = `fplot-clip-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const frame = { left: MARGIN.left, right: width - MARGIN.right, top: MARGIN.top, bottom: height - MARGIN.bottom };

  // Primitives, so a parent passing fresh objects each render does not redo the geometry.
  const px = point?.x ?? NaN;
  const py = point?.y ?? NaN;
  const qx = secant?.x ?? NaN;
  const qy = secant?.y ?? NaN;
  const m = slope ?? NaN;

  const geometry = useMemo(() => {
    const finiteXs = xs.filter(Number.isFinite);
    if (finiteXs.length < 2) return null;
    const x: Range = { min: Math.min(...finiteXs), max: Math.max(...finiteXs) };
    if (!(x.max > x.min)) return null;
    const y = yRange(ys, [py, qy]);
    if (!y) return null;
    const sx = scale(x, { min: frame.left, max: frame.right });
    const sy = scale(y, { min: frame.bottom, max: frame.top });
    const toPx = ([a, b]: Point): Point => [sx(a), sy(b)];
    const curve = pathData(curvePieces(xs, ys, y.min, y.max).map((piece) => piece.map(toPx)));
    const p0 = { x: px, y: py };
    const tangent = lineAcross(p0, m, x, y);
    const secantLine = qx !== px ? lineAcross(p0, (qy - py) / (qx - px), x, y) : null;
    return {
      x,
      y,
      sx,
      sy,
      curve,
      tangent: tangent && segmentPx(tangent, toPx),
      secant: secantLine && segmentPx(secantLine, toPx),
      xTicks: ticks(x, 5),
      yTicks: ticks(y, 4),
      xStep: tickStep(x, 5),
      yStep: tickStep(y, 4),
    };
  }, [xs, ys, px, py, qx, qy, m, frame.left, frame.right, frame.top, frame.bottom]);

  if (!geometry) {
    return (
      <div className="fplot fplot--empty" role="img" aria-label={`${label}: nothing finite to plot`}>
        <p className="muted">Nothing finite to plot here.</p>
      </div>
    );
  }

  const { x, y, sx, sy } = geometry;
  const inView = (p: PlotPoint | null | undefined): p is PlotPoint =>
    !!p && Number.isFinite(p.x) && Number.isFinite(p.y) && p.x >= x.min && p.x <= x.max && p.y >= y.min && p.y <= y.max;
  const showPoint = inView(point);
  const showSecantPoint = showPoint && inView(secant);

  return (
    <figure className="fplot">
      <svg className="fplot__svg" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
        <defs>
          <clipPath id={clipId}>
            <rect x={frame.left} y={frame.top} width={frame.right - frame.left} height={frame.bottom - frame.top} />
          </clipPath>
        </defs>

        <rect className="fplot__frame" x={frame.left} y={frame.top} width={frame.right - frame.left} height={frame.bottom - frame.top} />
        <g className="fplot__grid" aria-hidden="true">
          {geometry.xTicks.map((t) => (
            <line key={`gx${t}`} className={t === 0 ? 'is-zero' : undefined} x1={R(sx(t))} x2={R(sx(t))} y1={frame.top} y2={frame.bottom} />
          ))}
          {geometry.yTicks.map((t) => (
            <line key={`gy${t}`} className={t === 0 ? 'is-zero' : undefined} x1={frame.left} x2={frame.right} y1={R(sy(t))} y2={R(sy(t))} />
          ))}
        </g>
        <g className="fplot__ticks" aria-hidden="true">
          {geometry.xTicks.map((t) => (
            <text key={`tx${t}`} x={R(sx(t))} y={frame.bottom + 13} textAnchor="middle">
              {tickLabel(t, geometry.xStep)}
            </text>
          ))}
          {geometry.yTicks.map((t) => (
            <text key={`ty${t}`} x={frame.left - 5} y={R(sy(t))} textAnchor="end" dominantBaseline="middle">
              {tickLabel(t, geometry.yStep)}
            </text>
          ))}
        </g>
        <g className="fplot__axis-labels" aria-hidden="true">
          <text x={(frame.left + frame.right) / 2} y={height - 6} textAnchor="middle">
            {xLabel}
          </text>
          <text x={12} y={(frame.top + frame.bottom) / 2} textAnchor="middle" transform={`rotate(-90 12 ${(frame.top + frame.bottom) / 2})`}>
            {yLabel}
          </text>
        </g>

        <g clipPath={`url(#${clipId})`}>
          <path className="fplot__curve" d={geometry.curve} />
          {showSecantPoint && (
            <path
              className="fplot__run-rise"
              d={`M${R(sx(point.x))} ${R(sy(point.y))}H${R(sx(secant.x))}V${R(sy(secant.y))}`}
              aria-hidden="true"
            />
          )}
          {geometry.secant && (
            <line className="fplot__secant" {...geometry.secant} />
          )}
          {geometry.tangent && (
            <line className="fplot__tangent" {...geometry.tangent} />
          )}
          {showSecantPoint && <circle className="fplot__point2" cx={R(sx(secant.x))} cy={R(sy(secant.y))} r={3.5} />}
          {showPoint && <circle className="fplot__point" cx={R(sx(point.x))} cy={R(sy(point.y))} r={4.5} />}
        </g>
      </svg>
      {(geometry.tangent || geometry.secant) && (
        <figcaption className="fplot__legend">
          {geometry.tangent && <LegendKey line="fplot__tangent">{tangentLegend}</LegendKey>}
          {geometry.secant && <LegendKey line="fplot__secant">{secantLegend}</LegendKey>}
        </figcaption>
      )}
    </figure>
  );
}
