import { findHiddenCharacter } from '../hiddenCharacters';
import { z } from '../zod';

/**
 * The building blocks of the saved graph file's schema (see `fileFormat.ts`): the limits a file
 * must keep, the rule for a safe id, and the small field schemas (ids, labels, numbers) that
 * nodes, wires and the file itself are made of, each with the message a refusal shows.
 */

/**
 * Limits on what a file may hold. Well above anything drawn by hand (the scalar engine is
 * meant for a few thousand nodes), low enough that a hostile file cannot freeze the tab.
 */
export const FILE_LIMITS = {
  /** Characters of JSON text; also the most bytes a share link may decompress to. */
  maxChars: 5 * 1024 * 1024,
  /** Nodes in one graph. */
  maxNodes: 20_000,
  /** Wires in one graph: two per binary op node is the natural bound. */
  maxWires: 40_000,
  /** Characters in a label. */
  maxLabelChars: 200,
  /** Largest |x| or |y| of a position or the viewport, far beyond any canvas a person scrolls. */
  maxCoordinate: 1e7,
  /** Characters in an id (a UUID has 36). */
  maxIdChars: 100,
  /** Highest dataset column an input node may read (0 is x1); far more features than a toy set has. */
  maxFeature: 63,
  /** Weights of one neuron, and inputs of one layer. */
  maxFanIn: 4096,
  /** Neurons (outputs) of one layer. */
  maxLayerWidth: 1024,
  /** Smallest viewport zoom kept; a saved viewport outside the zoom range is dropped. */
  minZoom: 1e-3,
  /** Largest viewport zoom kept. */
  maxZoom: 1e3,
} as const;

const ID_PATTERN = new RegExp(`^[A-Za-z0-9_-]{1,${FILE_LIMITS.maxIdChars}}$`);

/**
 * Names an id may not have. The in-memory Records are plain objects, so an id such as
 * `__proto__` would reach the prototype, and a wire to `toString` would find a "node" (the
 * inherited function) where there is none.
 */
const RESERVED_IDS: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** True for an id that is safe as a key of a plain object: short, plain characters, not reserved. */
export function isSafeId(id: string): boolean {
  return ID_PATTERN.test(id) && !RESERVED_IDS.has(id);
}

/** An error message for a field: "is missing" when absent, else what it must be. */
export function expected(what: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? 'is missing' : `must be ${what}`);
}

/** A number field that must be finite. */
export const finite = () => z.number({ error: expected('a finite number') });

/** A position or viewport coordinate: a finite number within ±`maxCoordinate`. */
export const coordinate = () =>
  finite()
    .min(-FILE_LIMITS.maxCoordinate, { error: `must be between -${FILE_LIMITS.maxCoordinate} and ${FILE_LIMITS.maxCoordinate}` })
    .max(FILE_LIMITS.maxCoordinate, { error: `must be between -${FILE_LIMITS.maxCoordinate} and ${FILE_LIMITS.maxCoordinate}` });

const ID_RULE = `an id of 1 to ${FILE_LIMITS.maxIdChars} letters, digits, '-' or '_'`;

/** An id of a node or wire, or a reference to one. */
export const idSchema = z
  .string({ error: expected(ID_RULE) })
  .regex(ID_PATTERN, { error: `must be ${ID_RULE}` })
  .refine((id) => !RESERVED_IDS.has(id), { error: (issue) => `must not be the reserved name '${String(issue.input)}'` });

/**
 * Why a label cannot be kept, as the end of a sentence about it ("must not contain a tab
 * (U+0009)"), or null when it can: at most `maxLabelChars` characters, none of them hidden
 * (control characters, line breaks, text-direction controls; see `hiddenCharacters.ts`). One
 * rule for files, links and typing, so a label the editor accepts always opens again.
 */
export function labelProblem(label: string): string | null {
  if (label.length > FILE_LIMITS.maxLabelChars) return `must be at most ${FILE_LIMITS.maxLabelChars} characters long`;
  const hidden = findHiddenCharacter(label);
  return hidden === null ? null : `must not contain ${hidden}`;
}

/** A label: text that passes {@link labelProblem}. */
export const labelSchema = z
  .string({ error: expected('text') })
  .refine((label) => labelProblem(label) === null, { error: (issue) => labelProblem(issue.input as string) ?? 'must be a label' });

/** "one of 'a', 'b', 'c'", for the messages of a closed set of names. */
export function oneOf(names: readonly string[]): string {
  return `one of ${names.map((name) => `'${name}'`).join(', ')}`;
}
