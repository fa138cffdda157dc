import type { FlowGeometry } from '../flowGeometry';
import type { NodeBox, Viewport } from './protocol';

/**
 * The node editor's geometry as last reported by the host: the scene cannot reach React Flow
 * from a worker, so it reads this copy, which answers the same questions.
 */
export class GeometrySnapshot implements FlowGeometry {
  private boxes = new Map<string, NodeBox>();
  private view: Viewport = { x: 0, y: 0, zoom: 1 };

  setBoxes(boxes: readonly NodeBox[]): void {
    this.boxes = new Map(boxes.map((b) => [b.id, b]));
  }

  setViewport(viewport: Viewport): void {
    this.view = viewport;
  }

  viewport(): Viewport {
    return this.view;
  }

  nodeRect(id: string): { x: number; y: number; width: number; height: number } | null {
    const b = this.boxes.get(id);
    return b ? { x: b.x, y: b.y, width: b.width, height: b.height } : null;
  }

  handle(id: string, type: 'source' | 'target', handleId: string): { x: number; y: number } | null {
    const b = this.boxes.get(id);
    const handles = type === 'source' ? b?.sources : b?.targets;
    // A node drawn before its handles were measured has none; a renamed port falls back to the first.
    const h = handles?.find((x) => x.id === handleId) ?? handles?.[0];
    return h ? { x: h.x, y: h.y } : null;
  }
}

/** True when two reports place every node and handle identically (nothing to resend). */
export function sameBoxes(a: readonly NodeBox[], b: readonly NodeBox[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const p = a[i]!;
    const q = b[i]!;
    if (p.id !== q.id || p.x !== q.x || p.y !== q.y || p.width !== q.width || p.height !== q.height) return false;
    if (!sameHandles(p.sources, q.sources) || !sameHandles(p.targets, q.targets)) return false;
  }
  return true;
}

function sameHandles(a: NodeBox['sources'], b: NodeBox['sources']): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.id !== b[i]!.id || a[i]!.x !== b[i]!.x || a[i]!.y !== b[i]!.y) return false;
  return true;
}
