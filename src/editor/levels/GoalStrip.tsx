import { useRef, useState } from 'react';
import { levelNumber, nextLevel, type CheckStatus, type LevelDef, type LevelRun } from '../../levels';
import { useLevelPlay, useLevels } from './LevelsContext';
import { ChallengeSolvedActions, SharedAnswerNote } from './challenge/ChallengeStripParts';
import { CHALLENGE_LEVEL_ID } from '../../levels/challenge';
import { Celebration } from './Celebration';
import { setSoundOn, soundOn } from './solveChime';
import { ChoiceField } from './ChoiceField';
import { OrderedPulse } from './OrderedPulse';
import { Readouts } from './Readouts';
import { Stars } from './Stars';
import { formatLecture } from '../formatNumber';
import '../controls/controls.css';
import './GoalStrip.css';

/**
 * The strip above the canvas while a level is played: its goal, every check with its live
 * status (predictions are typed right here), hints, the node budget and the stars the graph
 * would earn now. A solve celebrates and offers the next level.
 */
export function GoalStrip({ level, onOpenMap }: { level: LevelDef; onOpenMap(): void }) {
  const levels = useLevelPlay();
  const run = useLevels((s) => s.run);
  const session = useLevels((s) => s.session);
  // Solved when the strip appeared (a reload, a replay of a solved graph): no fanfare for that.
  const solvedAtOpen = useSolvedAtOpen(level.id, run?.solved ?? false);
  if (!run || !session) return null;
  const isChallenge = level.id === CHALLENGE_LEVEL_ID;
  const next = nextLevel(level.id);
  const shown = visibleChecks(level, run);
  return (
    <section className="goal-strip" aria-labelledby="goal-title" data-testid="goal-strip" data-solved={run.solved || undefined}>
      <div className="goal-strip__head">
        <h2 id="goal-title" className="goal-strip__title">
          <span className="goal-strip__number">{isChallenge ? 'Challenge' : `Level ${levelNumber(level.id)}`}</span> {level.title}
        </h2>
        <p className="goal-strip__goal">{level.goal}</p>
        {session.fromAnswer && <SharedAnswerNote solved={run.solved} />}
      </div>
      <div className="goal-strip__work">
        {(level.choices ?? []).map((choice) => (
          <ChoiceField key={choice.id} choice={choice} picked={session.choices[choice.id]} onPick={(option) => levels.getState().choose(choice.id, option)} />
        ))}
        <ul className="goal-strip__checks" aria-label="Goal checks">
          {shown.map((c) => {
            const prediction = level.predictions.find((p) => p.id === c.id);
            return (
              <li key={c.id} className="goal-check" data-testid={`check-${c.id}`} data-passed={c.passed || undefined}>
                <span className="goal-check__mark" aria-label={c.passed ? 'done' : 'not yet'}>
                  {c.passed ? '✓' : '○'}
                </span>
                {prediction ? <PredictionField check={c} value={session.predictions[c.id] ?? ''} onType={(text) => levels.getState().type(c.id, text)} /> : <span className="goal-check__text">{c.text}</span>}
                {c.explanation && (
                  <p className="goal-check__why" data-testid={`why-${c.id}`}>
                    {prediction ? `Not quite. ${c.explanation}` : c.explanation}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
        <Readouts readouts={run.readouts} />
        {level.predictInOrder && <OrderedPulse level={level} run={run} />}
      </div>
      <div className="goal-strip__side">
        {level.budget !== null && (
          <span className="goal-strip__budget" data-testid="budget" data-over={!run.withinBudget || undefined} title={budgetTitle(level)}>
            {budgetText(level, run)}
          </span>
        )}
        <SoundToggle />
        <Hints level={level} used={session.hintsUsed} onOpen={() => levels.getState().openHint()} />
        <button type="button" className="tool-button" onClick={() => levels.getState().play(level.id)} data-testid="level-restart" title="Start this level again from its first graph">
          Restart
        </button>
        <button type="button" className="tool-button" onClick={onOpenMap}>
          Map
        </button>
      </div>
      {run.solved && (
        <div className="goal-strip__solved" role="status" data-testid="level-solved">
          <Celebration key={level.id} announce={!solvedAtOpen} />
          <strong>Solved!</strong> <Stars count={run.stars} />
          <span className="goal-strip__star-notes">{starNotes(level, run, session.hintsUsed)}</span>
          {isChallenge ? (
            <ChallengeSolvedActions />
          ) : next ? (
            <button type="button" className="primary-button" data-testid="next-level" onClick={() => levels.getState().play(next.id)}>
              Next level: {next.title}
            </button>
          ) : (
            <button type="button" className="primary-button" onClick={onOpenMap}>
              Back to the map
            </button>
          )}
        </div>
      )}
    </section>
  );
}

/**
 * Whether this level was solved when it was opened and has stayed solved since: a solve the
 * player just made is the only one worth a fanfare (a restart or a wrong edit clears it).
 */
function useSolvedAtOpen(levelId: string, solved: boolean): boolean {
  const seen = useRef<{ id: string; solved: boolean } | null>(null);
  if (seen.current?.id !== levelId) seen.current = { id: levelId, solved };
  else if (!solved) seen.current.solved = false;
  return seen.current.solved;
}

/** Sound on a solve: off until the player turns it on; kept across reloads. */
function SoundToggle() {
  const [on, setOn] = useState(soundOn);
  return (
    <label className="goal-strip__sound" title="A short chime when a level is solved">
      <input
        type="checkbox"
        checked={on}
        onChange={(e) => {
          setOn(e.target.checked);
          setSoundOn(e.target.checked);
        }}
        data-testid="sound-toggle"
      />{' '}
      Sound
    </label>
  );
}

/** Checks shown now: every one, except that ordered predictions appear one at a time. */
function visibleChecks(level: LevelDef, run: LevelRun): CheckStatus[] {
  if (!level.predictInOrder) return run.checks;
  const firstOpen = run.checks.findIndex((c) => !c.passed && level.predictions.some((p) => p.id === c.id));
  return firstOpen < 0 ? run.checks : run.checks.filter((c, i) => i <= firstOpen || !level.predictions.some((p) => p.id === c.id));
}

/** What the level's budget counts, as the strip names it. */
function unitOf(level: LevelDef): string {
  return level.budgetUnit === 'neurons' ? 'Neurons' : level.budgetUnit === 'learning-rate' ? 'Learning rate' : 'Nodes';
}

/**
 * The budget chip: "Nodes 5 / 7", or for a rate budget "Learning rate 0.05 ≤ 0.1": the highest
 * rate set in this run, and once it went over, how to start a run that can still earn the star.
 */
function budgetText(level: LevelDef, run: LevelRun): string {
  if (level.budgetUnit !== 'learning-rate') return `${unitOf(level)} ${run.nodes} / ${level.budget}`;
  const chip = `${unitOf(level)} ${formatLecture(run.nodes)} ${run.withinBudget ? '≤' : '>'} ${formatLecture(level.budget!)}`;
  return run.withinBudget ? chip : `${chip} in this run (Restart for a new one)`;
}

function budgetTitle(level: LevelDef): string {
  if (level.budgetUnit === 'learning-rate') return 'The highest learning rate set in the Train panel since the level started, against the level’s budget (the second star)';
  return `${unitOf(level)} on the canvas against the level’s budget (the second star)`;
}

function starNotes(level: LevelDef, run: LevelRun, hintsUsed: number): string {
  const unit = unitOf(level).toLowerCase();
  const budget = level.budget === null ? null : level.budgetUnit === 'learning-rate' ? `learning rate ${run.withinBudget ? 'within' : 'over'} ${formatLecture(level.budget)}` : run.withinBudget ? `within ${level.budget} ${unit}` : `over the budget of ${level.budget} ${unit}`;
  const notes = [budget, hintsUsed === 0 ? 'no hint used' : `${hintsUsed} hint${hintsUsed > 1 ? 's' : ''} used`];
  return notes.filter(Boolean).join(', ');
}

function PredictionField({ check, value, onType }: { check: CheckStatus; value: string; onType(text: string): void }) {
  const id = `prediction-${check.id}`;
  return (
    <span className="goal-check__prediction">
      <label htmlFor={id}>{check.text} =</label>
      <input id={id} className="goal-check__input" type="text" inputMode="decimal" autoComplete="off" spellCheck={false} value={value} placeholder="?" onChange={(e) => onType(e.target.value)} data-testid={id} />
    </span>
  );
}

function Hints({ level, used, onOpen }: { level: LevelDef; used: number; onOpen(): void }) {
  const [open, setOpen] = useState(false);
  const left = level.hints.length - used;
  return (
    <div className="goal-hints">
      <button
        type="button"
        className="tool-button"
        data-testid="hint-button"
        aria-expanded={open && used > 0}
        title={used === 0 ? 'A hint costs the no-hint star' : undefined}
        onClick={() => {
          if (!open && used > 0) setOpen(true);
          else if (left > 0) {
            onOpen();
            setOpen(true);
          } else setOpen((o) => !o);
        }}
      >
        {used === 0 ? 'Hint (costs a star)' : left > 0 && open ? 'Another hint' : `Hints (${used})`}
      </button>
      {open && used > 0 && (
        <ol className="goal-hints__list" data-testid="hints">
          {level.hints.slice(0, used).map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ol>
      )}
    </div>
  );
}
