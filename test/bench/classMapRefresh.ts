import { generate } from '../../src/data';
import { MLP } from '../../src/nn';
import { fillClassMap } from '../../src/renderers/boundary/classMap';
import type { ThemeColors } from '../../src/renderers/themeColors';
import { compileNetwork } from '../../src/training/compiled/compile';
import { drawMlp } from '../../src/training/compiled/drawMlp';
import { CompiledTrainer } from '../../src/training/compiled/Trainer';

const SIZE = 100;
const COLORS: ThemeColors = { pos: 0x4fb3ff, neg: 0xff7a59, accent: 0, zero: 0x7c8297, text: 0, panel: 0, classes: [0x4fb3ff, 0xff7a59, 0x5ad27f, 0xb98cff, 0xff6fae, 0, 0, 0] };

/** One k-class map refresh as the worker and the plot do it: argmax and probability per cell, then the pixels. */
export function classGridRefresh(k: number): () => void {
  const data = generate({ kind: 'spiral', n: 300, noise: 0.02, seed: 1, classes: k });
  const compiled = compileNetwork(drawMlp(new MLP(2, [16, 16, k], { seed: 2 }), { as: 'layers', loss: 'softmax' }));
  if (!compiled.ok) throw new Error(compiled.reason);
  const trainer = new CompiledTrainer(compiled.program, data, { lr: 0.1 });
  const classes = new Uint8Array(SIZE * SIZE);
  const probability = new Float32Array(SIZE * SIZE);
  const pixels = new Uint8Array(SIZE * SIZE * 4);
  return () => {
    trainer.classGrid([-1.3, 1.3], [-1.3, 1.3], SIZE, classes, probability);
    fillClassMap(classes, probability, SIZE, k, COLORS, pixels);
  };
}
