import { numberLiteral, OPS, type OpDef } from '../../engine';
import { identifierFromLabel } from './text';

/**
 * How generated code names variables and spells numbers; user text itself goes through
 * `text.ts`. Both exports (Python and TypeScript) use the same variable names, so a learner can
 * read the two programs side by side; that is why a name reserved in either language is avoided
 * in both.
 */

const PYTHON_KEYWORDS = [
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue',
  'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in',
  'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
];

const JS_RESERVED = [
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do',
  'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in',
  'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof',
  'var', 'void', 'while', 'with', 'yield', 'let', 'static', 'implements', 'interface', 'package',
  'private', 'protected', 'public', 'await', 'arguments', 'eval', 'undefined', 'NaN', 'Infinity',
];

/** Globals the generated programs read (torch.ts's helpers among them); a variable of the same name would break them. */
const PROGRAM_GLOBALS = ['Value', 'math', 'print', 'float', 'console', 'Math', 'torch', '_leaf', '_keep', '_show',
  // and the names the PyTorch training program (training/torchTraining.ts) gives its batch, model and helpers
  'X', 'Y', 'self', 'struct', 'train', '_columns', '_Batches'];

/** Functions the ops' Python helpers define (`def _tanh`), which a variable must not replace. */
const HELPER_FUNCTIONS = (OPS as readonly OpDef[]).flatMap((op) => {
  const helper = op.code.pythonHelper;
  return helper ? [...helper.matchAll(/^def (\w+)/gm)].map((m) => m[1]!) : [];
});

/** Every name a node's variable may not take. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  ...PYTHON_KEYWORDS,
  ...JS_RESERVED,
  ...PROGRAM_GLOBALS,
  ...HELPER_FUNCTIONS,
]);

/**
 * Variable names for nodes, in program order: labelled nodes take their label's identifier
 * (made unique with _2, _3, ...), then unlabelled ones take n1, n2, ... skipping names in use.
 * Labels claim first so that a node labelled 'n1' keeps its name.
 */
export function assignNames(nodes: readonly { id: string; label: string }[]): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  const claim = (id: string, name: string): void => {
    names.set(id, name);
    taken.add(name);
  };
  const free = (name: string): boolean => !taken.has(name) && !RESERVED_NAMES.has(name);
  for (const { id, label } of nodes) {
    const base = identifierFromLabel(label);
    if (base === '') continue;
    let name = RESERVED_NAMES.has(base) ? `${base}_` : base;
    for (let k = 2; !free(name); k++) name = `${base}_${k}`;
    claim(id, name);
  }
  let counter = 0;
  for (const { id } of nodes) {
    if (names.has(id)) continue;
    let name: string;
    do name = `n${++counter}`;
    while (!free(name));
    claim(id, name);
  }
  return names;
}

/**
 * `base`, or `base_2`, `base_3`, ... when that is taken or reserved; claimed in `taken`. For the
 * variables a node brings with it once the nodes have their names (a neuron's `n1_w0`, `n1_b`).
 */
export function derivedName(base: string, taken: Set<string>): string {
  let name = RESERVED_NAMES.has(base) ? `${base}_` : base;
  for (let k = 2; taken.has(name) || RESERVED_NAMES.has(name); k++) name = `${base}_${k}`;
  taken.add(name);
  return name;
}

/**
 * A number as the lecture writes it (2.0, not 2), which Python reads as a float and both
 * languages read back as exactly x: the shortest round-trip digits. Non-finite numbers come out
 * as JavaScript's Infinity and NaN; the Python export defines those two names first.
 */
export function floatLiteral(x: number): string {
  const text = numberLiteral(x);
  return /^-?\d+$/.test(text) ? `${text}.0` : text;
}
