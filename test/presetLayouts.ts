// The bundled ELK runs on the calling thread: fine in Node (tests, scripts), never in the app.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { CardSize, Placement } from '../src/document/presets/storedLayout';
import type { GraphDoc } from '../src/document/types';
import { fromElkGraph, layoutInputFromDoc, toElkGraph } from '../src/editor/layout/elkGraph';

const elk = new ELK();

/**
 * Where Tidy puts `doc`'s nodes when its cards measure `sizes` (one per node, in document
 * order): the app's own ELK graph and options, with ELK run here in Node instead of its worker.
 * Used by scripts/presetLayouts.ts to write the presets' stored layouts and by
 * presetLayouts.test.ts to check them.
 */
export async function tidyPlacements(doc: GraphDoc, sizes: readonly CardSize[]): Promise<Placement[]> {
  const nodes = Object.values(doc.nodes);
  if (sizes.length !== nodes.length) throw new RangeError(`${nodes.length} nodes but ${sizes.length} card sizes`);
  const sizeOf = new Map(nodes.map((n, i) => [n.id, sizes[i]!]));
  const positions = fromElkGraph(await elk.layout(toElkGraph(layoutInputFromDoc(doc, (id) => sizeOf.get(id)))));
  return nodes.map((n) => {
    const p = positions.get(n.id)!;
    const s = sizeOf.get(n.id)!;
    return [p.x, p.y, s.width, s.height] as const;
  });
}
