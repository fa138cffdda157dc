/**
 * Upgrading saved graph files from older format versions, one step at a time, before the
 * schema sees them. A migration works on the raw parsed JSON (old files do not match today's
 * types) and only has to reshape: the schema and `validateDoc` check the result afterwards.
 *
 * To change the file format: bump CURRENT_VERSION, change the schema in `fileFormat.ts` (node kinds: `fileNodes.ts`), and
 * add `MIGRATIONS[old]`, turning an old-version object into the new shape.
 */

/** The file format version this playground writes, and the newest it reads. */
export const CURRENT_VERSION = 1;

/** A parsed JSON object from a file, not yet checked against any schema. */
export type RawFile = Readonly<Record<string, unknown>>;

/**
 * Turns a file of version n into one of version n + 1. May throw on input it cannot make
 * sense of; `migrate` turns that into a refusal. Need not set `version`: `migrate` does.
 */
type Migration = (file: RawFile) => Record<string, unknown>;

/** Migrations by the version they upgrade from: `table[n]` turns version n into n + 1. */
export type MigrationTable = Readonly<Record<number, Migration>>;

/** The real table. Empty while version 1 is the only version there has been. */
export const MIGRATIONS: MigrationTable = {};

/**
 * The file at the current version, or why it cannot be brought there. A reason is a
 * predicate to follow "This file" ("was made by a newer version ..."), so callers can name
 * the source (a file, a link) themselves.
 */
type MigrationResult = { ok: true; file: Record<string, unknown> } | { ok: false; reason: string };

/**
 * Brings a parsed file up to `current` by applying `table[v]` for v = its version, v + 1, ...
 * in order. Refuses files without a whole-number version, files newer than `current`, and
 * versions with no migration. Never throws, even when a migration does. The table and the
 * current version are parameters so tests can exercise the chain with a made-up history.
 */
export function migrate(file: RawFile, table: MigrationTable = MIGRATIONS, current: number = CURRENT_VERSION): MigrationResult {
  const version = file.version;
  if (version === undefined) return { ok: false, reason: 'has no "version" number.' };
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    return { ok: false, reason: 'has a "version" that is not a whole number from 1 up.' };
  }
  if (version > current) {
    return {
      ok: false,
      reason: `was made by a newer version of the playground (version ${version}); this one reads up to version ${current}. Please update the playground to open it.`,
    };
  }
  let result: Record<string, unknown> = { ...file };
  for (let v = version; v < current; v++) {
    const step = Object.prototype.hasOwnProperty.call(table, v) ? table[v] : undefined;
    if (!step) return { ok: false, reason: `uses format version ${v}, which this playground cannot upgrade (no migration from version ${v}).` };
    let next: unknown;
    try {
      next = step(result);
    } catch (error) {
      return { ok: false, reason: `could not be upgraded from version ${v} to ${v + 1}: ${errorText(error)}` };
    }
    if (typeof next !== 'object' || next === null || Array.isArray(next)) {
      return { ok: false, reason: `could not be upgraded from version ${v} to ${v + 1}: the upgrade gave no object.` };
    }
    result = { ...(next as Record<string, unknown>), version: v + 1 };
  }
  return { ok: true, file: result };
}

function errorText(error: unknown): string {
  let text: string;
  try {
    text = error instanceof Error ? error.message : String(error);
  } catch {
    text = 'unknown error';
  }
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
