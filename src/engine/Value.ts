import { backward } from './graph';
import type { OpDef } from './ops/OpDef';
import { OPS, type AnyOp } from './ops/registry';

/** What an op accepts as its other operand: a Value, or a plain number that becomes a leaf. */
export type Operand = Value | number;

type MethodFor<D> = D extends { readonly param: object }
  ? (k: number) => Value
  : D extends { readonly inputs: readonly [string, string] }
    ? (other: Operand) => Value
    : () => Value;

/** One method per registered op: `add(other)`, `pow(k)`, `relu()`, ... derived from the registry. */
export type OpMethods = { [D in AnyOp as D['type']]: MethodFor<D> };

/**
 * A scalar and the gradient of some output with respect to it, as in micrograd.
 *
 * Where micrograd gives every node a closure and a set of children, a Value here carries its
 * op definition and at most two input pointers in fixed fields: one allocation per node, one
 * object shape for the JIT, and backward reads the local derivative from the registry. That is
 * what makes it several times faster than a line-by-line port (see `npm run bench`).
 */
// The interface half of the declaration merging below adds the registry's methods; see there.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class Value {
  /** The number this node holds (micrograd's `data`); writable, as in the lecture. */
  data: number;
  /** d(output)/d(this), accumulated by `backward()` with `+=` (micrograd's `grad`). */
  grad = 0;
  /** A name to show, as the lecture's `label`. */
  label: string;
  /** The op that produced this Value, or null for a leaf. */
  readonly op: OpDef | null;
  /** First input (null for a leaf). */
  readonly a: Value | null;
  /** Second input (null for a leaf or a unary op). */
  readonly b: Value | null;
  /** The op's numeric parameter (pow's exponent); 0 when the op has none. */
  readonly k: number;
  /** @internal Visit stamp used by graph walks instead of a Set (see graph.ts). */
  _mark = 0;

  /**
   * A leaf: `new Value(2.0, 'a')`. The trailing parameters are how ops build their outputs;
   * callers use the op methods instead.
   */
  constructor(data: number, label = '', op: OpDef | null = null, a: Value | null = null, b: Value | null = null, k = 0) {
    this.data = data;
    this.label = label;
    this.op = op;
    this.a = a;
    this.b = b;
    this.k = k;
  }

  /** The inputs this Value was computed from, in the op's input order (micrograd's `_prev`). */
  get inputs(): Value[] {
    if (this.a === null) return [];
    return this.b === null ? [this.a] : [this.a, this.b];
  }

  /**
   * Sets this Value's grad to 1 and adds every node's contribution into its inputs' grads, in
   * reverse topological order. Grads are not zeroed first, as in micrograd: a second call adds
   * to every grad, interior ones included, so the leaves of a one-op graph double while deeper
   * leaves grow by more (the lecture's L = (a*b + c)*f: f.grad 4 → 8, a.grad 6 → 24).
   */
  backward(): void {
    backward(this);
  }

  toString(): string {
    return `Value(data=${this.data}${this.label ? `, label=${this.label}` : ''})`;
  }
}

/** Turns a number operand into a leaf, as micrograd's `other if isinstance(other, Value) else Value(other)`. */
export function toValue(x: Operand): Value {
  return x instanceof Value ? x : new Value(x);
}

// Declaration merging: the class gains the registry's methods in its type.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface Value extends OpMethods {}

function makeMethod(def: OpDef): (this: Value, arg?: Operand) => Value {
  if (def.inputs.length === 2) {
    return function binary(this: Value, other?: Operand): Value {
      if (other === undefined) throw new TypeError(`${def.type} needs a second operand`);
      const o = toValue(other);
      return new Value(def.forward(this.data, o.data, 0), '', def, this, o, 0);
    };
  }
  if (def.param) {
    const fallback = def.param.defaultValue;
    return function withParam(this: Value, k?: Operand): Value {
      if (k instanceof Value) throw new TypeError(`${def.type} takes a plain number ${def.param?.name}, as in micrograd`);
      const kk = k ?? fallback;
      return new Value(def.forward(this.data, 0, kk), '', def, this, null, kk);
    };
  }
  return function unary(this: Value): Value {
    return new Value(def.forward(this.data, 0, 0), '', def, this, null, 0);
  };
}

for (const def of OPS as readonly OpDef[]) {
  Object.defineProperty(Value.prototype, def.type, {
    value: makeMethod(def),
    writable: true,
    configurable: true,
    enumerable: false,
  });
}
