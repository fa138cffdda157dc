import { useEffect, useId, useRef, useState, type MouseEvent, type PointerEvent } from 'react';
import { MAX_POINTS, getDatasetInfo } from '../../data';
import type { TrainingSetup } from '../../document/types';
import { BoundaryPlot } from '../../renderers/boundary/BoundaryPlot';
import { createPlotMapping, plotRangesOf, plotRect, type PlotMapping } from '../../renderers/plotMapping';
import { sampleGraph, sampleLesson } from '../../training/explainSample';
import { datasetsOf, setupOf } from '../../training/setup';
import { usePlayground, usePlaygroundStore } from '../store/StoreContext';
import { plotDescription } from './plotDescription';
import '../controls/controls.css';
import '../panels/panelParts.css';
import '../sceneCanvas.css';
import './TrainPanel.css';
import './DataPlot.css';

type Label = 1 | -1;
const MINUS = '\u2212';

/** Whether the setup's points have two features, so they can be drawn on a plane. */
function isPlanar(setup: TrainingSetup): boolean {
  return setup.imported !== null || getDatasetInfo(setup.dataset.kind).dimension === 2;
}

/** The mapping the renderer uses for the host's current size; the canvas fills the host's padding box. */
function mappingOf(host: HTMLElement, setup: TrainingSetup): PlotMapping {
  const [xRange, yRange] = plotRangesOf(setup);
  return createPlotMapping(xRange, yRange, plotRect(host.clientWidth, host.clientHeight));
}

/** Pointer position inside the host's padding box, where the canvas is. */
function localPoint(host: HTMLElement, e: { clientX: number; clientY: number }): [number, number] {
  const r = host.getBoundingClientRect();
  return [e.clientX - r.left - host.clientLeft, e.clientY - r.top - host.clientTop];
}

/** Rounds a coordinate to about a thousandth of the plot's span: tidy in the saved file, exact enough. */
function tidy(v: number, span: number): number {
  const decimals = Math.min(12, Math.max(0, Math.ceil(-Math.log10(span / 1000))));
  return Number(v.toFixed(decimals)) + 0;
}

function formatCoord(v: number): string {
  const text = Math.abs(v).toFixed(2);
  return v < 0 && Number(text) !== 0 ? `${MINUS}${text}` : text;
}

/**
 * The Train panel's plot: the data and, once the network trains, its decision boundary. A
 * click adds a training point of the chosen class where you clicked, so you can poke the
 * boundary and watch the network bend around your point. Only for 2-feature datasets; the
 * lecture's 3-feature samples get a note instead.
 *
 * React draws only the chrome; the plot itself is a BoundaryPlot: a pixi canvas drawn in a
 * worker, fed from the store.
 */
export function DataPlot() {
  const store = usePlaygroundStore();
  const setup = usePlayground((s) => setupOf(s.doc));
  const hasBoundary = usePlayground((s) => s.training.boundary !== null);
  const [label, setLabel] = useState<Label | 'inspect'>(1);
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const classLabelId = useId();

  if (!isPlanar(setup)) {
    return (
      <div className="tr-plot tr-plot--none callout" data-testid="data-plot-note">
        <p className="tr-note">
          {getDatasetInfo(setup.dataset.kind).label} has {getDatasetInfo(setup.dataset.kind).dimension} features per point, so
          there is no plane to draw it on. Pick a 2-feature dataset (moons, circles, …) to see the decision boundary and add
          points by clicking.
        </p>
      </div>
    );
  }

  return (
    <div className="tr-plot">
      <div className="tr-plot__bar">
        <span className="field__label" id={classLabelId}>
          click to
        </span>
        <div className="segmented tr-segmented" role="radiogroup" aria-labelledby={classLabelId}>
          {([1, -1] as const).map((l) => (
            <button
              key={l}
              type="button"
              role="radio"
              aria-checked={label === l}
              className={l > 0 ? 'is-pos' : 'is-neg'}
              onClick={() => setLabel(l)}
              data-testid={l > 0 ? 'add-class-pos' : 'add-class-neg'}
              title={`Click the plot to add a point of class ${l > 0 ? '+1' : `${MINUS}1`}`}
            >
              add {l > 0 ? '+1' : `${MINUS}1`}
            </button>
          ))}
          <button
            type="button"
            role="radio"
            aria-checked={label === 'inspect'}
            onClick={() => setLabel('inspect')}
            data-testid="inspect-point"
            title="Click a point to open its forward and backward graph on the canvas, neurons as cards you can expand"
          >
            open graph
          </button>
        </div>
        <button
          type="button"
          className="tool-button tr-plot__clear"
          disabled={setup.added.length === 0}
          onClick={() => store.getState().updateSetup({ added: [] })}
          data-testid="clear-added"
        >
          Clear added points
        </button>
      </div>
      <PlotHost label={label} onTooLarge={setTooLarge} />
      {tooLarge && (
        <div className="callout callout--warn" role="alert" data-testid="sample-too-large">
          {tooLarge}
          <button type="button" className="tool-button" onClick={() => setTooLarge(null)}>
            OK
          </button>
        </div>
      )}
      <div className="tr-legend" aria-hidden="true">
        <span>
          <i className="tr-mark tr-mark--train" /> train
        </span>
        <span>
          <i className="tr-mark tr-mark--test" /> test
        </span>
        <span>
          <i className="tr-mark tr-mark--added" /> added
        </span>
        <span className="tr-legend__classes">
          <i className="tr-swatch tr-swatch--pos" /> +1 <i className="tr-swatch tr-swatch--neg" /> {MINUS}1
        </span>
      </div>
      {!hasBoundary && <p className="tr-note muted">The background shows what the network predicts once it has trained a step.</p>}
    </div>
  );
}

