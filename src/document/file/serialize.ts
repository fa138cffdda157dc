import { kindOf } from '../kinds';
import { FILE_LIMITS, isSafeId } from './fileFields';
import { FILE_FORMAT, graphFileSchema, type GraphFile, type Viewport, type WireFile } from './fileFormat';
import type { NodeFile } from './fileNodes';
import { CURRENT_VERSION, migrate } from './migrations';
import { OUT } from '../ports';
import type { DocNode, GraphDoc, Wire } from '../types';
import { validateDoc } from '../validate';

/**
 * Saving a document as a graph file and reading one back. Reading is the gate for anything
 * from outside: text → JSON → format check → migrations → schema → fresh Records → validateDoc.
 * Every refusal is one sentence a person can act on; nothing here throws.
 */

/** Where a text came from, so a refusal can name it ("This file ...", "The graph in this link ..."). */
type DocumentSource = 'file' | 'link';

/** Options for {@link parseDocumentFile}. */
interface ParseDocumentOptions {
  /** Where the text came from; only changes the wording of refusals. Defaults to 'file'. */
  source?: DocumentSource;
}

/** The document and viewport read from a file, or why the file cannot be opened. */
export type ParseDocumentResult = { ok: true; doc: GraphDoc; viewport: Viewport | null } | { ok: false; reason: string };

/**
 * The file object for a document, with a fixed key order and nodes and wires in the order the
 * document holds them (creation order), so saving the same graph twice gives the same bytes
 * and a diff of two saves shows what changed.
 */
export function toGraphFile(doc: GraphDoc, viewport?: Viewport): GraphFile {
  const file: GraphFile = {
    format: FILE_FORMAT,
    version: CURRENT_VERSION,
    nodes: Object.values(doc.nodes).map(nodeToFile),
    wires: Object.values(doc.wires).map(wireToFile),
    output: doc.output,
    ...(doc.training ? { training: structuredClone(doc.training) } : {}),
  };
  if (viewport) file.viewport = { x: viewport.x, y: viewport.y, zoom: viewport.zoom };
  return file;
}

/**
 * The document as pretty-printed JSON text, ready to save. JSON has no -0, so a -0 value
 * comes back as 0.
 */
export function serializeDocument(doc: GraphDoc, viewport?: Viewport): string {
  return `${JSON.stringify(toGraphFile(doc, viewport), null, 2)}\n`;
}

/**
 * Reads a graph file. Never throws: on any problem it returns one sentence saying what is
 * wrong (not JSON, cut short, not a graph, too new, a bad field, a broken wire, too big). On
 * success the document is built from fresh objects, passes `validateDoc`, and shares nothing
 * with the parsed JSON.
 */
export function parseDocumentFile(text: string, options: ParseDocumentOptions = {}): ParseDocumentResult {
  const subject = options.source === 'link' ? 'The graph in this link' : 'This file';
  try {
    return parse(text, subject);
  } catch (error) {
    // Unreachable by design; kept so the "never throws" promise survives future edits.
    return fail(`${subject} could not be read (${errorText(error)}).`);
  }
}

function parse(text: unknown, subject: string): ParseDocumentResult {
  if (typeof text !== 'string') return fail(`${subject} is not text.`);
  if (text.length > FILE_LIMITS.maxChars) {
    return fail(`${subject} is too large (${megabytes(text.length)} MB); the playground opens graphs of up to ${megabytes(FILE_LIMITS.maxChars)} MB.`);
  }
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return fail(`${subject} is empty.`);

  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return fail(describeJsonError(body, error, subject));
  }

  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return fail(`${subject} is not a Micrograd Playground graph: it holds ${jsonKind(json)}, not a graph.`);
  }
  const raw = json as Record<string, unknown>;
  if (raw.format !== FILE_FORMAT) {
    const found = typeof raw.format === 'string' ? `its format is '${excerpt(raw.format)}'` : `it has no "format": "${FILE_FORMAT}" entry`;
    return fail(`${subject} is not a Micrograd Playground graph: ${found}.`);
  }

  const migrated = migrate(raw);
  if (!migrated.ok) return fail(`${subject} ${migrated.reason}`);
  const file = migrated.file;

  // Counted before the schema runs, so a file of a million junk nodes is refused at once
  // rather than producing a million schema errors.
  for (const [key, noun, max] of [
    ['nodes', 'nodes', FILE_LIMITS.maxNodes],
    ['wires', 'wires', FILE_LIMITS.maxWires],
  ] as const) {
    const list = file[key];
    if (Array.isArray(list) && list.length > max) {
      return fail(`${subject} has ${count(list.length)} ${noun}; the playground opens graphs of up to ${count(max)} ${noun}.`);
    }
  }

  const checked = graphFileSchema.safeParse(file);
  if (!checked.success) {
    const issues = checked.error.issues;
    const first = issues[0];
    const detail = first ? describeIssue(first.path, first.message, file) : 'its contents do not match the graph format';
    return fail(`${subject} is not a valid graph: ${detail}${andMore(issues.length - 1)}.`);
  }

  const built = buildDoc(checked.data);
  if (!built.ok) return fail(`${subject} cannot be opened: ${built.reason}.`);
  const problems = validateDoc(built.doc);
  const problem = problems[0];
  if (problem) return fail(`${subject} cannot be opened: ${problem.message}${andMore(problems.length - 1)}.`);

  return { ok: true, doc: built.doc, viewport: checked.data.viewport ?? null };
}

/**
 * A fresh copy of a node with exactly the fields its kind has, nothing shared: the same shape
 * in a file as in a document, so one function serves both directions (see each kind's `copy`).
 */
