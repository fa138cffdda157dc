import { useMemo, useState } from 'react';
import { points, NO_SCORE, type Verdict } from '../../../levels/predict/scoreGuess';
import { parsePrediction } from '../../../levels/runner';
import { currentQuestion, graphKey, type PredictQuestion } from '../../../state/predictGrads';
import { formatLecture } from '../../formatNumber';
import { usePlayground, usePlaygroundStore } from '../../store/StoreContext';
import { usePredict, usePredictStore } from './usePredictGrads';
import './PredictPanel.css';

const VERDICT_TEXT: Record<Verdict, string> = { exact: 'Exact!', close: 'Close', wrong: 'Not quite' };

/**
 * Predict-the-gradient on any graph: with Predict on, Backward asks for each node's grad in
 * reverse topological order before its contributions land, scores the guess and shows the chain
 * rule with the real numbers. The score is kept per graph.
 */
export function PredictPanel() {
  const predict = usePredictStore();
  const on = usePredict((s) => s.on);
  return (
    <section className="predict" data-testid="predict-panel" data-on={on || undefined}>
      <label className="predict__toggle">
        <input type="checkbox" checked={on} onChange={(e) => predict.getState().setOn(e.target.checked)} data-testid="predict-toggle" />
        <strong>Predict</strong> each node’s grad before its pulse lands
      </label>
      {on && <PredictBody />}
    </section>
  );
}

/** The guess as the learner typed it, but a number printed as every number is (−3, not -3). */
function guessText(guess: string): string {
  if (guess === '') return '(nothing)';
  const n = parsePrediction(guess);
  return n === null ? guess : formatLecture(n, 6);
}

function PredictBody() {
  const store = usePlaygroundStore();
  const predict = usePredictStore();
  // Re-read the question whenever the graph or the pass moves.
  // As text, so the selector's result compares equal until the question really changes.
  const asked = usePlayground(() => JSON.stringify(currentQuestion(store)));
  const question = useMemo(() => JSON.parse(asked) as PredictQuestion | null, [asked]);
  const key = usePlayground((s) => graphKey(s.doc));
  const score = usePredict((s) => s.scores[key] ?? NO_SCORE);
  const feedback = usePredict((s) => s.feedback);
  const [guess, setGuess] = useState('');
  const { got, of } = points(score);
  return (
    <>
      <p className="predict__score" data-testid="predict-score">
        This graph: <span data-testid="score-exact">{score.exact}</span> exact · <span data-testid="score-close">{score.close}</span> close · <span data-testid="score-wrong">{score.wrong}</span> wrong
        {of > 0 && ` (${got} of ${of} points)`}
      </p>
      {feedback && (
        <div className="predict__feedback" data-testid="predict-feedback" data-verdict={feedback.verdict} role="status">
          <p>
            <strong>{VERDICT_TEXT[feedback.verdict]}</strong> You said {feedback.name}.grad = {guessText(feedback.guess)}; it is <span className="num">{formatLecture(feedback.answer)}</span>.
          </p>
          <p className="predict__equation num" data-testid="predict-equation">
            {feedback.equation}
          </p>
          {feedback.verdict !== 'exact' && (
            <ul className="predict__locals">
              {feedback.locals.map((l, i) => (
                <li key={i} className="num">
                  {l}
                </li>
              ))}
            </ul>
          )}
          {feedback.passDone && <p data-testid="predict-pass-done">Pass complete: every node has its grad.</p>}
        </div>
      )}
      {question ? (
        <form
          className="predict__question"
          onSubmit={(e) => {
            e.preventDefault();
            if (predict.getState().guess(guess)) setGuess('');
          }}
        >
          <label htmlFor="predict-guess">
            {question.newPass ? 'New pass (grads zeroed first). ' : ''}Step {question.index + 1} of {question.steps}: <span className="num">{question.name}.grad</span> =
          </label>
          <input id="predict-guess" type="text" inputMode="decimal" autoComplete="off" spellCheck={false} value={guess} onChange={(e) => setGuess(e.target.value)} placeholder="?" data-testid="predict-guess" />
          <button type="submit" className="tool-button is-primary" data-testid="predict-check">
            Check
          </button>
        </form>
      ) : (
        <p className="muted">Nothing to backpropagate from yet: wire up an expression whose output can be computed.</p>
      )}
    </>
  );
}
