import { classCssColour } from './classColours';
import './ClassesField.css';

/** The data plot's "add class j" choices for a k-class dataset, each with its colour. */
export function ClassButtons({ classes, label, onPick }: { classes: number; label: number | 'inspect' | 'erase'; onPick(label: number): void }) {
  return (
    <>
      {Array.from({ length: classes }, (_, j) => (
        <button key={j} type="button" role="radio" className="tr-class-choice" aria-checked={label === j} onClick={() => onPick(j)} data-testid={`add-class-${j}`} title={`Click the plot to add a point of class ${j}`}>
          <i className="tr-swatch" style={{ background: classCssColour(j, classes), marginRight: 4 }} aria-hidden="true" />
          add {j}
        </button>
      ))}
    </>
  );
}

/** The legend's class colours for a k-class dataset. */
export function ClassLegend({ classes }: { classes: number }) {
  return (
    <span className="tr-legend__classes" data-testid="class-legend">
      {Array.from({ length: classes }, (_, j) => (
        <span key={j}>
          <i className="tr-swatch" style={{ background: classCssColour(j, classes), marginLeft: j > 0 ? 6 : 0 }} /> {j}
        </span>
      ))}
    </span>
  );
}
