import { ActionButton } from '../actions/ActionsContext';
import { MODES, type Mode } from '../modes';
import { ExamplesMenu } from './ExamplesMenu';
import { FileMenu } from './FileMenu';
import { SaveStatus } from './SaveStatus';
import './AppHeader.css';

/**
 * The top bar: name, the three modes (a segmented tab control: where you are, not something to
 * do), and the tools every mode shares. `onExampleLoaded` hears when an example replaced the graph.
 */
export function AppHeader({ mode, onModeChange, onExampleLoaded }: { mode: Mode; onModeChange(mode: Mode): void; onExampleLoaded?(): void }) {
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
          <h1 className="brand__name">Micrograd Playground</h1>
          <p className="brand__tagline">Build an expression, watch its gradients flow, train a tiny net.</p>
        </div>
      </div>

      <nav className="mode-switch" aria-label="Mode">
        {MODES.map((m) => (
          <button key={m.id} type="button" className="mode-switch__button" aria-pressed={mode === m.id} title={m.hint} onClick={() => onModeChange(m.id)}>
            {m.label}
          </button>
        ))}
      </nav>

      <div className="toolbar" role="toolbar" aria-label="Tools">
        <SaveStatus />
        <ExamplesMenu onLoaded={onExampleLoaded} />
        <FileMenu />
        <span className="toolbar__sep" />
        <ActionButton id="undo" />
        <ActionButton id="redo" />
        <ActionButton id="tidy" />
        <ActionButton id="fitView" />
        <span className="toolbar__sep" />
        <ActionButton id="theme" />
        <ActionButton id="help" />
      </div>
    </header>
  );
}
