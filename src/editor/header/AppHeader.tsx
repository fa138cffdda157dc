import { ActionButton } from '../actions/ActionsContext';
import type { HiddenControl } from '../../levels';
import { MODES, type Mode } from '../modes';
import { ExamplesMenu } from './ExamplesMenu';
import { FileMenu } from './FileMenu';
import { MoreMenu } from './MoreMenu';
import { SaveStatus } from './SaveStatus';
import './AppHeader.css';

/** What the header needs to know about levels: whether one is played, what it hides, and the two ways out. */
interface LevelsEntry {
  playing: boolean;
  hidden: ReadonlySet<HiddenControl>;
  onOpenMap(): void;
  onSandbox(): void;
  /** Opens "Make a challenge" (teacher links), offered in the sandbox only. */
  onMakeChallenge(): void;
}

/**
 * The top bar: name, the three modes (a segmented tab control: where you are, not something to
 * do), Levels, and the tools every mode shares. `onExampleLoaded` hears when an example replaced
 * the graph. While a level is played, the controls it hides are left out and Sandbox leads back.
 */
export function AppHeader({ mode, onModeChange, onExampleLoaded, levels }: { mode: Mode; onModeChange(mode: Mode): void; onExampleLoaded?(): void; levels: LevelsEntry }) {
  const { hidden } = levels;
  return (
    <header className="app-header">
      <div className="brand">
        <svg className="brand__mark" viewBox="0 0 64 64" aria-hidden="true">
          <rect width="64" height="64" rx="14" fill="var(--panel-raised)" />
          <circle cx="18" cy="20" r="7" fill="var(--pos)" />
          <circle cx="18" cy="44" r="7" fill="var(--neg)" />
          <circle cx="46" cy="32" r="9" fill="var(--accent)" />
          <path d="M24 22 L38 30 M24 42 L38 34" stroke="var(--text)" strokeWidth="3" strokeLinecap="round" />
        </svg>
        <div className="brand__text">
          <h1 className="brand__name">
            Micrograd<span className="brand__name-rest"> Playground</span>
          </h1>
          <p className="brand__tagline">Build an expression, watch its gradients flow, train a tiny net.</p>
        </div>
      </div>

      <div className="app-header__middle">
        <nav className="mode-switch" aria-label="Mode">
          {MODES.filter((m) => !hidden.has(`mode-${m.id}`)).map((m) => (
            <button key={m.id} type="button" className="mode-switch__button" aria-pressed={mode === m.id} title={m.hint} onClick={() => onModeChange(m.id)}>
              {m.label}
            </button>
          ))}
        </nav>

        <div className="levels-entry">
          <button type="button" className="tool-button levels-entry__map" onClick={levels.onOpenMap} data-testid="open-levels" title="Play the levels: learn backprop as a game">
            ★ Levels
          </button>
          {!levels.playing && (
            <button type="button" className="tool-button app-header__wide-only" onClick={levels.onMakeChallenge} data-testid="open-make-challenge" title="Teachers: make a challenge link from this graph">
              Make a challenge
            </button>
          )}
          {levels.playing && (
            <button type="button" className="tool-button" onClick={levels.onSandbox} data-testid="back-to-sandbox" title="Leave the level: your sandbox graph comes back as you left it">
              Sandbox
            </button>
          )}
        </div>
      </div>

      <div className="toolbar" role="toolbar" aria-label="Tools">
        <SaveStatus />
        <div className="toolbar__wide">
          {!hidden.has('examples') && <ExamplesMenu onLoaded={onExampleLoaded} />}
          {!hidden.has('file') && <FileMenu />}
          <span className="toolbar__sep" />
          <ActionButton id="undo" />
          <ActionButton id="redo" />
          <ActionButton id="tidy" />
          <ActionButton id="fitView" />
          <span className="toolbar__sep" />
          <ActionButton id="theme" />
          <ActionButton id="help" />
        </div>
        <div className="toolbar__narrow">
          <MoreMenu hidden={hidden} onMakeChallenge={levels.playing ? undefined : levels.onMakeChallenge} onExampleLoaded={onExampleLoaded} />
        </div>
      </div>
    </header>
  );
}
