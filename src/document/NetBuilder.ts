import { OPS, type OpType } from '../engine';
import type { Activation } from '../nn/activation';
import type { DocNode, GraphDoc, LossKind, Wire } from './types';

/** Where a wire starts: a node's 'out', or one output of a layer. */
export type Src = string | { id: string; port: string };

/**
 * Builds documents with the network node kinds, for tests (DocBuilder makes only values,
 * constants and ops). Ids are n0, n1, ... in the order nodes are added. Not used by the app.
 */
export class NetBuilder {
  private readonly nodes: DocNode[] = [];
  private readonly wires: Wire[] = [];

  input(label: string, feature: number, value: number): string {
    return this.add({ id: '', kind: 'input', position: this.at(), label, feature, value });
  }

  target(label: string, value: number): string {
    return this.add({ id: '', kind: 'target', position: this.at(), label, value });
  }

  value(label: string, value: number, trainable = false): string {
    return this.add(trainable ? { id: '', kind: 'value', position: this.at(), label, value, trainable } : { id: '', kind: 'value', position: this.at(), label, value });
  }

  constant(value: number): string {
    return this.add({ id: '', kind: 'constant', position: this.at(), value });
  }

  op(type: OpType, inputs: Src[], label = ''): string {
    const def = OPS.find((o) => o.type === type)!;
    const node: DocNode = { id: '', kind: 'op', op: type, position: this.at(), label };
    if ('param' in def) node.param = 2;
    const id = this.add(node);
    inputs.forEach((src, i) => this.wire(src, id, def.inputs[i]!));
    return id;
  }

  neuron(label: string, activation: Activation, weights: number[], bias: number, inputs: Src[]): string {
    const id = this.add({ id: '', kind: 'neuron', position: this.at(), label, activation, weights, bias });
    inputs.forEach((src, i) => this.wire(src, id, `x${i}`));
    return id;
  }

  /** A layer, and its outputs y0, y1, ... to wire onwards. */
  layer(label: string, activation: Activation, weights: number[][], biases: number[], inputs: Src[]): Src[] {
    const id = this.add({ id: '', kind: 'layer', position: this.at(), label, activation, weights, biases });
    inputs.forEach((src, i) => this.wire(src, id, `x${i}`));
    return weights.map((_, j) => ({ id, port: `y${j}` }));
  }

  loss(label: string, loss: LossKind, score: Src, target: Src): string {
    const id = this.add({ id: '', kind: 'loss', position: this.at(), label, loss });
    this.wire(score, id, 'score');
    this.wire(target, id, 'target');
    return id;
  }

  /** A softmax cross-entropy over `scores`, one class per score, in class order. */
  softmax(label: string, scores: Src[], target: Src): string {
    const id = this.add({ id: '', kind: 'loss', position: this.at(), label, loss: 'softmax', classes: scores.length });
    scores.forEach((src, j) => this.wire(src, id, `s${j}`));
    this.wire(target, id, 'target');
    return id;
  }

  build(output: string | null = null): GraphDoc {
    return {
      nodes: Object.fromEntries(this.nodes.map((n) => [n.id, n])),
      wires: Object.fromEntries(this.wires.map((w) => [w.id, w])),
      output,
    };
  }

  private wire(src: Src, target: string, port: string): void {
    const w: Wire = { id: `w${this.wires.length}`, source: typeof src === 'string' ? src : src.id, target, port };
    if (typeof src !== 'string') w.from = src.port;
    this.wires.push(w);
  }

  private add(node: DocNode): string {
    node.id = `n${this.nodes.length}`;
    this.nodes.push(node);
    return node.id;
  }

  private at() {
    return { x: this.nodes.length * 200, y: 0 };
  }
}
