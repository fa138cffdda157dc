import type { ReactNode } from 'react';
import type { HiddenControl } from '../../levels';
import { PresetItems } from './ExamplesMenu';
import { ActionMenuItem, FileItems } from './FileMenu';
import { Menu } from './Menu';
import './Menu.css';

/**
 * On a tablet or phone the header has no room for its secondary tools: this one menu lists them
 * all (Make a challenge, File, the examples, the edit and view actions; File first, so New and
 * Open are in sight without scrolling on a tablet), so every action stays
 * one tap away. AppHeader.css shows it, and hides the toolbar it stands in for, below 1200px.
 */
export function MoreMenu({ hidden, onMakeChallenge, onExampleLoaded }: { hidden: ReadonlySet<HiddenControl>; onMakeChallenge?(): void; onExampleLoaded?(): void }) {
  return (
    <Menu label="More" title="Examples, File and the other tools" testId="more-menu">
      {(close) => (
        <>
          {onMakeChallenge && (
            <button
              type="button"
              role="menuitem"
              className="menu__item"
              onClick={() => {
                close();
                onMakeChallenge();
              }}
            >
              <span className="menu__item-title">Make a challenge</span>
            </button>
          )}
          {!hidden.has('file') && (
            <Section title="File">
              <FileItems close={close} />
            </Section>
          )}
          {!hidden.has('examples') && (
            <Section title="Examples">
              <PresetItems close={close} onLoaded={onExampleLoaded} />
            </Section>
          )}
          <Section title="Edit and view">
            {['undo', 'redo', 'tidy', 'fitView', 'theme', 'help'].map((id) => (
              <ActionMenuItem key={id} id={id} close={close} />
            ))}
          </Section>
        </>
      )}
    </Menu>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div role="group" aria-label={title} className="menu__section">
      <p className="menu__section-title" aria-hidden="true">
        {title}
      </p>
      {children}
    </div>
  );
}
