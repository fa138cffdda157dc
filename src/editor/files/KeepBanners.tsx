import type { KeepBanner } from '../../state/keepingSlice';
import { usePlayground, usePlaygroundStore } from '../store/StoreContext';
import { downloadRawCopy } from './downloadRawCopy';
import { useWorkKeeper } from './WorkKeeperContext';
import './KeepBanners.css';

/**
 * The messages about saved work that must not vanish like a toast: a link opened over earlier
 * work, an autosave that could not be read, another tab's save. Each offers the way back.
 */
export function KeepBanners() {
  const banners = usePlayground((s) => s.banners);
  if (banners.length === 0) return null;
  return (
    <div className="keep-banners">
      {banners.map((b) => (
        <Banner key={b.kind} banner={b} />
      ))}
    </div>
  );
}

function Banner({ banner }: { banner: KeepBanner }) {
  const store = usePlaygroundStore();
  const keeper = useWorkKeeper();
  const dismiss = () => store.getState().dismissBanner(banner.kind);
  let text: string;
  let actions: { label: string; run(): void }[];
  if (banner.kind === 'link') {
    const { keptId } = banner;
    text = keptId
      ? 'Opened a shared graph. Your previous graph is kept:'
      : 'Opened a shared graph. Your previous graph could not be kept (storage is full); Undo brings it back, and autosave will not overwrite it.';
    actions = keptId ? [{ label: 'Restore', run: () => void keeper.restore(keptId) }] : [];
  } else if (banner.kind === 'unreadable') {
    const { keptId } = banner;
    const where = keptId ? 'It is kept as it was, under File → Recent.' : 'It stays where it was, and autosave will not write over it.';
    text = `Your saved work could not be read: ${banner.reason}. ${where}`;
    actions = [{ label: 'Download the raw copy', run: () => downloadRawCopy(keeper, store, keptId) }];
  } else {
    text = 'Another tab saved this graph while you were changing it here, so this tab has stopped autosaving. The graph you do not pick is kept in File → Recent.';
    actions = [
      { label: 'Keep this tab’s', run: () => keeper.keepMine() },
      { label: 'Load the other tab’s', run: () => keeper.takeTheirs() },
    ];
  }
  return (
    <div className={`keep-banner keep-banner--${banner.kind}`} role={banner.kind === 'link' ? 'status' : 'alert'} data-testid={`keep-banner-${banner.kind}`}>
      <p className="keep-banner__text">{text}</p>
      <div className="keep-banner__actions">
        {actions.map((a) => (
          <button key={a.label} type="button" className="keep-banner__action" onClick={a.run}>
            {a.label}
          </button>
        ))}
        {banner.kind !== 'conflict' && (
          <button type="button" className="keep-banner__close" aria-label="Dismiss" onClick={dismiss}>
            ×
          </button>
        )}
      </div>
    </div>
  );
}
