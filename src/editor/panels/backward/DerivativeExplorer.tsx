import { useId, useMemo, useState } from 'react';
import { sampleOutput } from '../../../document/backward';
import { ancestors } from '../../../document/graph';
import { isLeaf } from '../../../document/ports';
import type { GraphDoc } from '../../../document/types';
import { evaluationOf } from '../../../state/derived';
import { usePlayground } from '../../store/StoreContext';
import { FunctionPlot } from './FunctionPlot';
import { ParamField } from './ParamField';
import { PanelCard } from '../PanelCard';
import { formatExact as exact, formatFixed as fixed } from '../../formatNumber';
import { nameOf } from './format';
import { H_SLIDER, hFromSlider, sliderFromH } from './plotMath';
import '../../controls/controls.css';
import '../panelParts.css';
import './backwardTools.css';
import './DerivativeExplorer.css';

/** Above this many nodes the curve gets fewer samples, so dragging h stays smooth. */
const DENSE_LIMIT = 400;

type LeafGroup = 'value' | 'data' | 'constant';

interface LeafOption {
  id: string;
  name: string;
  group: LeafGroup;
}

const GROUPS: readonly { id: LeafGroup; label: string }[] = [
  { id: 'value', label: 'Values' },
  { id: 'data', label: 'Data' },
  { id: 'constant', label: 'Constants' },
];

/** The leaves the output depends on (those it can be plotted against): values, data inputs, constants. */
function dependentLeaves(doc: GraphDoc): { output: string | null; leaves: LeafOption[] } {
  const evaluation = evaluationOf(doc);
  const output = evaluation.output;
  if (output === null) return { output: null, leaves: [] };
  const upstream = ancestors(doc, output);
  const leaves: LeafOption[] = [];
  for (const id of evaluation.order) {
    const node = doc.nodes[id];
    if (!node || !isLeaf(node) || !upstream.has(id) || !evaluation.values.has(id)) continue;
    const group: LeafGroup = node.kind === 'value' ? 'value' : node.kind === 'constant' ? 'constant' : 'data';
    leaves.push({ id, name: nameOf(doc, id), group });
  }
  const rank = (l: LeafOption) => GROUPS.findIndex((g) => g.id === l.group);
  return { output, leaves: leaves.sort((a, b) => rank(a) - rank(b)) };
}

/**
 * "Derivative explorer": the output as a function of one leaf, the others held, with the
 * tangent whose slope backprop computed and the secant the lecture's bump h gives. Drag h down
 * and the secant turns into the tangent; the bump estimate closes in on the slope.
 */
