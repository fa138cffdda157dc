import { useEffect, useMemo, useRef, useState } from 'react';
import { useReturnFocus } from '../../controls/useReturnFocus';
import { evaluated } from '../../../levels';
import { outputData } from '../../../levels/graphFacts';
import { challengeFingerprint, encodeChallengeHash, goalNumber, makeChallenge, outputName, type ChallengeGoal, type ChallengeStart } from '../../../levels/challenge';
import { HIDDEN_CONTROLS, type HiddenControl } from '../../../levels/types';
import { MAX_SHARE_HASH_CHARS } from '../../../document/file/shareLink';
import type { GraphDoc } from '../../../document/types';
import { PALETTE_ITEMS } from '../../palette/paletteItems';
import { usePlayground } from '../../store/StoreContext';
import { useLevelPlay } from '../LevelsContext';
import { LinkBox } from './LinkBox';
import { pageLink } from './challengeLinks';
import '../../controls/controls.css';
import '../../HelpSheet.css';
import './Challenge.css';

/** What each hideable control is called in the dialog. */
const HIDDEN_NAMES: Record<HiddenControl, string> = {
  'mode-build': 'Build mode',
  'mode-backward': 'Backward mode (the grads on the cards)',
  'mode-train': 'Train mode',
  examples: 'Examples menu',
  file: 'File menu',
  'parameter-count': 'Parameter count',
};

/** The ops a graph uses, plus Value: the palette a "build it" challenge starts from. */
function paletteOf(doc: GraphDoc): string[] {
  const ops = new Set<string>(Object.values(doc.nodes).flatMap((n) => (n.kind === 'op' ? [n.op] : [])));
  return ['value', ...PALETTE_ITEMS.filter((p) => ops.has(p.id)).map((p) => p.id)];
}

/** '' is no budget; anything else must be a whole number (makeChallenge judges whether it is possible). */
function readBudget(text: string): number | null | 'bad' {
  if (text.trim() === '') return null;
  const n = Number(text.trim());
  return Number.isInteger(n) ? n : 'bad';
}

/**
 * "Make a challenge": the teacher turns the sandbox graph into a level for a student (goal,
 * palette, hidden controls, budget) and gets a link. Nothing is sent anywhere: the challenge is
 * in the link. A challenge no one could solve (an impossible budget, a goal already met) is
 * refused here with the reason.
 */
