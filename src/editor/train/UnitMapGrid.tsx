import { UnitMap, useUnitMapState, useUnitMapsVisible } from './UnitMap';

/** A layer card's unit maps: one per output (y0, y1, …), in order, in a small grid. */
export function UnitMapGrid({ id, units }: { id: string; units: number }) {
  const visible = useUnitMapsVisible();
  // A layer's units are all hidden or all scores: its first unit tells.
  const state = useUnitMapState(id, 0);
  if (!visible || state === 'none') return null;
  return (
    <div className="unit-maps-grid" data-testid="unit-map-grid">
      {Array.from({ length: units }, (_, j) => (
        <UnitMap key={j} id={id} unit={j} />
      ))}
    </div>
  );
}
