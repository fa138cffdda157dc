import { z } from '../document/zod';
import { FILE_FORMAT, type Viewport } from '../document/file/fileFormat';
import { parseDocumentFile, toGraphFile } from '../document/file/serialize';
import type { GraphDoc } from '../document/types';

/**
 * How work is written to the browser's storage: the graph file (the same format File → Save
 * writes, so it gets the same checks and migrations) inside a small envelope that says which
 * save it is. The autosave and every copy under File → Recent use this one format.
 *
 * Version 0 is the bare graph file that autosave wrote before revisions existed; it still
 * reads, as revision 0.
 */

/** Tells saved work from any other text in storage. */
export const SAVED_WORK_FORMAT = 'micrograd-playground/saved-work';
/** The envelope's version. When its shape changes, bump this and read the old shape too. */
const SAVED_WORK_VERSION = 1;

const envelopeSchema = z.object({
  format: z.literal(SAVED_WORK_FORMAT),
  version: z.literal(SAVED_WORK_VERSION),
  /** Counts saves: each one is higher than the save it replaced, so an older tab can tell it is older. */
  revision: z.number().int().nonnegative(),
  /** The tab that wrote it (a random id per page load). */
  tab: z.string().max(100),
  /** When it was written, in milliseconds since 1970. */
  savedAt: z.number().finite(),
  /** The graph file itself, as File → Save would write it (with the viewport). */
  file: z.unknown(),
});

/** A graph as read back from storage, with where it stands among saves. */
export interface SavedWork {
  doc: GraphDoc;
  viewport: Viewport | null;
  revision: number;
  /** The tab that wrote it; null for a version-0 save. */
  tab: string | null;
  /** When it was written; null for a version-0 save. */
  savedAt: number | null;
}

/** Saved work, or why the text could not be read. */
export type SavedWorkRead = { ok: true; work: SavedWork } | { ok: false; reason: string };

/** The text to store for this graph. Compact JSON: storage space is small and shared. */
export function encodeSavedWork(work: { doc: GraphDoc; viewport: Viewport | null; revision: number; tab: string; savedAt: number }): string {
  return JSON.stringify({
    format: SAVED_WORK_FORMAT,
    version: SAVED_WORK_VERSION,
    revision: work.revision,
    tab: work.tab,
    savedAt: work.savedAt,
    file: toGraphFile(work.doc, work.viewport ?? undefined),
  });
}

/** Reads saved work. Never throws; an unreadable text gets one sentence saying why. */
export function decodeSavedWork(text: string): SavedWorkRead {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // The graph reader words JSON errors well (where, and whether the text was cut short).
    return fromFile(text, { revision: 0, tab: null, savedAt: null });
  }
  const format = typeof json === 'object' && json !== null ? (json as { format?: unknown }).format : undefined;
  if (format === FILE_FORMAT) return fromFile(text, { revision: 0, tab: null, savedAt: null });
  if (format === SAVED_WORK_FORMAT) {
    const version = (json as { version?: unknown }).version;
    if (typeof version === 'number' && version > SAVED_WORK_VERSION) {
      return { ok: false, reason: 'it was saved by a newer version of the playground' };
    }
    const envelope = envelopeSchema.safeParse(json);
    if (!envelope.success) return { ok: false, reason: 'its envelope is damaged (revision, tab or time is missing)' };
    const { revision, tab, savedAt, file } = envelope.data;
    return fromFile(JSON.stringify(file ?? null), { revision, tab, savedAt });
  }
  return { ok: false, reason: 'it is not a Micrograd Playground graph' };
}

function fromFile(text: string, meta: Pick<SavedWork, 'revision' | 'tab' | 'savedAt'>): SavedWorkRead {
  const parsed = parseDocumentFile(text);
  if (!parsed.ok) return { ok: false, reason: parsed.reason.replace(/^This file /, 'it ').replace(/\.$/, '') };
  return { ok: true, work: { doc: parsed.doc, viewport: parsed.viewport, ...meta } };
}

/** The graph alone as text (no viewport, no envelope): two docs with the same text are the same work. */
export function graphText(doc: GraphDoc): string {
  return JSON.stringify(toGraphFile(doc));
}
