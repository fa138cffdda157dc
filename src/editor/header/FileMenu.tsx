import { useAction } from '../actions/ActionsContext';
import { formatShortcut } from '../actions/keys';
import { RecentMenu } from '../files/RecentMenu';
import { Menu } from './Menu';
import '../controls/controls.css';
import './Menu.css';

/** One named action as a menu row, with its shortcut; the File and More menus both list them. */
export function ActionMenuItem({ id, close }: { id: string; close(): void }) {
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
      {(close) => <FileItems close={close} />}
    </Menu>
  );
}

/** The File menu's rows, also listed under More on a narrow screen. */
export function FileItems({ close }: { close(): void }) {
  return (
    <>
      {['new', 'open', 'save', 'share', 'exportPng', 'exportSvg'].map((id) => (
        <ActionMenuItem key={id} id={id} close={close} />
      ))}
      <RecentMenu close={close} />
    </>
  );
}
