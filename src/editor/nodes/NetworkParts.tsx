import { Handle, Position } from '@xyflow/react';
import { ACTIVATIONS, type Activation } from '../../nn/activation';
import { usePlaygroundStore } from '../store/StoreContext';
import { formatNumber, signOf } from '../formatNumber';
import { NET_PORTS, portY } from './portLayout';
import '../controls/controls.css';
import './NetworkParts.css';

/** Input handles down the left edge, each with its name and (for neurons) its weight. */
export function InputHandles({ ports, weights, missing }: { ports: readonly string[]; weights?: readonly number[]; missing: readonly string[] }) {
  return (
    <>
      {ports.map((port, i) => (
        <div key={port}>
          <Handle id={port} type="target" position={Position.Left} style={{ top: portY(NET_PORTS, i) }} title={`input ${port}`} />
          <span className={`net-port net-port--in${missing.includes(port) ? ' is-missing' : ''}`} style={{ top: portY(NET_PORTS, i) - 7 }}>
            {port}
            {weights && weights[i] !== undefined && (
              <span className={`net-port__w num sign-${signOf(weights[i])}`} title={`weight ${weights[i]}`}>
                {formatNumber(weights[i], 2)}
              </span>
            )}
          </span>
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

/** The height a card needs for n ports. */
export function netCardHeight(ports: number): number {
  return portY(NET_PORTS, Math.max(ports, 2) - 1) + 22;
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
