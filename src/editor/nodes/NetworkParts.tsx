import { Handle, Position } from '@xyflow/react';
import { ACTIVATIONS, type Activation } from '../../nn/activation';
import { usePlaygroundStore } from '../store/StoreContext';
import { formatNumber, signOf } from '../formatNumber';
import { NET_PORTS, portY, type PortLayout } from './portLayout';
import '../controls/controls.css';
import './NetworkParts.css';

/**
 * Input handles down the left edge, each with its name and (for neurons) its weight. A fanned
 * neuron's handles (`named` false) sit too close for a name each: the weights are listed on its
 * card instead.
 */
export function InputHandles({ ports, weights, missing, layout = NET_PORTS, named = true }: { ports: readonly string[]; weights?: readonly number[]; missing: readonly string[]; layout?: PortLayout; named?: boolean }) {
  return (
    <>
      {ports.map((port, i) => (
        <div key={port}>
          <Handle id={port} type="target" position={Position.Left} style={{ top: portY(layout, i) }} title={weights?.[i] === undefined ? `input ${port}` : `input ${port}, weight ${weights[i]}`} />
          {named && <span className={`net-port net-port--in${missing.includes(port) ? ' is-missing' : ''}`} style={{ top: portY(NET_PORTS, i) - 7 }}>
            {port}
            {weights && weights[i] !== undefined && (
              <span className={`net-port__w num sign-${signOf(weights[i])}`} title={`weight ${weights[i]}`}>
                {formatNumber(weights[i], 2)}
              </span>
            )}
          </span>}
        </div>
      ))}
    </>
  );
}

/** Output handles down the right edge (a layer's y0, y1, ...), each with its data and grad. */
export function OutputHandles({ outputs }: { outputs: readonly { port: string; data: number; grad: number }[] }) {
  return (
    <>
      {outputs.map((o, i) => (
        <div key={o.port}>
          <span className="net-port net-port--out" style={{ top: portY(NET_PORTS, i) - 7 }} title={`${o.port}: data ${o.data}, grad ${o.grad}`}>
            {/* No number (an input is missing): a dash here, the reason on the card. */}
            <span className={`num sign-${signOf(o.data)}`}>{Number.isNaN(o.data) ? '—' : formatNumber(o.data, 3)}</span>
            <span className={`num net-port__grad sign-${signOf(o.grad)}`}>{formatNumber(o.grad, 3)}</span>
            {o.port}
          </span>
          <Handle id={o.port} type="source" position={Position.Right} style={{ top: portY(NET_PORTS, i) }} />
        </div>
      ))}
    </>
  );
}

/** A compact activation picker that does not drag the node. */
export function ActivationSelect({ value, onChange }: { value: Activation; onChange(a: Activation): void }) {
  return (
    <select className="act-select nodrag" value={value} aria-label="Activation" onChange={(e) => onChange(e.target.value as Activation)}>
      {ACTIVATIONS.map((a) => (
        <option key={a} value={a}>
          {a}
        </option>
      ))}
    </select>
  );
}

/** Takes the neuron or layer apart into the scalar ops it stands for (the lecture's picture of a neuron). */
export function ExpandButton({ id }: { id: string }) {
  const store = usePlaygroundStore();
  return (
    <button
      type="button"
      className="card-button nodrag"
      title="Expand into scalar ops: weights, products, sum, activation"
      aria-label="Expand into scalar ops"
      data-testid="expand-node"
      onClick={() => store.getState().expandNode(id)}
    >
      ⤢
    </button>
  );
}

/**
 * A fanned neuron's bias and weights, off its ports, in one row so the card stays short: "b 0.10 ·
 * 16 weights", which opens into the list port by port, each in its sign's colour (in Train mode
 * the wires show them too, colour for sign, width for size).
 */
export function WeightList({ ports, weights, bias }: { ports: readonly string[]; weights: readonly number[]; bias: number }) {
  return (
    <details className="weight-list nodrag" data-testid="weight-list">
      <summary className="node-row" title="Show this neuron's weights">
        <span className="node-row__key">b</span>
        <span className={`node-row__num num sign-${signOf(bias)}`} title={String(bias)}>
          {formatNumber(bias)}
        </span>
        <span className="weight-list__count">· {weights.length} weights</span>
      </summary>
      <ul className="weight-list__items">
        {weights.map((w, i) => (
          <li key={ports[i] ?? i}>
            <span className="node-row__key">{ports[i]}</span>
            <span className={`num sign-${signOf(w)}`} title={`weight ${w}`} data-testid="weight">
              {formatNumber(w, 3)}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