/** The box the renderer draws in, and the click that adds a point. */
function PlotHost({ label, onTooLarge }: { label: Label | 'inspect'; onTooLarge(reason: string | null): void }) {
  const store = usePlaygroundStore();
  const hostRef = useRef<HTMLDivElement>(null);
  const coordsRef = useRef<HTMLOutputElement>(null);
  const [failed, setFailed] = useState(false);
  // The canvas in words for screen readers; a string, so a training report re-renders this
  // only when a printed accuracy changes.
  const described = usePlayground((s) => {
    const last = s.training.history.at(-1);
    return plotDescription(datasetsOf(setupOf(s.doc)), last && { train: last.trainAccuracy, test: last.testAccuracy });
  });

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    // A fresh plot per effect run: under StrictMode the first is destroyed at once, canvas and all.
    const plot = new BoundaryPlot(store, (reason) => {
      console.error('The data plot could not start (is WebGL available?):', reason);
      setFailed(true);
    });
    plot.mount(host);
    return () => plot.destroy();
  }, [store]);

  function addPoint(e: MouseEvent<HTMLDivElement>) {
    if (e.button !== 0) return;
    if (label === 'inspect') {
      openPoint(e);
      return;
    }
    const state = store.getState();
    const setup = setupOf(state.doc);
    if (datasetsOf(setup).all.x.length >= MAX_POINTS) {
      state.notify('error', `The dataset already has ${MAX_POINTS} points, the most training can handle. Clear added points first.`);
      return;
    }
    const host = e.currentTarget;
    const mapping = mappingOf(host, setup);
    const [px, py] = localPoint(host, e);
    const [x, y] = mapping.toData(px, py);
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    const point = {
      x: [tidy(x, mapping.xRange[1] - mapping.xRange[0]), tidy(y, mapping.yRange[1] - mapping.yRange[0])],
      label,
    };
    state.updateSetup({ added: [...setup.added, point] });
  }

  /** The point nearest the click opens as its graph on the canvas (neurons as cards), forward and backward. */
  function openPoint(e: MouseEvent<HTMLDivElement>) {
    const state = store.getState();
    const setup = setupOf(state.doc);
    const host = e.currentTarget;
    const mapping = mappingOf(host, setup);
    const [px, py] = localPoint(host, e);
    const data = datasetsOf(setup).all;
    let best = -1;
    let bestD = 14 * 14;
    data.x.forEach((p, i) => {
      const [qx, qy] = mapping.toPixel(p[0]!, p[1]!);
      const d = (qx - px) ** 2 + (qy - py) ** 2;
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    });
    if (best < 0) {
      state.notify('info', 'Click on a data point to open its graph.');
      return;
    }
    const point = { x: data.x[best]!, label: data.y[best]! };
    const graph = sampleGraph(state.doc, point);
    if (!graph.ok) {
      onTooLarge(graph.reason);
      return;
    }
    onTooLarge(null);
    state.loadDocument(graph.doc, { layout: true });
    state.setMode('backward');
    state.backward();
    // Info, not success: it stays up longer, and it is a lesson to read rather than a confirmation.
    state.notify(
      'info',
      `The point (${formatCoord(point.x[0]!)}, ${formatCoord(point.x[1]!)}) of class ${point.label > 0 ? '+1' : '−1'}: its ${graph.neurons} neurons as cards, grads from one backward pass; expand a neuron (⤢) to see its ops. ${sampleLesson(graph)} Undo returns to the network.`,
    );
  }

  function showCoords(e: PointerEvent<HTMLDivElement>) {
    const out = coordsRef.current;
    if (!out) return;
    const host = e.currentTarget;
    const [x, y] = mappingOf(host, setupOf(store.getState().doc)).toData(...localPoint(host, e));
    out.textContent = `x1 ${formatCoord(x)}   x2 ${formatCoord(y)}`;
  }

  function hideCoords() {
    if (coordsRef.current) coordsRef.current.textContent = '';
  }

  const name = label === 'inspect' ? 'open its graph' : label > 0 ? '+1' : `${MINUS}1`;
  return (
    <div
      ref={hostRef}
      className="tr-plot__host"
      role="img"
      aria-label={`${label === 'inspect' ? 'The data and the decision boundary. Click a point to open its graph.' : `The data and the decision boundary. Click to add a training point of class ${name}.`} ${described}`}
      title={label === 'inspect' ? 'Click a point to open its graph' : `Click to add a point of class ${name}`}
      onClick={addPoint}
      onPointerMove={showCoords}
      onPointerLeave={hideCoords}
      data-testid="data-plot"
    >
      <output ref={coordsRef} className="tr-plot__coords num" aria-hidden="true" />
      {failed && <p className="tr-plot__failed muted">The plot needs WebGL, which this browser did not provide.</p>}
    </div>
  );
}
