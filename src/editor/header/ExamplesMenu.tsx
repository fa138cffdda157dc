import { PRESETS } from '../../document/presets';
import { usePlaygroundStore } from '../store/StoreContext';
import { Menu } from './Menu';
import './Menu.css';

/** The lecture's examples, one click each; loading one is an undo step and gets a tidy layout. */
export function ExamplesMenu() {
  const store = usePlaygroundStore();
  return (
    <Menu label="Examples" title="Load an example from the lecture" testId="examples-menu">
      {(close) =>
        PRESETS.map((p) => (
          <button
            key={p.id}
            type="button"
            role="menuitem"
            className="menu__item"
            data-testid={`preset-${p.id}`}
            onClick={() => {
              store.getState().loadDocument(p.build(), { layout: true });
              close();
            }}
          >
            <span className="menu__item-title">{p.title}</span>
            <span className="menu__item-blurb">{p.blurb}</span>
          </button>
        ))
      }
    </Menu>
  );
}