function nodeToFile(node: DocNode): NodeFile {
  return kindOf(node).copy(node);
}

function wireToFile(wire: Wire): WireFile {
  // 'out' is what an absent `from` means, so it is never written: most wires stay as they were.
  if (wire.from === undefined || wire.from === OUT) return { id: wire.id, source: wire.source, target: wire.target, port: wire.port };
  return { id: wire.id, source: wire.source, from: wire.from, target: wire.target, port: wire.port };
}

function fileToWire(wire: WireFile): Wire {
  const out: Wire = { id: wire.id, source: wire.source, target: wire.target, port: wire.port };
  if (wire.from !== undefined && wire.from !== OUT) out.from = wire.from;
  return out;
}

function fileToNode(node: NodeFile): DocNode {
  return kindOf(node).copy(node);
}

/** Fresh Records from a checked file, refusing ids used twice. */
function buildDoc(file: GraphFile): { ok: true; doc: GraphDoc } | { ok: false; reason: string } {
  const nodes: Record<string, DocNode> = {};
  for (const node of file.nodes) {
    if (Object.prototype.hasOwnProperty.call(nodes, node.id)) return { ok: false, reason: `two nodes have the id '${node.id}'` };
    nodes[node.id] = fileToNode(node);
  }
  const wires: Record<string, Wire> = {};
  for (const wire of file.wires) {
    if (Object.prototype.hasOwnProperty.call(wires, wire.id)) return { ok: false, reason: `two wires have the id '${wire.id}'` };
    wires[wire.id] = fileToWire(wire);
  }
  const doc: GraphDoc = { nodes, wires, output: file.output };
  if (file.training) doc.training = structuredClone(file.training) as GraphDoc['training'];
  return { ok: true, doc };
}

/**
 * "node 3 ('e'): 'value' must be a finite number": nodes and wires are counted from 1 as a
 * person counts, and named by id when the id itself is readable.
 */
function describeIssue(path: readonly PropertyKey[], message: string, file: Readonly<Record<string, unknown>>): string {
  const [head, index, ...rest] = path;
  if ((head === 'nodes' || head === 'wires') && typeof index === 'number') {
    const list = file[head];
    const item = Array.isArray(list) ? (list[index] as unknown) : undefined;
    const id = typeof item === 'object' && item !== null ? (item as Record<string, unknown>).id : undefined;
    const name = typeof id === 'string' && isSafeId(id) ? ` ('${id}')` : '';
    const place = `${head === 'nodes' ? 'node' : 'wire'} ${index + 1}${name}`;
    return rest.length === 0 ? `${place} ${message}` : `${place}: '${rest.map(String).join('.')}' ${message}`;
  }
  if (path.length === 0) return `the file ${message}`;
  return `'${path.map(String).join('.')}' ${message}`;
}

/** A JSON.parse error in words, telling a cut-short file (the common case) from a broken one. */
function describeJsonError(text: string, error: unknown, subject: string): string {
  const message = errorText(error);
  const at = /at position (\d+)/.exec(message);
  const position = at ? Number(at[1]) : quotedPosition(message, text);
  const cutShort =
    /end of (JSON )?(input|data)|unterminated string|unexpected EOF/i.test(message) ||
    (position !== undefined && position >= text.trimEnd().length);
  if (cutShort) return `${subject} ends too soon: its JSON stops before it is complete (was it cut short while saving or copying?).`;
  // V8 quotes the text around the error, or ends with "[in JSON] at position 12 (line 1
  // column 13)": drop either, and say where once, in our own words.
  const core = message.replace(V8_QUOTE, '').replace(/\s+(?:in JSON\s+)?at position \d+.*$/s, '');
  const where = position !== undefined ? ` at position ${position}, ${lineAndColumn(text, position)}` : '';
  return `${subject} is not valid JSON (${excerpt(core, 120)}${where}).`;
}

/** V8's `Unexpected token 'x', ..."ten chars before, ten after"... is not valid JSON`. */
const V8_QUOTE = /, (\.\.\.)?"(.*)"(\.\.\.)? is not valid JSON$/s;
/** How many characters V8 quotes on each side of the error. */
const V8_CONTEXT = 10;

/**
 * Where V8 found an unexpected token, recovered from the text it quotes (it gives no position
 * for this error). Undefined when the quote is ambiguous or the engine words things otherwise.
 */
function quotedPosition(message: string, text: string): number | undefined {
  const quote = V8_QUOTE.exec(message);
  if (!quote) return undefined;
  const [, before, snippet = '', after] = quote;
  let position: number | undefined;
  if (before) {
    const first = text.indexOf(snippet);
    if (first >= 0 && first === text.lastIndexOf(snippet)) position = first + V8_CONTEXT;
  } else if (after && text.startsWith(snippet)) {
    position = snippet.length - V8_CONTEXT;
  }
  const token = /^Unexpected token '(.)'/su.exec(message)?.[1];
  if (position === undefined || position < 0 || (token !== undefined && !text.startsWith(token, position))) return undefined;
  return position;
}

function lineAndColumn(text: string, position: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${position - lineStart + 1}`;
}

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'a true/false value';
  return 'something else';
}

/** A bit of untrusted text, safe to show: short, one line, no control characters. */
function excerpt(text: string, max = 60): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

function andMore(extra: number): string {
  return extra > 0 ? ` (and ${count(extra)} more problem${extra === 1 ? '' : 's'})` : '';
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function megabytes(chars: number): string {
  return (chars / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
}

function errorText(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'unknown error';
  }
}

function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}
