/**
 * The baseline for the compiled trainer: a network in the object-per-neuron style of
 * TensorFlow Playground's network code (written here from scratch): every neuron an object,
 * every weight a Link object between two neurons holding its own derivative accumulators, and
 * forward, backward and update passes as loops over those objects. Same task as the others:
 * hinge loss (mean) + alpha · Σ p² over the full batch, one SGD step per call.
 */

/** A squashing function and its derivative at the pre-activation. */
interface ActivationFn {
  output(x: number): number;
  der(x: number): number;
}

const RELU: ActivationFn = { output: (x) => (x < 0 ? 0 : x), der: (x) => (x > 0 ? 1 : 0) };
const LINEAR: ActivationFn = { output: (x) => x, der: () => 1 };

/** A weight: from one neuron's output to another's input, with its gradient accumulators. */
class Link {
  errorDer = 0;
  accErrorDer = 0;
  numAccumulatedDers = 0;

  constructor(
    readonly source: NetNode,
    readonly dest: NetNode,
    public weight: number,
  ) {}
}

/** A neuron (or an input): its links, bias, last values and derivative accumulators. */
class NetNode {
  readonly inputLinks: Link[] = [];
  readonly outputs: Link[] = [];
  totalInput = 0;
  output = 0;
  outputDer = 0;
  inputDer = 0;
  accInputDer = 0;
  numAccumulatedDers = 0;

  constructor(
    public bias: number,
    readonly activation: ActivationFn,
  ) {}

  updateOutput(): number {
    this.totalInput = this.bias;
    for (const link of this.inputLinks) this.totalInput += link.weight * link.source.output;
    this.output = this.activation.output(this.totalInput);
    return this.output;
  }
}

/** The demo MLP's weights by layer: w[j][i] and b[j]. */
export interface LayerWeights {
  w: number[][];
  b: number[];
}

/** A fully connected network as layers of NetNode objects. */
export class ObjectNetwork {
  private readonly layers: NetNode[][];

  constructor(nin: number, layers: readonly LayerWeights[]) {
    const inputs = Array.from({ length: nin }, () => new NetNode(0, LINEAR));
    this.layers = [inputs];
    layers.forEach((layer, li) => {
      const activation = li === layers.length - 1 ? LINEAR : RELU;
      const prev = this.layers[this.layers.length - 1]!;
      const nodes = layer.w.map((row, j) => {
        const node = new NetNode(layer.b[j]!, activation);
        row.forEach((weight, i) => {
          const link = new Link(prev[i]!, node, weight);
          prev[i]!.outputs.push(link);
          node.inputLinks.push(link);
        });
        return node;
      });
      this.layers.push(nodes);
    });
  }

  /** One full-batch step on rows x and labels y; returns the loss before the update. */
  step(x: readonly number[][], y: readonly number[], lr: number, alpha: number): number {
    let data = 0;
    for (let s = 0; s < x.length; s++) {
      const score = this.forwardProp(x[s]!);
      const label = y[s]!;
      const margin = 1 - label * score;
      data += margin > 0 ? margin : 0;
      // d hinge / d score for this sample; the mean is taken in updateWeights.
      this.backProp(margin > 0 ? -label : 0);
    }
    const squares = this.updateWeights(lr, alpha);
    return data / x.length + alpha * squares;
  }

  private forwardProp(inputs: readonly number[]): number {
    const first = this.layers[0]!;
    for (let i = 0; i < first.length; i++) first[i]!.output = inputs[i]!;
    for (let l = 1; l < this.layers.length; l++) {
      for (const node of this.layers[l]!) node.updateOutput();
    }
    return this.layers[this.layers.length - 1]![0]!.output;
  }

  private backProp(lossDer: number): void {
    this.layers[this.layers.length - 1]![0]!.outputDer = lossDer;
    for (let l = this.layers.length - 1; l >= 1; l--) {
      const layer = this.layers[l]!;
      for (const node of layer) {
        node.inputDer = node.outputDer * node.activation.der(node.totalInput);
        node.accInputDer += node.inputDer;
        node.numAccumulatedDers++;
      }
      for (const node of layer) {
        for (const link of node.inputLinks) {
          link.errorDer = node.inputDer * link.source.output;
          link.accErrorDer += link.errorDer;
          link.numAccumulatedDers++;
        }
      }
      if (l === 1) continue;
      for (const node of this.layers[l - 1]!) {
        node.outputDer = 0;
        for (const link of node.outputs) node.outputDer += link.weight * link.dest.inputDer;
      }
    }
  }

  /** Averages the accumulated derivatives, adds L2's 2·alpha·p, steps; returns Σ p² before it. */
  private updateWeights(lr: number, alpha: number): number {
    let squares = 0;
    for (let l = 1; l < this.layers.length; l++) {
      for (const node of this.layers[l]!) {
        for (const link of node.inputLinks) {
          const w = link.weight;
          squares += w * w;
          link.weight = w - lr * (link.accErrorDer / link.numAccumulatedDers + 2 * alpha * w);
          link.accErrorDer = 0;
          link.numAccumulatedDers = 0;
        }
        const b = node.bias;
        squares += b * b;
        node.bias = b - lr * (node.accInputDer / node.numAccumulatedDers + 2 * alpha * b);
        node.accInputDer = 0;
        node.numAccumulatedDers = 0;
      }
    }
    return squares;
  }
}
