import { describe, expect, it } from 'vitest';
import { PRESETS } from '../src/document/presets';
import { STORED_LAYOUTS, storedLayoutSizes } from '../src/document/presets/storedLayout';
import { tidyPlacements } from './presetLayouts';

/**
 * The examples ship laid out (src/document/presets/layouts.json). ELK, run again here on the
 * same card sizes, must put every node exactly where the stored layout does: when a preset,
 * the layout options or ELK change, this fails until `npx tsx scripts/presetLayouts.ts` is rerun.
 */
describe('stored preset layouts', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))('%s: every node is where Tidy puts it', async (id, preset) => {
    const stored = STORED_LAYOUTS[id];
    expect(stored, `no stored layout for ${id}: run npx tsx scripts/presetLayouts.ts`).toBeDefined();
    const doc = preset.build();
    const nodes = Object.values(doc.nodes);
    expect(stored!.length, `${id} has ${nodes.length} nodes, its stored layout ${stored!.length}`).toBe(nodes.length);
    // build() places each node as stored and remembers the sizes it was laid out for.
    const sizes = storedLayoutSizes(doc);
    expect(sizes?.size).toBe(nodes.length);
    nodes.forEach((n, i) => expect([n.position.x, n.position.y]).toEqual([stored![i]![0], stored![i]![1]]));

    const again = await tidyPlacements(doc, stored!.map(([, , width, height]) => ({ width, height })));
    again.forEach(([x, y], i) => {
      expect(x).toBeCloseTo(stored![i]![0], 6);
      expect(y).toBeCloseTo(stored![i]![1], 6);
    });
    // ELK on the 117-node MLP takes seconds on a busy two-core machine.
  }, 60_000);

  it('no two cards of a stored layout overlap', () => {
    for (const [id, placements] of Object.entries(STORED_LAYOUTS)) {
      placements.forEach(([x, y, w, h], i) => {
        for (const [x2, y2, w2, h2] of placements.slice(i + 1)) {
          const apart = x + w <= x2 || x2 + w2 <= x || y + h <= y2 || y2 + h2 <= y;
          expect(apart, `${id}: node ${i} overlaps another`).toBe(true);
        }
      });
    }
  });
});