export function DerivativeExplorer() {
  const doc = usePlayground((s) => s.doc);
  const selected = usePlayground((s) => (s.selection.length === 1 ? s.selection[0]! : null));
  const uid = useId();
  const { output, leaves } = useMemo(() => dependentLeaves(doc), [doc]);
  const [span, setSpan] = useState(5);
  const [h, setH] = useState(0.25);
  const [choice, setChoice] = useState<string | null>(null);
  const [seenSelection, setSeenSelection] = useState(selected);

  const isOption = (id: string | null): id is string => id !== null && leaves.some((l) => l.id === id);
  // Follow the canvas: selecting a leaf there picks it here.
  if (selected !== seenSelection) {
    setSeenSelection(selected);
    if (isOption(selected)) setChoice(selected);
  }
  const leafId = isOption(choice) ? choice : isOption(selected) ? selected : (leaves[0]?.id ?? null);
  const leaf = leaves.find((l) => l.id === leafId) ?? null;

  const count = Object.keys(doc.nodes).length > DENSE_LIMIT ? 101 : 201;
  const samples = useMemo(() => (leafId ? sampleOutput(doc, leafId, span, h, count) : null), [doc, leafId, span, h, count]);

  const outName = output ? nameOf(doc, output) : 'output';
  const leafName = leaf ? (leaf.group === 'constant' ? `constant ${leaf.name}` : leaf.name) : '';

  if (!output || leaves.length === 0 || !leaf) {
    return (
      <PanelCard title="Derivative explorer" testId="derivative-explorer">
        <p className="muted bw-note" data-testid="explorer-hint">
          {output ? 'The output depends on no leaf: wire a Value into the expression to plot against it.' : 'Nothing to plot yet: wire up an expression whose output can be computed.'}
        </p>
      </PanelCard>
    );
  }

  const secantY = samples ? samples.y0 + samples.bumpSlope * h : NaN;
  const rawGap = samples ? samples.bumpSlope - samples.slope : NaN;
  // A linear function's gap is rounding noise (−2.7e-15): call it 0 rather than print it.
  const gap = samples && Math.abs(rawGap) < 1e-9 * Math.max(1, Math.abs(samples.slope)) ? 0 : rawGap;
  const groups = GROUPS.map((g) => ({ ...g, leaves: leaves.filter((l) => l.group === g.id) })).filter((g) => g.leaves.length > 0);
  const option = (l: LeafOption) => (
    <option key={l.id} value={l.id}>
      {l.name}
    </option>
  );

  return (
    <PanelCard
      title="Derivative explorer"
      testId="derivative-explorer"
      aside={
        <span className="muted panel-card__sub num">
          d{outName}/d{leaf.name}
        </span>
      }
    >

      <div className="bw-row">
        <div className="field">
          <label className="field__label" htmlFor={`${uid}-leaf`}>
            leaf
          </label>
          <select
            id={`${uid}-leaf`}
            className="bw-select num"
            value={leaf.id}
            data-testid="explorer-leaf"
            onChange={(e) => setChoice(e.target.value)}
          >
            {groups.length === 1
              ? groups[0]!.leaves.map(option)
              : groups.map((g) => (
                  <optgroup key={g.id} label={g.label}>
                    {g.leaves.map(option)}
                  </optgroup>
                ))}
          </select>
        </div>
        <ParamField label="span ±" value={span} onChange={setSpan} validate={(n) => (n > 0 ? null : 'The span must be greater than 0')} testId="explorer-span" />
      </div>

      <div className="field field--wide">
        <label className="field__label" htmlFor={`${uid}-h`}>
          bump h
        </label>
        <span className="bw-slider">
          <input
            id={`${uid}-h`}
            type="range"
            min={H_SLIDER.min}
            max={H_SLIDER.max}
            step={H_SLIDER.step}
            value={sliderFromH(h)}
            aria-valuetext={`h = ${h}`}
            data-testid="explorer-h-slider"
            onChange={(e) => setH(hFromSlider(Number(e.target.value)))}
          />
          <ParamField label={<span className="sr-only">h</span>} value={h} onChange={setH} validate={(n) => (n > 0 ? null : 'h must be greater than 0')} testId="explorer-h" />
        </span>
      </div>

      {samples ? (
        <>
          <FunctionPlot
            xs={samples.xs}
            ys={samples.ys}
            point={{ x: samples.x0, y: samples.y0 }}
            slope={samples.slope}
            secant={{ x: samples.x0 + h, y: secantY }}
            xLabel={leafName}
            yLabel={outName}
            label={`${outName} as a function of ${leafName} from ${samples.xs[0]} to ${samples.xs[samples.xs.length - 1]}, with the tangent at ${leafName} = ${samples.x0} (slope ${samples.slope}) and the secant to ${leafName} + h`}
            tangentLegend={`tangent, slope ${fixed(samples.slope)}`}
            secantLegend={`secant over h = ${h}`}
          />
          <dl className="bw-readout num">
            <div data-testid="explorer-at">
              <dt>at</dt>{' '}
              <dd>
                {leaf.name} = <span title={exact(samples.x0)}>{fixed(samples.x0)}</span>, {outName} = <span title={exact(samples.y0)}>{fixed(samples.y0)}</span>
              </dd>
            </div>
            <div className="is-tangent" data-testid="explorer-slope" title={exact(samples.slope)}>
              <dt>slope (backprop)</dt>{' '}
              <dd>= {fixed(samples.slope)}</dd>
            </div>
            <div className="is-secant" data-testid="explorer-bump" title={exact(samples.bumpSlope)}>
              <dt>
                bump estimate <span className="bw-nowrap">(f(x+h)−f(x))/h</span>
              </dt>{' '}
              <dd>= {fixed(samples.bumpSlope)}</dd>
            </div>
            <div className="is-gap" title={exact(rawGap)}>
              <dt>difference</dt>{' '}
              <dd>= {fixed(gap)}</dd>
            </div>
          </dl>
          <p className="muted bw-note">Shrink h and the secant turns into the tangent: the bump estimate closes in on the slope backprop found.</p>
        </>
      ) : (
        <p className="muted bw-note" data-testid="explorer-hint">
          The output does not depend on {leafName}.
        </p>
      )}
    </PanelCard>
  );
}