export function MakeChallengeDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useReturnFocus(open, ref);
  const doc = usePlayground((s) => s.doc);
  const levels = useLevelPlay();
  const out = useMemo(() => outputName(doc), [doc]);
  const current = useMemo(() => outputData(evaluated(doc)), [doc]);
  const [title, setTitle] = useState('');
  const [startFrom, setStartFrom] = useState<ChallengeStart>('this-graph');
  const [wantValue, setWantValue] = useState(true);
  const [target, setTarget] = useState('');
  const [wantGrads, setWantGrads] = useState(false);
  const [wantBudget, setWantBudget] = useState(false);
  const [budget, setBudget] = useState('');
  const [palette, setPalette] = useState<string[]>([]);
  const [hidden, setHidden] = useState<HiddenControl[]>(['mode-train', 'examples']);
  const [hints, setHints] = useState('');
  const [result, setResult] = useState<{ ok: true; url: string } | { ok: false; reason: string } | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      // Fresh defaults from the graph on the canvas each time the dialog opens.
      setTitle(`Challenge: ${out}`);
      setTarget(Number.isFinite(current) ? goalNumber(current).replace('−', '-') : '0');
      setBudget(String(Object.keys(doc.nodes).length));
      setPalette(paletteOf(doc));
      setResult(null);
      d.showModal();
    }
    if (!open && d.open) d.close();
    // Defaults are read when the dialog opens, not on every edit of the graph behind it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  function toggle<T>(list: T[], item: T, on: boolean): T[] {
    return on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);
  }

  async function make() {
    const goals: ChallengeGoal[] = [];
    if (wantValue) {
      const value = Number(target.trim().replace('−', '-'));
      if (target.trim() === '' || !Number.isFinite(value)) return setResult({ ok: false, reason: 'The target value is not a number.' });
      goals.push({ kind: 'output-equals', value, tolerance: 0.001 });
    }
    if (wantGrads) goals.push({ kind: 'predict-leaf-grads' });
    if (wantBudget) goals.push({ kind: 'within-budget' });
    const nodeBudget = readBudget(budget);
    if (nodeBudget === 'bad') return setResult({ ok: false, reason: 'The node budget must be a whole number (or empty for none).' });
    const hintList = hints
      .split('\n')
      .map((h) => h.trim())
      .filter(Boolean)
      .slice(0, 3);
    const made = makeChallenge(doc, { title, goals, palette, hidden, budget: nodeBudget, hints: hintList }, startFrom);
    if (!made.ok) return setResult(made);
    const hash = await encodeChallengeHash(made.challenge);
    if (hash.length > MAX_SHARE_HASH_CHARS) return setResult({ ok: false, reason: 'This graph is too large for a link.' });
    // Remembered here, so the teacher's browser knows an answer to this very challenge.
    const fingerprint = await challengeFingerprint(made.challenge);
    if (fingerprint !== null) levels.getState().rememberMade(fingerprint);
    setResult({ ok: true, url: pageLink(hash) });
  }

  return (
    <dialog ref={ref} className="sheet make-challenge" onClose={onClose} aria-labelledby="make-challenge-title" data-testid="make-challenge">
      <header className="sheet__head">
        <h2 id="make-challenge-title">Make a challenge</h2>
        <button type="button" className="sheet__close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <form
        className="make-challenge__body"
        onSubmit={(e) => {
          e.preventDefault();
          void make();
        }}
        onChange={() => setResult(null)}
      >
        <p className="muted">From the graph on the canvas ({Object.keys(doc.nodes).length} nodes, {out} = {Number.isFinite(current) ? goalNumber(current) : 'nothing yet'}). The challenge travels in the link; nothing is uploaded.</p>
        <label className="make-challenge__row">
          Title <input type="text" value={title} maxLength={80} onChange={(e) => setTitle(e.target.value)} data-testid="challenge-title" />
        </label>
        <fieldset className="make-challenge__group">
          <legend>The student starts from</legend>
          <label>
            <input type="radio" name="start" checked={startFrom === 'this-graph'} onChange={() => setStartFrom('this-graph')} data-testid="start-this-graph" /> this graph
          </label>
          <label>
            <input type="radio" name="start" checked={startFrom === 'empty'} onChange={() => setStartFrom('empty')} data-testid="start-empty" /> an empty canvas (build it)
          </label>
        </fieldset>
        <fieldset className="make-challenge__group">
          <legend>Goals</legend>
          <label>
            <input type="checkbox" checked={wantValue} onChange={(e) => setWantValue(e.target.checked)} data-testid="goal-output" /> make {out} equal{' '}
            <input type="text" inputMode="decimal" className="make-challenge__number" value={target} onChange={(e) => setTarget(e.target.value)} aria-label="Target value" data-testid="goal-output-value" />
          </label>
          <label>
            <input
              type="checkbox"
              checked={wantGrads}
              onChange={(e) => {
                setWantGrads(e.target.checked);
                // The grads are on the cards in Backward: predicting them needs it hidden.
                if (e.target.checked) setHidden((h) => toggle(h, 'mode-backward', true));
              }}
              data-testid="goal-grads"
            />{' '}
            predict each leaf’s grad (∂{out}/∂leaf)
          </label>
          <label>
            <input type="checkbox" checked={wantBudget} onChange={(e) => setWantBudget(e.target.checked)} data-testid="goal-budget" /> build within the node budget
          </label>
          <label className="make-challenge__row">
            Node budget <input type="text" inputMode="numeric" className="make-challenge__number" value={budget} onChange={(e) => setBudget(e.target.value)} placeholder="none" data-testid="challenge-budget" />
          </label>
        </fieldset>
        <fieldset className="make-challenge__group make-challenge__chips">
          <legend>Palette the student may use</legend>
          {PALETTE_ITEMS.map((item) => (
            <label key={item.id} className="make-challenge__chip" title={item.doc}>
              <input type="checkbox" checked={palette.includes(item.id)} onChange={(e) => setPalette((p) => toggle(p, item.id, e.target.checked))} data-testid={`challenge-palette-${item.id}`} /> {item.label}
            </label>
          ))}
        </fieldset>
        <fieldset className="make-challenge__group">
          <legend>Hidden until solved</legend>
          {HIDDEN_CONTROLS.filter((c) => c !== 'mode-build').map((c) => (
            <label key={c}>
              <input type="checkbox" checked={hidden.includes(c)} onChange={(e) => setHidden((h) => toggle(h, c, e.target.checked))} data-testid={`hide-${c}`} /> {HIDDEN_NAMES[c]}
            </label>
          ))}
        </fieldset>
        <label className="make-challenge__row make-challenge__hints">
          Hints, one a line (up to 3; each costs the no-hint star)
          <textarea rows={2} value={hints} onChange={(e) => setHints(e.target.value)} data-testid="challenge-hints" />
        </label>
        <div className="make-challenge__actions">
          <button type="submit" className="primary-button" data-testid="make-challenge-link">
            Make the link
          </button>
        </div>
        {result && !result.ok && (
          <p className="challenge-note is-error" role="alert" data-testid="challenge-refused">
            Not made: {result.reason}
          </p>
        )}
        {result?.ok && <LinkBox url={result.url} testId="challenge-link" label="Send this link to your students" />}
      </form>
    </dialog>
  );
}
