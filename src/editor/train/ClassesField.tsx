import { useId } from 'react';
import { setupOf } from '../../training/setup';
import { usePlayground, usePlaygroundStore } from '../store/StoreContext';
import { classesMisfit, softmaxNetworkFor, softmaxNetworkName } from './classesFit';
import { classCssColour } from './classColours';
import './ClassesField.css';

/**
 * How many classes the generator makes (spiral arms, blobs), 2 up to `max`. Changing it clears
 * the clicked-in points, whose labels belong to the old number of classes.
 */
export function ClassesField({ classes, max, onChange }: { classes: number; max: number; onChange(classes: number): void }) {
  const labelId = useId();
  return (
    <div className="field">
      <span className="field__label" id={labelId}>
        classes
      </span>
      <div className="segmented tr-segmented" role="radiogroup" aria-labelledby={labelId}>
        {Array.from({ length: max - 1 }, (_, i) => i + 2).map((k) => (
          <button key={k} type="button" role="radio" className="tr-class-choice" aria-checked={classes === k} onClick={() => classes !== k && onChange(k)} data-testid={`dataset-classes-${k}`} title={`${k} classes`}>
            {k}
          </button>
        ))}
      </div>
    </div>
  );
}

/**
 * Says when the drawn network cannot learn the data's classes (k classes need a softmax over k
 * scores) and offers the fix in one click: MLP(2, [16, 16, k]) with a softmax loss, replacing
 * the drawing (undo brings it back).
 */
export function ClassesMisfit({ classes }: { classes: number }) {
  const store = usePlaygroundStore();
  const misfit = usePlayground((s) => classesMisfit(s.doc, classes));
  if (!misfit) return null;
  const nin = 2;
  const name = softmaxNetworkName(classes, nin);

  function useSoftmax() {
    const state = store.getState();
    state.loadDocument(softmaxNetworkFor(setupOf(state.doc), classes, nin), { layout: true });
    state.notify('success', `Drew ${name} with a softmax loss over ${classes} classes. Undo brings the old network back.`);
  }

  return (
    <div className="callout callout--warn" role="status" data-testid="classes-misfit">
      <p className="tr-note">{misfit}</p>
      {classes > 2 && (
        <button type="button" className="tool-button is-primary" onClick={useSoftmax} data-testid="use-softmax-network" title={`Replace the drawing with ${name} and a softmax loss`}>
          Use softmax over {classes}: {name}
          {Array.from({ length: classes }, (_, j) => (
            <i key={j} className="tr-swatch" style={{ background: classCssColour(j, classes), marginLeft: 4 }} aria-hidden="true" />
          ))}
        </button>
      )}
    </div>
  );
}
