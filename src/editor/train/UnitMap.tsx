import { useEffect, useRef } from 'react';
import { readThemeColors } from '../../renderers/themeColors';
import type { UnitMaps } from '../../training/worker/unitMaps';
import { usePlayground, usePlaygroundStore } from '../store/StoreContext';
import { fillUnitMap } from './unitMapPixels';
import { useUnitMapsShown } from './unitMapsView';
import './UnitMap.css';

/** Where each unit's map sits in a report, built once per report. */
const indexCache = new WeakMap<UnitMaps, Map<string, number>>();

function indexOf(maps: UnitMaps, nodeId: string, unit: number): number {
  let index = indexCache.get(maps);
  if (!index) {
    index = new Map(maps.units.map((u, i) => [`${u.nodeId}/${u.unit}`, i]));
    indexCache.set(maps, index);
  }
  return index.get(`${nodeId}/${unit}`) ?? -1;
}

/** Whether a unit's map is awaited (no maps yet), drawn, or not made (the output's map is the decision map). */
export function useUnitMapState(id: string, unit: number): 'waiting' | 'ready' | 'none' {
  return usePlayground((s) => (s.training.unitMaps === null ? 'waiting' : indexOf(s.training.unitMaps, id, unit) >= 0 ? 'ready' : 'none'));
}

/** Whether unit maps are on screen: switched on, and in Train mode, where the weights train. */
export function useUnitMapsVisible(): boolean {
  const shown = useUnitMapsShown();
  const training = usePlayground((s) => s.mode === 'train');
  return shown && training;
}

/**
 * One hidden unit's heatmap: its activation over the same plane as the Train panel's decision
 * map, as TensorFlow Playground draws beside each unit; hovering enlarges it. Shown in Train
 * mode while the panel's "unit maps" toggle is on. The worker sends new maps a few times a
 * second; they are painted straight onto the canvas, without re-rendering the card.
 */
export function UnitMap({ id, unit, className, testId = 'unit-map' }: { id: string; unit: number; className?: string; testId?: string }) {
  const visible = useUnitMapsVisible();
  // Before the first maps arrive every unit waits; then only the hidden units the worker mapped
  // show (the output's picture is the decision map itself).
  const state = useUnitMapState(id, unit);
  if (!visible || state === 'none') return null;
  return <UnitMapCanvas id={id} unit={unit} ready={state === 'ready'} className={className} testId={testId} />;
}

function UnitMapCanvas({ id, unit, ready, className, testId }: { id: string; unit: number; ready: boolean; className?: string; testId: string }) {
  const store = usePlaygroundStore();
  const ref = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const colors = readThemeColors(canvas);
    let image: ImageData | null = null;
    const paint = (maps: UnitMaps | null) => {
      const i = maps ? indexOf(maps, id, unit) : -1;
      // CPU-backed: a 24 × 24 putImageData is cheaper there than a GPU upload per map.
      const context = canvas.getContext('2d', { willReadFrequently: true });
      if (!maps || i < 0 || !context) return;
      if (canvas.width !== maps.size) canvas.width = canvas.height = maps.size;
      if (!image || image.width !== maps.size) image = context.createImageData(maps.size, maps.size);
      const max = fillUnitMap(maps.values, i * maps.size * maps.size, maps.size, colors, image.data);
      context.putImageData(image, 0, 0);
      canvas.title = `This unit's output over the input plane (largest |value| ${max.toPrecision(3)}): blue positive, orange negative`;
    };
    paint(store.getState().training.unitMaps);
    return store.subscribe((s, prev) => {
      if (s.training.unitMaps !== prev.training.unitMaps) paint(s.training.unitMaps);
    });
  }, [store, id, unit, ready]);

  return (
    <canvas
      ref={ref}
      className={`unit-map nodrag${ready ? '' : ' is-waiting'}${className ? ` ${className}` : ''}`}
      width={24}
      height={24}
      data-testid={testId}
      data-unit={unit}
      title={ready ? undefined : 'Train a step to see what this unit computes over the plane'}
      aria-hidden="true"
    />
  );
}
