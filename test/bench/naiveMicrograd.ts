/**
 * The baseline for `npm run bench`: micrograd ported line by line, the way most ports read.
 * Every node gets a closure for its backward step and a Set of children, and backward collects
 * the graph with a recursive walk and a visited Set. Correct, and slow for the same reasons
 * micrograd is: several allocations per node. Used only to measure the real engine against.
 */
export class NaiveValue {
  grad = 0;
  _backward: () => void = () => {};
  readonly _prev: Set<NaiveValue>;

  constructor(
    public data: number,
    children: NaiveValue[] = [],
    readonly _op = '',
  ) {
    this._prev = new Set(children);
  }

  add(other: NaiveValue | number): NaiveValue {
    const o = other instanceof NaiveValue ? other : new NaiveValue(other);
    const out = new NaiveValue(this.data + o.data, [this, o], '+');
    out._backward = () => {
      this.grad += out.grad;
      o.grad += out.grad;
    };
    return out;
  }

  mul(other: NaiveValue | number): NaiveValue {
    const o = other instanceof NaiveValue ? other : new NaiveValue(other);
    const out = new NaiveValue(this.data * o.data, [this, o], '*');
    out._backward = () => {
      this.grad += o.data * out.grad;
      o.grad += this.data * out.grad;
    };
    return out;
  }

  relu(): NaiveValue {
    const out = new NaiveValue(this.data < 0 ? 0 : this.data, [this], 'ReLU');
    out._backward = () => {
      this.grad += (out.data > 0 ? 1 : 0) * out.grad;
    };
    return out;
  }

  backward(): void {
    const topo: NaiveValue[] = [];
    const visited = new Set<NaiveValue>();
    const build = (v: NaiveValue): void => {
      if (!visited.has(v)) {
        visited.add(v);
        for (const child of v._prev) build(child);
        topo.push(v);
      }
    };
    build(this);
    this.grad = 1;
    for (let i = topo.length - 1; i >= 0; i--) topo[i]!._backward();
  }
}

/** micrograd's Neuron, Layer and MLP over NaiveValue, with weights copied from the real model. */
export class NaiveMLP {
  readonly layers: { w: NaiveValue[]; b: NaiveValue; nonlin: boolean }[][];

  constructor(weights: { w: number[]; b: number; nonlin: boolean }[][]) {
    this.layers = weights.map((layer) =>
      layer.map((n) => ({ w: n.w.map((x) => new NaiveValue(x)), b: new NaiveValue(n.b), nonlin: n.nonlin })),
    );
  }

  forward(x: NaiveValue[]): NaiveValue[] {
    let out = x;
    for (const layer of this.layers) {
      out = layer.map((n) => {
        let act = n.b;
        for (let i = 0; i < n.w.length; i++) act = act.add(n.w[i]!.mul(out[i]!));
        return n.nonlin ? act.relu() : act;
      });
    }
    return out;
  }

  parameters(): NaiveValue[] {
    return this.layers.flatMap((l) => l.flatMap((n) => [...n.w, n.b]));
  }
}

/** One step of micrograd's demo (hinge + L2, full batch, SGD) on the naive port; returns the loss. */
export function naiveDemoStep(model: NaiveMLP, X: readonly number[][], y: readonly number[], lr: number): number {
  const scores = X.map((row) => model.forward(row.map((v) => new NaiveValue(v)))[0]!);
  let dataLoss = scores[0]!.mul(-y[0]!).add(1).relu();
  for (let i = 1; i < scores.length; i++) dataLoss = dataLoss.add(scores[i]!.mul(-y[i]!).add(1).relu());
  dataLoss = dataLoss.mul(1 / scores.length);
  const params = model.parameters();
  let reg = params[0]!.mul(params[0]!);
  for (let i = 1; i < params.length; i++) reg = reg.add(params[i]!.mul(params[i]!));
  const total = dataLoss.add(reg.mul(1e-4));
  for (const p of params) p.grad = 0;
  total.backward();
  for (const p of params) p.data -= lr * p.grad;
  return total.data;
}
