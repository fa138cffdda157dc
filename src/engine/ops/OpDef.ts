/** Where the palette lists an op. */
export type OpGroup = 'Arithmetic' | 'Activations' | 'Functions';

/**
 * The shape of one operation. Everything that knows about ops (Value's methods, the palette,
 * node handles, the inspector, gradcheck tests, code export, the training compiler) reads these
 * definitions, so adding an op is adding one file to this folder and one line to `registry.ts`.
 *
 * Ops work on plain numbers, never on Value objects: that keeps them usable by the scalar
 * engine, by the compiled trainer over typed arrays, and by tests alike.
 */
export interface OpDef {
  /** Stable identifier, stored in saved documents; also the name of the Value method. */
  readonly type: string;
  /** micrograd's `_op` string, as draw_dot prints it ('+', '*', 'ReLU', ...). */
  readonly symbol: string;
  /** A short human label for palettes and tooltips ("add", "multiply"). */
  readonly label: string;
  /** The palette group the op is listed under. */
  readonly group: OpGroup;
  /** What the node shows in its body; a glyph rather than a word where one exists. */
  readonly glyph: string;
  /** Names of the input ports, in order; the length is the arity (1 or 2). */
  readonly inputs: readonly [string] | readonly [string, string];
  /**
   * A numeric parameter that is part of the op rather than an input Value, as micrograd's
   * `__pow__` takes a plain number exponent. Absent for ops without one.
   */
  readonly param?: { readonly name: string; readonly defaultValue: number };
  /** One line that says what the op computes, for tooltips and docs. */
  readonly doc: string;
  /** Forward: the output from the inputs' data (b is 0 for unary ops) and the parameter k. */
  forward(a: number, b: number, k: number): number;
  /**
   * Local derivative d(out)/d(input i) at the given inputs and output. The engine multiplies it
   * by out.grad and adds it into the input's grad, exactly as micrograd's `_backward` closures do.
   */
  local(i: 0 | 1, a: number, b: number, out: number, k: number): number;
  /** The local derivative as a formula in terms of the inputs' names, for the chain-rule panel. */
  localText(i: 0 | 1, names: readonly string[], k: number): string;
  /**
   * Why the output is not finite when all inputs were finite ("division by zero"). Called only
   * in that case; return a short reason a learner understands.
   */
  whyNotFinite(a: number, b: number, k: number): string;
  /** How this op reads in micrograd Python, in TypeScript on `src/engine`, and in PyTorch. */
  readonly code: {
    /** Python expression over already-named operands. */
    python(args: readonly string[], k: number): string;
    /**
     * Python to define first when micrograd's Value lacks this op (the lecture adds tanh and
     * exp this way). Emitted once per program.
     */
    readonly pythonHelper?: string;
    /** TypeScript expression over already-named operands. */
    ts(args: readonly string[], k: number): string;
    /**
     * PyTorch expression over already-named float64 tensors (or plain numbers after the first
     * operand), computing what `forward` computes, elementwise, so it serves a scalar graph
     * and a batch of samples alike. Required: an op without one does not type-check.
     */
    torch(args: readonly string[], k: number): string;
  };
}

/** The reason shared by ops whose only way to leave the finite numbers is a huge result. */
export const OVERFLOW = 'overflow: the result is too large for a 64-bit float';

/** Formats a numeric parameter the way Python and TypeScript both read it back exactly. */
export function numberLiteral(k: number): string {
  // String() gives the shortest digits that read back to the same double, in JS and in Python.
  return Object.is(k, -0) ? '-0.0' : String(k);
}
