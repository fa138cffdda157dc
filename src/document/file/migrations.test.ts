import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, MIGRATIONS, migrate, type MigrationTable, type RawFile } from './migrations';

/**
 * A made-up history, to exercise the chain while the real table is empty:
 * v1 called the node list `vertices`; v2 renamed it `nodes`; v3 added `output`.
 */
const FAKE: MigrationTable = {
  1: (file) => {
    const { vertices, ...rest } = file;
    return { ...rest, nodes: vertices, steps: [...((file.steps as string[] | undefined) ?? []), '1→2'] };
  },
  2: (file) => ({ ...file, output: file.output ?? null, steps: [...((file.steps as string[] | undefined) ?? []), '2→3'] }),
};

describe('migrate', () => {
  it('leaves a current file as it is (the real table is empty at version 1)', () => {
    expect(CURRENT_VERSION).toBe(1);
    expect(Object.keys(MIGRATIONS)).toEqual([]);
    const file = { format: 'x', version: 1, nodes: [] };
    const result = migrate(file);
    expect(result).toEqual({ ok: true, file });
    if (result.ok) expect(result.file).not.toBe(file);
  });

  it('applies every step from the file version to the current one, in order, setting the version', () => {
    const result = migrate({ version: 1, vertices: ['a'] }, FAKE, 3);
    expect(result).toEqual({ ok: true, file: { version: 3, nodes: ['a'], output: null, steps: ['1→2', '2→3'] } });
  });

  it('starts from the file version, skipping steps already taken', () => {
    const result = migrate({ version: 2, nodes: ['a'], output: 'a' }, FAKE, 3);
    expect(result).toEqual({ ok: true, file: { version: 3, nodes: ['a'], output: 'a', steps: ['2→3'] } });
  });

  it('does not change the object it is given', () => {
    const file = { version: 1, vertices: ['a'] };
    migrate(file, FAKE, 3);
    expect(file).toEqual({ version: 1, vertices: ['a'] });
  });

  it('refuses a version with no migration, naming it', () => {
    const result = migrate({ version: 1 }, { 2: FAKE[2]! }, 3);
    expect(result).toEqual({ ok: false, reason: 'uses format version 1, which this playground cannot upgrade (no migration from version 1).' });
  });

  it('refuses instead of throwing when a migration throws or returns junk', () => {
    const throwing: MigrationTable = {
      1: () => {
        throw new Error('vertices is not iterable');
      },
    };
    expect(migrate({ version: 1 }, throwing, 2)).toEqual({
      ok: false,
      reason: 'could not be upgraded from version 1 to 2: vertices is not iterable',
    });
    const junk: MigrationTable = { 1: () => null as unknown as Record<string, unknown> };
    expect(migrate({ version: 1 }, junk, 2)).toEqual({ ok: false, reason: 'could not be upgraded from version 1 to 2: the upgrade gave no object.' });
  });

  it('refuses files newer than the current version', () => {
    const result = migrate({ version: 7 }, FAKE, 3);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/newer version of the playground \(version 7\); this one reads up to version 3/);
  });

  it('refuses a missing or malformed version', () => {
    expect(migrate({})).toEqual({ ok: false, reason: 'has no "version" number.' });
    for (const version of ['1', 0, -2, 1.5, Number.NaN, Infinity, 2 ** 60, null, true]) {
      expect(migrate({ version } as RawFile, FAKE, 3)).toEqual({ ok: false, reason: 'has a "version" that is not a whole number from 1 up.' });
    }
  });

  it('uses only the table’s own entries, not inherited ones', () => {
    const inherited = Object.create({ 1: FAKE[1] }) as MigrationTable;
    expect(migrate({ version: 1, vertices: [] }, inherited, 2).ok).toBe(false);
  });
});
