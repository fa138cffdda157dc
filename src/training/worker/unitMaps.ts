import { forward } from '../compiled/interpret';
import type { Program } from '../compiled/program';

/** The per-unit heatmaps' resolution: coarse, so every hidden unit's map costs little. */
export const UNIT_MAP_SIZE = 24;

/** One hidden unit: a neuron node (unit 0) or one output of a layer node. */
export interface UnitKey {
  nodeId: string;
  unit: number;
}

/**
 * Every hidden unit's activation over the input plane, as TensorFlow Playground draws beside
 * each unit: unit u's cell (r, c) is at values[u·size² + r·size + c], laid out as the decision
 * boundary's grid (row 0 at yRange[0]) over the same ranges, so the two pictures line up.
 */
export interface UnitMaps {
  size: number;
  xRange: readonly [number, number];
  yRange: readonly [number, number];
  units: readonly UnitKey[];
  values: Float32Array;
}

/**
 * Computes the unit maps of a compiled network from given weights: the score's instructions run
 * once per grid cell, on a value array of its own (the trainer's stays untouched), and every
 * hidden unit's output slot is read off. The score units themselves are left out: their map is
 * the decision boundary.
 */
export class UnitMapper {
  readonly units: readonly UnitKey[];
  private readonly slots: Int32Array;
  private readonly mem: Float64Array;
  private readonly point = new Float64Array(2);
  private readonly noLabel = new Float64Array(1);

  constructor(
    private readonly program: Program,
    readonly xRange: readonly [number, number],
    readonly yRange: readonly [number, number],
    readonly size = UNIT_MAP_SIZE,
  ) {
    const scores = new Set(program.scoreSlots);
    const units: UnitKey[] = [];
    const slots: number[] = [];
    for (const d of program.denseUnits) {
      const nodeId = program.paramRefs[d.firstParam]!.nodeId;
      for (let j = 0; j < d.nout; j++) {
        if (scores.has(d.out + j)) continue;
        units.push({ nodeId, unit: j });
        slots.push(d.out + j);
      }
    }
    this.units = units;
    this.slots = Int32Array.from(slots);
    this.mem = Float64Array.from(program.init);
  }

  /** The maps at these parameters (in the program's order), in a fresh array the caller may transfer. */
  compute(params: Float64Array): Float32Array {
    const { program: p, mem, point, slots, size } = this;
    const cells = size * size;
    const out = new Float32Array(slots.length * cells);
    if (slots.length === 0) return out;
    mem.set(params.subarray(0, p.paramCount));
    const [x0, x1] = this.xRange;
    const [y0, y1] = this.yRange;
    const dx = (x1 - x0) / size;
    const dy = (y1 - y0) / size;
    for (let r = 0; r < size; r++) {
      point[1] = y0 + (r + 0.5) * dy;
      for (let c = 0; c < size; c++) {
        point[0] = x0 + (c + 0.5) * dx;
        forward(p, p.scoreStarts, mem, point, 0, this.noLabel, 0);
        const cell = r * size + c;
        for (let u = 0; u < slots.length; u++) out[u * cells + cell] = mem[slots[u]!]!;
      }
    }
    return out;
  }
}
