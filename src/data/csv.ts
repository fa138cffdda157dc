import { MAX_CLASSES, MAX_POINTS } from './limits';
import type { Dataset, Label } from './types';

/**
 * Largest text accepted, checked before any parsing so a wrong file (a video, a log) is refused
 * at once. 5,000 rows of long floats fit in well under 512 KiB.
 */
export const MAX_CSV_CHARS = 512 * 1024;

/** Options for {@link parseCsv}. */
export interface CsvOptions {
  /** Dataset name, typically the file name; defaults to "csv". */
  name?: string;
  /** Most data rows accepted; defaults to {@link MAX_POINTS}. */
  maxRows?: number;
  /** Most characters accepted; defaults to {@link MAX_CSV_CHARS}. */
  maxChars?: number;
}

/**
 * The outcome of reading a user's file: the data, or one sentence saying what is wrong and
 * where, phrased for the person who made the file.
 */
export type CsvResult = { ok: true; dataset: Dataset } | { ok: false; reason: string };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const NON_FINITE = /^[+-]?(inf|infinity|nan)$/i;
const COLUMNS = ['x1', 'x2', 'label'] as const;

/**
 * Reads `x1,x2,label` rows into a 2-D dataset. Never throws: the text comes from a user's
 * file, so every problem becomes a reason to show instead.
 *
 * Accepted: an optional header (a first row of names, no numbers), blank lines and `#`
 * comments anywhere, CRLF or LF line ends, a byte-order mark, cells in double quotes, and
 * labels either 0/1 (as scikit-learn and spreadsheets write them, mapped to -1/+1) or -1/+1,
 * but not both in one file, since a 0 could then mean either class. Both classes must occur.
 * A file with a label of 2 or more has k classes numbered 0..k−1 (kept as they are, for a
 * softmax loss): every class from 0 to the largest must occur, and k is at most {@link MAX_CLASSES}.
 */
export function parseCsv(text: string, options: CsvOptions = {}): CsvResult {
  try {
    return parse(text, options);
  } catch (error) {
    // Only a hostile caller (say, an options getter that throws) gets here today; the guard
    // keeps the promise true through future edits too.
    return { ok: false, reason: `could not read the file: ${String(error)}` };
  }
}

function parse(text: unknown, options: CsvOptions): CsvResult {
  const { name = 'csv', maxRows = MAX_POINTS, maxChars = MAX_CSV_CHARS } = options;
  if (typeof text !== 'string') return fail('the file is not text');
  if (text.length > maxChars) {
    return fail(`file too large: ${text.length} characters, the limit is ${maxChars}`);
  }
  const lines = text.split(/\r\n|\r|\n/);
  const x: number[][] = [];
  const raw: number[] = [];
  let firstZero = 0;
  let firstMinusOne = 0;
  /** The first line with a class number of 2 or more, and the largest class number. */
  let firstMany = 0;
  let largest = -1;
  let largestLine = 0;
  let sawContent = false;
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    // trim() also drops a byte-order mark, which Excel puts before the first line.
    const line = (lines[i] as string).trim();
    if (line === '' || line.startsWith('#')) continue;
    const cells = line.split(',').map(unquote);
    if (cells.length !== 3) {
      return fail(`line ${lineNo}: expected 3 columns (x1,x2,label), got ${cells.length}`);
    }
    const isHeader = !sawContent && cells.every(isName) && cells.some((c) => /[a-z]/i.test(c));
    sawContent = true;
    if (isHeader) continue;
    if (x.length >= maxRows) return fail(`too many rows: the limit is ${maxRows} data rows`);
    const values: number[] = [];
    for (let k = 0; k < 3; k++) {
      const cell = cells[k] as string;
      const column = COLUMNS[k] as string;
      const value = Number(cell);
      if (NON_FINITE.test(cell) || (NUMBER.test(cell) && !Number.isFinite(value))) {
        return fail(`line ${lineNo}: ${column} must be a finite number, got ${show(cell)}`);
      }
      if (!NUMBER.test(cell)) {
        if (k === 2) return fail(`line ${lineNo}: ${badLabel(cell)}`);
        return fail(`line ${lineNo}: ${column} must be a number, got ${show(cell)}`);
      }
      values.push(value);
    }
    const label = values[2] as number;
    if (!Number.isInteger(label) || label < -1) {
      return fail(`line ${lineNo}: ${badLabel(cells[2] as string)}`);
    }
    if (label >= MAX_CLASSES) {
      return fail(`line ${lineNo}: class ${label} would make more than ${MAX_CLASSES} classes; number them 0..${MAX_CLASSES - 1}`);
    }
    if (label === 0 && firstZero === 0) firstZero = lineNo;
    if (label === -1 && firstMinusOne === 0) firstMinusOne = lineNo;
    if (label >= 2 && firstMany === 0) firstMany = lineNo;
    if (label > largest) {
      largest = label;
      largestLine = lineNo;
    }
    if (firstMinusOne !== 0 && firstMany !== 0) {
      return fail(
        `labels mix -1/+1 with class numbers (-1 on line ${firstMinusOne}, ${largest} on line ` +
          `${largestLine}); use -1/+1 for two classes or 0..k-1 for k`,
      );
    }
    if (firstZero !== 0 && firstMinusOne !== 0) {
      return fail(
        `labels mix the 0/1 and -1/+1 conventions (0 on line ${firstZero}, -1 on line ` +
          `${firstMinusOne}); use one of them`,
      );
    }
    x.push([values[0] as number, values[1] as number]);
    raw.push(label);
  }
  if (x.length === 0) return fail('no data rows: expected lines like 0.5,-1.2,1');
  if (firstMany !== 0) {
    const seen = new Set(raw);
    for (let j = 0; j < largest; j++) {
      if (!seen.has(j)) {
        return fail(`class ${j} never occurs, yet line ${largestLine} has class ${largest}: number the classes 0..${largest} without gaps`);
      }
    }
    return { ok: true, dataset: { name, x, y: raw } };
  }
  const y = raw.map((v): Label => (v === 1 ? 1 : -1));
  if (!y.includes(1) || !y.includes(-1)) {
    const only = y[0] === 1 ? '1' : firstZero !== 0 ? '0' : '-1';
    return fail(`every label is ${only}: a classifier needs examples of both classes`);
  }
  return { ok: true, dataset: { name, x, y } };
}

function fail(reason: string): CsvResult {
  return { ok: false, reason };
}

/** A header cell: anything that is not a number, infinity or NaN. */
function isName(cell: string): boolean {
  return !NUMBER.test(cell) && !NON_FINITE.test(cell);
}

function badLabel(cell: string): string {
  return `label must be -1/+1, 0/1 or a class number 0..${MAX_CLASSES - 1}, got ${show(cell)}`;
}

/** Spreadsheets quote cells on export; numbers never contain quotes, so stripping is safe. */
function unquote(cell: string): string {
  const t = cell.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).trim() : t;
}

/** Quotes a cell for a message, shortened so a stray binary file cannot flood the UI. */
function show(cell: string): string {
  const short = cell.length > 20 ? `${cell.slice(0, 20)}…` : cell;
  return `'${short}'`;
}
