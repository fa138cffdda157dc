import { usePlayground } from './store/StoreContext';
import './Welcome.css';

/**
 * The first-visit card: what the playground is, what is on the canvas now, and the three things
 * to try. It sits above the canvas, never over it, so the graph it talks about stays in view;
 * and it says what the canvas shows (the first example, last visit's graph, or nothing).
 */
export function Welcome({ onClose, onExample }: { onClose(): void; onExample: boolean }) {
  const empty = usePlayground((s) => Object.keys(s.doc.nodes).length === 0);
  // The first example stays "the lecture's L" only while the person has not replaced the graph.
  const edited = usePlayground((s) => s.history.past.length > 0);
  return (
    <section className="welcome" aria-labelledby="welcome-title" data-testid="welcome">
      <div className="welcome__text">
        <h2 id="welcome-title">Welcome to the micrograd playground</h2>
        <p data-testid="welcome-canvas">{canvasSentence(empty, onExample && !edited)}</p>
      </div>
      <ol className="welcome__steps">
        <li>
          <strong>Build</strong>: drag values and ops from the left, wire an output into an input.
        </li>
        <li>
          <strong>Backward</strong>: press Backward and watch the gradient flow back to every leaf.
        </li>
        <li>
          <strong>Train</strong>: pick Examples → Lecture: tiny MLP, or draw a network, and train it.
        </li>
      </ol>
      <button type="button" className="primary-button welcome__close" onClick={onClose} autoFocus>
        Start playing
      </button>
    </section>
  );
}

function canvasSentence(empty: boolean, firstExample: boolean): string {
  if (empty) return 'The canvas is empty: drag a Value from the left, or pick one of the lecture’s graphs under Examples.';
  if (firstExample) return 'On the canvas is the lecture’s L = (a*b + c) * f. Every number is live: drag one sideways and watch it flow through.';
  return 'On the canvas is your graph from last time. Every number is live: drag one sideways and watch it flow through.';
}
