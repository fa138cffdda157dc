import type { DocNode, GraphDoc } from '../types';
import stored from './layouts.json' with { type: 'json' };
import type { Preset } from './types';

/**
 * Examples ship laid out. Running ELK on the first visit cost a 480 kB (gzip) worker download
 * and 1–2 s before the lecture's graph appeared; instead each preset carries the positions
 * Tidy gives it, made by `npx tsx scripts/presetLayouts.ts` (ELK in Node on the card sizes
 * Chromium draws) and checked against ELK by storedLayout.test.ts, so they cannot drift.
 */

/** A card's size in px (React Flow's measure: offsetWidth × offsetHeight). */
export interface CardSize {
  width: number;
  height: number;
}

/** One node's place and the card size it was laid out for: [x, y, width, height]. */
export type Placement = readonly [number, number, number, number];

/** Per preset id, one placement per node, in the order the preset's build() makes its nodes. */
export type StoredLayouts = Readonly<Record<string, readonly Placement[]>>;

/** The layouts in layouts.json. */
export const STORED_LAYOUTS = stored as unknown as StoredLayouts;

/** The card sizes behind each placed document's positions, by its (untouched) nodes record. */
const sizesByNodes = new WeakMap<GraphDoc['nodes'], ReadonlyMap<string, CardSize>>();

/**
 * `preset`, whose build() places every node where its stored layout says. Without a stored
 * layout, or one for another node count (the preset changed and the script was not rerun:
 * the unit test says so), build() is the preset's own and a load lays it out with ELK.
 */
export function withStoredLayout(preset: Preset, layouts: StoredLayouts = STORED_LAYOUTS): Preset {
  const placements = layouts[preset.id];
  if (!placements) return preset;
  return {
    ...preset,
    build() {
      const doc = preset.build();
      const nodes = Object.values(doc.nodes);
      if (nodes.length !== placements.length) return doc;
      const placed: Record<string, DocNode> = {};
      const sizes = new Map<string, CardSize>();
      nodes.forEach((node, i) => {
        const [x, y, width, height] = placements[i]!;
        placed[node.id] = { ...node, position: { x, y } };
        sizes.set(node.id, { width, height });
      });
      sizesByNodes.set(placed, sizes);
      return { ...doc, nodes: placed };
    },
  };
}

/**
 * The card sizes `doc`'s positions were laid out for, when its nodes are still exactly as a
 * preset with a stored layout built them (no node moved, added or removed since); else undefined.
 */
export function storedLayoutSizes(doc: GraphDoc): ReadonlyMap<string, CardSize> | undefined {
  return sizesByNodes.get(doc.nodes);
}
