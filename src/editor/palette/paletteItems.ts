import { KIND_VIEWS, type PaletteItem } from '../nodes/kindViews';

export type { PaletteItem } from '../nodes/kindViews';

/** Everything the palette offers, in order: each kind's entries (every registry op among them). */
export const PALETTE_ITEMS: readonly PaletteItem[] = Object.values(KIND_VIEWS).flatMap((view): readonly PaletteItem[] => view.palette);
