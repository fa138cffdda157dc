import { memo } from 'react';
import type { Activation } from '../../../nn/activation';
import { nodeResult } from '../../../state/derived';
import { weightWidth } from '../../train/LiveWeightPainter';
import { UnitMap } from '../../train/UnitMap';
import { signOf } from '../../formatNumber';
import { usePlayground } from '../../store/StoreContext';
import { NET_PORTS, portY } from '../portLayout';
import { useNodeField } from '../useNodeNumbers';
import { CompactFrame, CompactText, LabelAndNumber, tintStyle, useShownNumber, type CompactProps } from './CompactCard';

/** The short name a unit wears for its activation, as TensorFlow Playground labels its units. */
const ACTIVATION_MARK: Record<Activation, string> = { relu: 'relu', tanh: 'tanh', sigmoid: 'σ', linear: 'lin' };

/** How an activation is marked on a unit; unknown names are shown as they are. */
function activationMark(a: unknown): string {
  return typeof a === "string" && a in ACTIVATION_MARK ? ACTIVATION_MARK[a as Activation] : String(a ?? "relu");
}

/**
 * A compact neuron, drawn as a network unit: a disc in the colour of its output (sign as hue,
 * size as strength) with its activation in it, beside its name, and its output (grad in
 * Backward mode) as the big number. Its weights are the wires coming in, coloured by sign and as wide as |w| in Train mode.
 */
export const CompactNeuron = memo(function CompactNeuron({ id, selected }: CompactProps) {
  const label = String(useNodeField(id, 'label') ?? '');
  const activation = activationMark(useNodeField(id, 'activation'));
  const { value } = useShownNumber(id);
  const unit = (
    <span className={`compact-unit compact-unit--${signOf(value)}`} style={tintStyle(value)} title={activation}>
      {activation}
    </span>
  );
  return (
    <>
      <LabelAndNumber id={id} selected={selected} label={label} unit={unit} className="compact-card--neuron" />
      <UnitMap id={id} unit={0} className="unit-map--compact" testId="unit-map-compact" />
    </>
  );
});

/** Where, across a compact layer, its inputs' ends and its units sit (shares of the card's width). */
const FAN_FROM = 4;
const FAN_TO = 82;

/**
 * A compact layer, drawn as a column of units (one per output, where its output wire leaves)
 * fed by a small fan of its weights: every input to every unit, coloured by the weight's sign
 * and as wide as |w|, the way TensorFlow Playground draws a layer. Each unit is tinted by its
 * output. The layer's name and activation are written large across it.
 */
export const CompactLayer = memo(function CompactLayer({ id, selected }: CompactProps) {
  const label = String(useNodeField(id, 'label') ?? '');
  const activation = activationMark(useNodeField(id, 'activation'));
  const weights = (useNodeField(id, 'weights') as number[][] | undefined) ?? [];
  const outputs = usePlayground((s) => nodeResult(s, id)?.outputs);
  const backward = usePlayground((s) => s.mode === 'backward');
  const nin = weights[0]?.length ?? 0;
  const shown = (i: number) => {
    const o = outputs?.[i];
    return o ? (backward ? o.grad : o.data) : NaN;
  };
  const first = shown(0);
  const error = outputs === undefined;
  return (
    <CompactFrame value={first} selected={selected} error={error} label={label} className="compact-card--layer">
      <svg className="compact-fan" width="100%" height="100%">
        {weights.map((row, o) =>
          row.map((w, i) => (
            <line
              key={`${o}-${i}`}
              x1={`${FAN_FROM}%`}
              y1={portY(NET_PORTS, i)}
              x2={`${FAN_TO}%`}
              y2={portY(NET_PORTS, o)}
              className={`compact-fan__wire value-edge--${signOf(w)}`}
              strokeWidth={weightWidth(w)}
            />
          )),
        )}
      </svg>
      {Array.from({ length: nin }, (_, i) => (
        <span key={`in${i}`} className="compact-fan__in" style={{ left: `${FAN_FROM}%`, top: portY(NET_PORTS, i) }} />
      ))}
      {weights.map((_, o) => {
        const v = shown(o);
        return (
          <span key={`u${o}`} className={`compact-layer__unit compact-unit--${signOf(v)}`} style={{ left: `${FAN_TO}%`, top: portY(NET_PORTS, o), ...tintStyle(v) }}>
            <UnitMap id={id} unit={o} className="unit-map--layer-unit" testId="unit-map-compact" />
          </span>
        );
      })}
      <span className="compact-layer__title">
        <CompactText className="compact-card__label" text={label || 'layer'} />
        <CompactText className="compact-layer__act" text={`${nin}→${weights.length} ${activation}`} />
      </span>
    </CompactFrame>
  );
});
