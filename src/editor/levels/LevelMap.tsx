import { useEffect, useRef, useState } from 'react';
import { useReturnFocus } from '../controls/useReturnFocus';
import { JsonFileInput } from '../controls/JsonFileInput';
import { CHAPTERS, LEVELS, isUnlocked, levelNumber } from '../../levels';
import { encodeProgress } from '../../state/levelProgress';
import { download } from '../files/fileOps';
import { useLevelPlay, useLevels } from './LevelsContext';
import { Stars } from './Stars';
import '../controls/controls.css';
import '../HelpSheet.css';
import './LevelMap.css';

/**
 * The level map: chapters in the lecture's order, a card per level with its goal and best
 * stars, locked until the level before is solved (a teacher can unlock all). Progress can be
 * saved as a file and opened again; a bad file is refused with the reason.
 */
export function LevelMap({ open, onClose }: { open: boolean; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useReturnFocus(open, ref);
  const fileInput = useRef<HTMLInputElement>(null);
  const levels = useLevelPlay();
  const progress = useLevels((s) => s.progress);
  const problem = useLevels((s) => s.progressProblem);
  const playing = useLevels((s) => s.session?.levelId ?? null);
  const [importNote, setImportNote] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
    if (!open) setImportNote(null);
  }, [open]);
  const solved = (id: string) => (progress.levels[id]?.stars ?? 0) > 0;
  const total = Object.values(progress.levels).reduce((sum, r) => sum + r.stars, 0);

  async function importFile(file: File) {
    const result = levels.getState().importProgress(await file.text());
    setImportNote(result.ok ? { ok: true, text: `Imported “${file.name}”: its stars are merged with yours.` } : { ok: false, text: `“${file.name}” was not imported: ${result.reason}. Your progress is unchanged.` });
  }

  return (
    <dialog ref={ref} className="sheet level-map" onClose={onClose} aria-labelledby="level-map-title" data-testid="level-map">
      <header className="sheet__head">
        <h2 id="level-map-title">
          Levels <span className="level-map__total">{total} / {LEVELS.length * 3} ★</span>
        </h2>
        <button type="button" className="sheet__close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="level-map__body">
        {problem && <p className="level-map__note is-error" role="alert">{problem}</p>}
        {importNote && (
          <p className={`level-map__note${importNote.ok ? '' : ' is-error'}`} role={importNote.ok ? 'status' : 'alert'} data-testid="progress-import-note">
            {importNote.text}
          </p>
        )}
        {CHAPTERS.map((chapter) => (
          <section key={chapter.id} className="level-map__chapter" aria-labelledby={`chapter-${chapter.id}`}>
            <h3 id={`chapter-${chapter.id}`}>{chapter.title}</h3>
            <p className="level-map__blurb">{chapter.blurb}</p>
            <ol className="level-map__cards">
              {LEVELS.filter((l) => l.chapter === chapter.id).map((level) => {
                const unlocked = isUnlocked(level.id, solved, progress.unlockAll);
                const stars = progress.levels[level.id]?.stars ?? 0;
                return (
                  <li key={level.id}>
                    <button
                      type="button"
                      className="level-card"
                      data-testid={`level-card-${level.id}`}
                      data-locked={!unlocked || undefined}
                      data-current={playing === level.id || undefined}
                      disabled={!unlocked}
                      onClick={() => {
                        if (levels.getState().play(level.id)) onClose();
                      }}
                    >
                      <span className="level-card__number">{levelNumber(level.id)}</span>
                      <span className="level-card__title">{level.title}</span>
                      <span className="level-card__goal">{level.goal}</span>
                      <span className="level-card__foot">
                        {unlocked ? <Stars count={stars} /> : <span className="level-card__lock">🔒 Solve the level before</span>}
                        {unlocked && <span className="level-card__play">{stars > 0 ? 'Replay' : 'Play'}</span>}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ol>
          </section>
        ))}
      </div>
      <footer className="level-map__foot">
        <label className="level-map__unlock">
          <input type="checkbox" checked={progress.unlockAll} onChange={(e) => levels.getState().unlockAll(e.target.checked)} data-testid="unlock-all" /> Unlock all (teacher)
        </label>
        <span className="toolbar__sep" />
        <button type="button" className="tool-button" data-testid="export-progress" onClick={() => download(new Blob([encodeProgress(progress)], { type: 'application/json' }), 'micrograd-levels-progress.json')}>
          Export progress
        </button>
        <button type="button" className="tool-button" data-testid="import-progress" onClick={() => fileInput.current?.click()}>
          Import progress
        </button>
        <JsonFileInput ref={fileInput} testId="import-progress-input" onFile={(file) => void importFile(file)} />
      </footer>
    </dialog>
  );
}
