import { PRESETS } from '../../document/presets';
import { useWorkKeeper } from '../files/WorkKeeperContext';
import { usePlaygroundStore } from '../store/StoreContext';
import { Menu } from './Menu';
import './Menu.css';

/**
 * The lecture's examples, one click each. Loading one is an undo step (the graph it replaces
 * goes to Recent), lands already laid out, and switches to the mode the lecture is in there.
 */
export function ExamplesMenu({ onLoaded }: { onLoaded?(): void }) {
  return (
    <Menu label="Examples" title="Load an example from the lecture" testId="examples-menu">
      {(close) => <PresetItems close={close} onLoaded={onLoaded} />}
    </Menu>
  );
}

/** The examples as menu rows, also listed under More on a narrow screen. */
export function PresetItems({ close, onLoaded }: { close(): void; onLoaded?(): void }) {
  const store = usePlaygroundStore();
  const keeper = useWorkKeeper();
  return (
    <>
      {PRESETS.map((p) => (
          <button
            key={p.id}
            type="button"
            role="menuitem"
            className="menu__item"
            data-testid={`preset-${p.id}`}
            onClick={() => {
              keeper.replace(p.build(), 'example');
              store.getState().setMode(p.mode);
              close();
              onLoaded?.();
            }}
          >
            <span className="menu__item-title">{p.title}</span>
            <span className="menu__item-blurb">{p.blurb}</span>
          </button>
        ))}
    </>
  );
}
