import { useAction } from '../actions/ActionsContext';
import { formatShortcut } from '../actions/keys';
import { RecentMenu } from '../files/RecentMenu';
import { Menu } from './Menu';
import '../controls/controls.css';
import './Menu.css';

function Item({ id, close }: { id: string; close(): void }) {
  const { action, run, enabled } = useAction(id);
  const key = action.keys?.[0];
  return (
    <button
      type="button"
      role="menuitem"
      className="menu__item menu__item--row"
      disabled={!enabled}
      data-action={id}
      onClick={() => {
        close();
        run();
      }}
    >
      <span className="menu__item-title">{action.label}</span>
      {key && <kbd>{formatShortcut(key)}</kbd>}
    </button>
  );
}

/** Open, save, share and export: the ways a graph leaves and enters the playground; and Recent, the copies kept here. */
export function FileMenu() {
  return (
    <Menu label="File" title="Open, save, share, export" testId="file-menu">
      {(close) => (
        <>
          {['new', 'open', 'save', 'share', 'exportPng', 'exportSvg'].map((id) => (
            <Item key={id} id={id} close={close} />
          ))}
          <RecentMenu close={close} />
        </>
      )}
    </Menu>
  );
}
