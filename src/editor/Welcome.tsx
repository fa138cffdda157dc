import './Welcome.css';
/** The first-visit card: what the playground is, and the three things to try. */
export function Welcome({ onClose, onExample }: { onClose(): void; onExample: boolean }) {
  return (
    <section className="welcome" aria-labelledby="welcome-title" data-testid="welcome">
      <h2 id="welcome-title">Welcome to the micrograd playground</h2>
      <p>
        {onExample ? (
          <>
            On the canvas is the lecture&apos;s <code>L = (a*b + c) * f</code>.{' '}
          </>
        ) : null}
        Every number is live: drag one sideways and watch it flow through.
      </p>
      <ol>
        <li>
          <strong>Build</strong>: drag values and ops from the left, wire an output into an input.
        </li>
        <li>
          <strong>Backward</strong>: press Backward and watch the gradient flow back to every leaf.
        </li>
        <li>
          <strong>Train</strong>: draw a small network, pick a dataset, and train it.
        </li>
      </ol>
      <button type="button" className="primary-button" onClick={onClose} autoFocus>
        Start playing
      </button>
    </section>
  );
}
