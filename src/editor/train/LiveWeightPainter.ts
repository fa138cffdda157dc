import type { PlaygroundStore } from '../../state/store';
import { paramKey } from '../../training/worker/trainingStatus';

/** Stroke width for a weight: TensorFlow Playground's look, thin near 0, capped. */
export function weightWidth(w: number): number {
  return 0.75 + Math.min(5, Math.abs(w) * 2.5);
}

/**
 * Paints the weights the worker is training onto the wires into neurons, live, by setting the
 * SVG paths' colour and width directly. Going through React would re-render hundreds of edges
 * thirty times a second and take the page's frame rate with it; React draws the wires from the
 * document's weights, and this keeps them current in between, five times a second.
 */
/** Repaint the wires at most this often: hundreds of paths are expensive to raster in software. */
const PAINT_EVERY_MS = 200;

export class LiveWeightPainter {
  private frame = 0;
  private lastPaint = 0;
  private readonly unsubscribe: () => void;

  constructor(private readonly store: PlaygroundStore) {
    this.unsubscribe = store.subscribe((s, prev) => {
      if (s.training.params !== prev.training.params && s.mode === 'train' && !this.frame) {
        const wait = Math.max(0, this.lastPaint + PAINT_EVERY_MS - performance.now());
        this.frame = window.setTimeout(() => requestAnimationFrame(() => this.paint()), wait);
      }
    });
  }

  destroy(): void {
    this.unsubscribe();
    clearTimeout(this.frame);
  }

  private paint(): void {
    this.frame = 0;
    this.lastPaint = performance.now();
    const { doc, training } = this.store.getState();
    const { params, paramIndex } = training;
    if (!params || !paramIndex) return;
    for (const wire of Object.values(doc.wires)) {
      const node = doc.nodes[wire.target];
      if (node?.kind !== 'neuron') continue;
      const index = paramIndex.get(paramKey(wire.target, 'weight', 0, Number(wire.port.slice(1))));
      if (index === undefined) continue;
      const w = params[index]!;
      const path = document.getElementById(wire.id);
      if (!path) continue; // off screen: React Flow did not render it
      path.style.strokeWidth = String(weightWidth(w));
      path.classList.toggle('value-edge--pos', w > 0);
      path.classList.toggle('value-edge--neg', w < 0);
      path.classList.toggle('value-edge--zero', w === 0 || !Number.isFinite(w));
    }
  }
}
