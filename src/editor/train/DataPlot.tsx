import { useEffect, useId, useRef, useState, type MouseEvent, type PointerEvent } from 'react';
import { getDatasetInfo } from '../../data';
import type { TrainingSetup } from '../../document/types';
import { BoundaryPlot } from '../../renderers/boundary/BoundaryPlot';
import { sampleGraph, sampleLesson } from '../../training/explainSample';
import { datasetsOf, setupOf } from '../../training/setup';
import { setupClasses } from '../../training/setupClasses';
import { usePlayground, usePlaygroundStore } from '../store/StoreContext';
import { classChoices } from './classChoices';
import { localPoint, mappingOf, useBrush } from './useBrush';
import { plotDescription } from './plotDescription';
import { ClassButtons, ClassLegend } from './ClassButtons';
import { classText } from './classColours';
import '../controls/controls.css';
import '../panels/panelParts.css';
import '../sceneCanvas.css';
import './TrainPanel.css';
import './DataPlot.css';

/** A class to paint (±1 for two classes, 0..k−1 for more), or the eraser. */
type Label = number | 'erase';
const MINUS = '\u2212';

/** Whether the setup's points have two features, so they can be drawn on a plane. */
function isPlanar(setup: TrainingSetup): boolean {
  return setup.imported !== null || getDatasetInfo(setup.dataset.kind).dimension === 2;
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
  const classes = setupClasses(setup);
  // A k-class dataset numbers its classes 0..k−1: a ±1 choice left over from two classes becomes class 0.
  const adding: Label | 'inspect' = label === 'inspect' || label === 'erase' || classes === 2 || (label >= 0 && label < classes) ? label : 0;

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
          click or drag to
        </span>
        <div className="segmented tr-segmented" role="radiogroup" aria-labelledby={classLabelId}>
          {classes > 2 && <ClassButtons classes={classes} label={adding} onPick={setLabel} />}
          {classes === 2 && classChoices().map((c) => (
            <button
              key={c.label}
              type="button"
              role="radio"
              aria-checked={label === c.label}
              className={`is-${c.tone}`}
              onClick={() => setLabel(c.label)}
              data-testid={`add-class-${c.tone}`}
              title={`Click the plot to add a point of class ${c.text}, or drag to paint several (more where you move slowly)`}
            >
              add {c.text}
            </button>
          ))}
          <button
            type="button"
            role="radio"
            aria-checked={label === 'erase'}
            onClick={() => setLabel('erase')}
            data-testid="erase-points"
            title="Drag over points you added to remove them"
          >
            erase
          </button>
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
      <PlotHost label={adding} onTooLarge={setTooLarge} />
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
        {classes > 2 ? (
          <ClassLegend classes={classes} />
        ) : (
          <span className="tr-legend__classes">
            <i className="tr-swatch tr-swatch--pos" /> +1 <i className="tr-swatch tr-swatch--neg" /> {MINUS}1
          </span>
        )}
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

  const brush = useBrush(store, label === 'inspect' ? null : label === 'erase' ? { kind: 'erase' } : { kind: 'paint', label });

  function click(e: MouseEvent<HTMLDivElement>) {
    if (e.button === 0 && label === 'inspect') openPoint(e);
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
      `The point (${formatCoord(point.x[0]!)}, ${formatCoord(point.x[1]!)}) of class ${classText(point.label, setupClasses(setup))}: its ${graph.neurons} neurons as cards, grads from one backward pass; expand a neuron (⤢) to see its ops. ${sampleLesson(graph)} Undo returns to the network.`,
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

  const k = setupClasses(setupOf(store.getState().doc));
  const className = k > 2 ? String(label) : (classChoices().find((c) => c.label === label)?.text ?? String(label));
  const what =
    label === 'inspect'
      ? 'Click a point to open its graph.'
      : label === 'erase'
        ? 'Drag over added points to erase them.'
        : `Click to add a training point of class ${className}, or drag to paint several.`;
  return (
    <div
      ref={hostRef}
      className="tr-plot__host"
      role="img"
      aria-label={`The data and the decision boundary. ${what} ${described}`}
      title={what}
      // Painting and erasing take the touch drag for themselves; opening a graph leaves it to the page.
      style={{ touchAction: label === 'inspect' ? 'manipulation' : 'none' }}
      onClick={click}
      onPointerDown={brush.onPointerDown}
      onPointerMove={(e) => {
        showCoords(e);
        brush.onPointerMove(e);
      }}
      onPointerUp={brush.onPointerUp}
      onPointerCancel={brush.onPointerCancel}
      onPointerLeave={hideCoords}
      data-testid="data-plot"
    >
      <output ref={coordsRef} className="tr-plot__coords num" aria-hidden="true" />
      {failed && <p className="tr-plot__failed muted">The plot needs WebGL, which this browser did not provide.</p>}
    </div>
  );
}
