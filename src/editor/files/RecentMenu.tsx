import type { KeptSummary } from '../../state/keptCopies';
import { usePlayground, usePlaygroundStore } from '../store/StoreContext';
import { downloadRawCopy } from './downloadRawCopy';
import { ageWords, reasonWords } from './keptWords';
import { useWorkKeeper } from './WorkKeeperContext';
import './RecentMenu.css';

/**
 * File → Recent: the copies kept in this browser (graphs replaced by a link, a restore or
 * another tab; unreadable autosaves). A graph restores with one click (one undo step, and the
 * graph it replaces is kept too); an unreadable copy downloads exactly as it was.
 */
export function RecentMenu({ close }: { close(): void }) {
  const kept = usePlayground((s) => s.kept);
  const now = Date.now();
  return (
    <section className="recent" aria-labelledby="recent-title" data-testid="recent-menu">
      <h3 className="recent__title" id="recent-title">
        Recent
      </h3>
      {kept.length === 0 ? (
        <p className="recent__empty">Nothing kept yet. A graph replaced by a link, a restore or another tab shows up here.</p>
      ) : (
        kept.map((k) => <RecentItem key={k.id} item={k} now={now} close={close} />)
      )}
    </section>
  );
}

function RecentItem({ item, now, close }: { item: KeptSummary; now: number; close(): void }) {
  const keeper = useWorkKeeper();
  const store = usePlaygroundStore();
  const unreadable = item.reason === 'unreadable';
  const open = () => {
    close();
    if (unreadable) downloadRawCopy(keeper, store, item.id);
    else keeper.restore(item.id);
  };
  const what = unreadable ? 'Download the raw copy' : 'Restore';
  return (
    <div className="recent__row" data-testid="recent-item" data-reason={item.reason}>
      <button type="button" role="menuitem" className="menu__item recent__open" onClick={open} title={unreadable ? `${what}: ${item.problem ?? ''}` : what}>
        <span className="menu__item-title">
          {unreadable ? 'Unreadable autosave' : item.title}
          {!unreadable && <span className="recent__nodes"> · {item.nodes === 1 ? '1 node' : `${item.nodes} nodes`}</span>}
        </span>
        <span className="menu__item-blurb">
          {reasonWords(item.reason)} · {ageWords(item.keptAt, now)}
          {unreadable && ' · download'}
        </span>
      </button>
      <button type="button" className="recent__remove" aria-label={`Remove ${unreadable ? 'this unreadable copy' : `the copy of “${item.title}”`}`} title="Remove this copy" onClick={() => keeper.remove(item.id)}>
        ×
      </button>
    </div>
  );
}
