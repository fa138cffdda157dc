import { describe, expect, it } from 'vitest';
import { insertMlp } from '../../document/network/insertMlp';
import type { GraphDoc } from '../../document/types';
import { compileNetwork } from '../compiled/compile';
import { UnitMapper } from './unitMaps';

function drawn(style: 'neurons' | 'layers'): GraphDoc {
  return insertMlp({ nodes: {}, wires: {}, output: null }, { nin: 2, sizes: [3, 2, 1], activation: 'tanh', seed: 7, style, loss: 'squared', at: { x: 0, y: 0 } }).doc;
}

function mapperOf(doc: GraphDoc, size = 4): UnitMapper {
  const compiled = compileNetwork(doc);
  if (!compiled.ok) throw new Error(compiled.reason);
  return new UnitMapper(compiled.program, [-2, 2], [-1, 3], size);
}

/** The first layer's unit j at (x1, x2), straight from the drawing's weights. */
function firstLayerUnit(doc: GraphDoc, nodeId: string, j: number, x1: number, x2: number): number {
  const node = doc.nodes[nodeId]!;
  if (node.kind === 'neuron') return Math.tanh(node.bias + node.weights[0]! * x1 + node.weights[1]! * x2);
  if (node.kind === 'layer') return Math.tanh(node.biases[j]! + node.weights[j]![0]! * x1 + node.weights[j]![1]! * x2);
  throw new Error(`not a unit: ${node.kind}`);
}

describe('per-unit heatmaps', () => {
  it('lists every hidden unit, neurons and layer outputs alike, and leaves the score out', () => {
    const neurons = mapperOf(drawn('neurons'));
    expect(neurons.units).toHaveLength(5);
    expect(new Set(neurons.units.map((u) => u.nodeId)).size).toBe(5);
    const layers = mapperOf(drawn('layers'));
    expect(layers.units.map((u) => u.unit)).toEqual([0, 1, 2, 0, 1]);
    expect(new Set(layers.units.map((u) => u.nodeId)).size).toBe(2);
  });

  it("gives each first-layer unit's activation at the grid's cell centres, row 0 at the bottom", () => {
    for (const style of ['neurons', 'layers'] as const) {
      const doc = drawn(style);
      const compiled = compileNetwork(doc);
      if (!compiled.ok) throw new Error(compiled.reason);
      const mapper = new UnitMapper(compiled.program, [-2, 2], [-1, 3], 4);
      const values = mapper.compute(compiled.program.init.slice(0, compiled.program.paramCount));
      expect(values).toHaveLength(5 * 16);
      for (let u = 0; u < 3; u++) {
        const { nodeId, unit } = mapper.units[u]!;
        // Cell (r = 1, c = 2): x1 = −2 + 2.5·1, x2 = −1 + 1.5·1.
        expect(values[u * 16 + 1 * 4 + 2]).toBeCloseTo(firstLayerUnit(doc, nodeId, unit, 0.5, 0.5), 6);
        expect(values[u * 16]).toBeCloseTo(firstLayerUnit(doc, nodeId, unit, -1.5, -0.5), 6);
      }
    }
  });

  it('follows the weights it is given, not the ones it was compiled with', () => {
    const doc = drawn('layers');
    const compiled = compileNetwork(doc);
    if (!compiled.ok) throw new Error(compiled.reason);
    const mapper = new UnitMapper(compiled.program, [-2, 2], [-1, 3], 4);
    const zero = mapper.compute(new Float64Array(compiled.program.paramCount));
    expect([...zero].every((v) => v === 0)).toBe(true);
    const drawnValues = mapper.compute(compiled.program.init.slice(0, compiled.program.paramCount));
    expect(new Set(drawnValues.subarray(0, 16)).size).toBeGreaterThan(1);
  });
});
