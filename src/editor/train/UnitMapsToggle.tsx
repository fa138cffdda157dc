import { setUnitMapsShown, useUnitMapsShown } from './unitMapsView';

/** The Train panel's switch for the hidden units' own heatmaps on the canvas. */
export function UnitMapsToggle() {
  const shown = useUnitMapsShown();
  return (
    <label className="unit-maps-toggle" title="Draw beside every hidden neuron its output over the input plane, as TensorFlow Playground does; hover one to enlarge it">
      <input type="checkbox" checked={shown} onChange={(e) => setUnitMapsShown(e.target.checked)} data-testid="unit-maps-toggle" /> Unit maps: each
      hidden neuron&apos;s output over the plane, on the canvas
    </label>
  );
}
