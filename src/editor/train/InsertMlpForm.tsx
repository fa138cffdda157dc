import { useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { insertMlp, MAX_DRAWN_NEURONS } from '../../document/network/insertMlp';
import type { LossKind } from '../../document/types';
import { ACTIVATIONS, type Activation } from '../../nn/activation';
import { datasetsOf, setupOf } from '../../training/setup';
import { FIT_MIN_ZOOM } from '../nodes/compact/semanticZoom';
import { LossOptions } from '../nodes/LossNodeView';
import { usePlaygroundStore } from '../store/StoreContext';
import { motionMs } from '../../renderers/reducedMotion';
import '../controls/controls.css';
import './TrainPanel.css';

/** Parses "16, 16, 1" into layer sizes; null when it is not a list of whole numbers 1..256. */
function parseSizes(text: string): number[] | null {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  if (parts.length === 0 || parts.length > 8) return null;
  const sizes = parts.map(Number);
  return sizes.every((n) => Number.isInteger(n) && n >= 1 && n <= 256) ? sizes : null;
}

/** Draws an MLP wired to the dataset, a target and a loss, in one move (one undo step). */
export function InsertMlpForm() {
  const store = usePlaygroundStore();
  const flow = useReactFlow();
  const [sizesText, setSizesText] = useState('16, 16, 1');
  const [activation, setActivation] = useState<Activation>('relu');
  const [style, setStyle] = useState<'neurons' | 'layers'>('neurons');
  const [loss, setLoss] = useState<LossKind>('hinge');
  const [seed, setSeed] = useState(1337);
  const sizes = parseSizes(sizesText);
  const neurons = sizes?.reduce((a, b) => a + b, 0) ?? 0;
  const tooMany = style === 'neurons' && neurons > MAX_DRAWN_NEURONS;

  function insert() {
    if (!sizes || tooMany) return;
    const state = store.getState();
    const setup = setupOf(state.doc);
    const nin = datasetsOf(setup).all.x[0]?.length ?? 2;
    // Beside what is already drawn, so nothing is covered.
    const xs = Object.values(state.doc.nodes).map((n) => n.position.x);
    const ys = Object.values(state.doc.nodes).map((n) => n.position.y);
    const at = xs.length ? { x: Math.max(...xs) + 400, y: Math.min(...ys) } : { x: 0, y: 0 };
    const { doc, added } = insertMlp({ ...state.doc, training: setup }, { nin, sizes, activation, seed, style, loss, at });
    state.loadDocument(doc, { layout: false });
    requestAnimationFrame(() => void flow.fitView({ nodes: added.map((id) => ({ id })), padding: 0.1, duration: motionMs(400), minZoom: FIT_MIN_ZOOM }));
    state.notify('success', `Drew MLP(${nin}, [${sizes.join(', ')}]) with ${neurons} neurons, wired to x1…x${nin}, a target and a ${loss} loss.`);
  }

  return (
    <form
      className="train-form"
      onSubmit={(e) => {
        e.preventDefault();
        insert();
      }}
    >
      <label>
        <span>Layers</span>
        <input value={sizesText} onChange={(e) => setSizesText(e.target.value)} aria-label="Layer sizes" aria-invalid={!sizes} data-testid="mlp-sizes" />
      </label>
      <label>
        <span>Activation</span>
        <select value={activation} onChange={(e) => setActivation(e.target.value as Activation)}>
          {ACTIVATIONS.filter((a) => a !== 'linear').map((a) => (
            <option key={a}>{a}</option>
          ))}
        </select>
      </label>
      <label>
        <span>Draw as</span>
        <select value={style} onChange={(e) => setStyle(e.target.value as 'neurons' | 'layers')}>
          <option value="neurons">neurons (a wire per weight)</option>
          <option value="layers">layers (compact)</option>
        </select>
      </label>
      <label>
        <span>Loss</span>
        <select value={loss} onChange={(e) => setLoss(e.target.value as LossKind)}>
          <LossOptions />
        </select>
      </label>
      <label>
        <span>Seed</span>
        <input type="number" value={seed} onChange={(e) => setSeed(Number(e.target.value) || 0)} />
      </label>
      {!sizes && <p className="train-form__error">Write layer sizes like 16, 16, 1 (whole numbers, the last is the output).</p>}
      {tooMany && <p className="train-form__error">{neurons} neurons is a lot of wires to draw: use “layers”, or at most {MAX_DRAWN_NEURONS} neurons.</p>}
      <button type="submit" className="tool-button is-primary" disabled={!sizes || tooMany} data-testid="insert-mlp">
        Insert MLP
      </button>
    </form>
  );
}
