import { useEffect, useId, useMemo, useRef, type ChangeEvent } from 'react';
import { DATASETS, MAX_CSV_CHARS, MAX_POINTS, defaultSpec, getDatasetInfo, isDatasetKind, parseCsv } from '../../data';
import { withoutHiddenCharacters } from '../../document/hiddenCharacters';
import type { LabelledPoint, TrainingSetup } from '../../document/types';
import type { PlaygroundStore } from '../../state/store';
import { datasetsOf, setupOf } from '../../training/setup';
import { setupClasses } from '../../training/setupClasses';
import { ClassesField, ClassesMisfit } from './ClassesField';
import { ParamField } from '../panels/backward/ParamField';
import { PanelCard } from '../panels/PanelCard';
import { usePlayground, usePlaygroundStore } from '../store/StoreContext';
import '../controls/controls.css';
import '../panels/panelParts.css';
import './TrainPanel.css';
import './DatasetPanel.css';

/** The select's value while an imported CSV replaces the generator. */
const IMPORTED = '__imported';
/** The test-fraction slider's top: holding out more than half leaves too little to learn from. */
const MAX_TEST_FRACTION = 0.5;
/** Longest file name kept in the document (its schema allows 200 characters). */
const MAX_NAME_CHARS = 120;

/**
 * Opens one undo gesture across many edits (a slider drag, typing a number) and makes sure it
 * is closed again, even when the panel unmounts mid-gesture.
 */
function useGesture(store: PlaygroundStore) {
  const open = useRef(false);
  const gesture = useMemo(
    () => ({
      begin() {
        if (open.current) return;
        open.current = true;
        store.getState().beginGesture();
      },
      end() {
        if (!open.current) return;
        open.current = false;
        store.getState().endGesture();
      },
    }),
    [store],
  );
  useEffect(() => gesture.end, [gesture]);
  return gesture;
}

/** The noise slider's top for a dataset: noise is in data units, and the shapes differ in size. */
function noiseMax(defaultNoise: number): number {
  return Number(Math.max(0.05, defaultNoise * 4).toPrecision(2));
}

/**
 * The Train panel's data section: which dataset (a generator, or an imported CSV of x1,x2,label),
 * how many points, how noisy, which seed, and how many are held out for testing. Every change is
 * a document edit through `updateSetup`: undoable, autosaved, and part of a shared link. A
 * slider drag or a typed number is one undo step.
 */
export function DatasetPanel() {
  const store = usePlaygroundStore();
  const setup = usePlayground((s) => setupOf(s.doc));
  const data = useMemo(() => datasetsOf(setup), [setup]);
  const gesture = useGesture(store);
  const fileInput = useRef<HTMLInputElement>(null);
  const selectId = useId();
  const noiseId = useId();
  const splitId = useId();

  const info = getDatasetInfo(setup.dataset.kind);
  const imported = setup.imported;
  const maxNoise = noiseMax(info.defaultNoise);
  const update = (patch: Partial<TrainingSetup>) => store.getState().updateSetup(patch);
  // Read at call time: two quick edits in one render must not undo each other.
  const updateSpec = (patch: Partial<TrainingSetup['dataset']>) => update({ dataset: { ...setupOf(store.getState().doc).dataset, ...patch } });

  function chooseDataset(e: ChangeEvent<HTMLSelectElement>) {
    const kind = e.target.value;
    if (!isDatasetKind(kind)) return;
    // A new problem: its default size and noise, the same seed, and none of the old dataset's
    // added points (they sat in the old shape's coordinates, and the lecture's samples are 3-D).
    update({ dataset: defaultSpec(kind, setup.dataset.seed), imported: null, added: [] });
  }

  async function importFile(e: ChangeEvent<HTMLInputElement>) {
    const input = e.currentTarget;
    const file = input.files?.[0];
    // Cleared so that picking the same file again (after fixing it) fires change again.
    input.value = '';
    if (!file) return;
    // A file name may hold a tab or a line break, which a saved graph's names may not.
    const fileName = withoutHiddenCharacters(file.name);
    const name = fileName.length > MAX_NAME_CHARS ? `${fileName.slice(0, MAX_NAME_CHARS - 1)}…` : fileName;
    const refuse = (reason: string) => {
      const sentence = /[.!?]$/.test(reason) ? reason : `${reason}.`;
      store.getState().notify('error', `Could not import “${name}”: ${sentence} Nothing was changed.`);
    };
    // UTF-8 takes at most 4 bytes a character: a bigger file cannot be under the character limit.
    if (file.size > MAX_CSV_CHARS * 4) {
      refuse(`file too large: ${Math.round(file.size / 1024)} KiB, the limit is ${MAX_CSV_CHARS} characters`);
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      refuse(`the browser could not read it (${String(error)})`);
      return;
    }
    const result = parseCsv(text, { name });
    if (!result.ok) {
      refuse(result.reason);
      return;
    }
    const points: LabelledPoint[] = result.dataset.x.map((x, i) => ({ x, label: result.dataset.y[i]! }));
    update({ imported: { name, points }, added: [] });
    store.getState().notify('success', `Imported ${points.length} points from “${name}”.`);
  }

  const added = setup.added.length;
  const trainCount = data.train.x.length;
  const testCount = data.test.x.length;

  return (
    <PanelCard
      title="Data"
      testId="dataset-panel"
      aside={
        <span className="tr-counts num" data-testid="dataset-counts">
          {trainCount} train · {testCount} test
          {added > 0 && <span className="muted"> ({added} added)</span>}
        </span>
      }
    >

      <div className="field">
        <label className="field__label" htmlFor={selectId}>
          Dataset
        </label>
        <select
          id={selectId}
          className="tr-select"
          value={imported ? IMPORTED : setup.dataset.kind}
          onChange={chooseDataset}
          title={imported ? undefined : info.hint}
          data-testid="dataset-select"
        >
          {DATASETS.map((d) => (
            <option key={d.kind} value={d.kind} title={d.hint}>
              {d.label}
            </option>
          ))}
          {imported && (
            <option value={IMPORTED} disabled>
              CSV: {imported.name}
            </option>
          )}
        </select>
        <p className="tr-note muted">
          {imported ? `${imported.points.length} points imported from “${imported.name}”.` : info.hint}
        </p>
      </div>

      {!imported && (
        // A disabled fieldset disables every control inside: the lecture's samples have no knobs.
        <fieldset className="tr-fieldset" disabled={info.fixed}>
          <legend className="sr-only">Generator</legend>
          <div className="tr-row">
            <div className="tr-gesture" onFocus={gesture.begin} onBlur={gesture.end}>
              <ParamField
                label="points"
                value={setup.dataset.n}
                onChange={(n) => updateSpec({ n })}
                validate={(n) => (Number.isInteger(n) && n >= 2 && n <= MAX_POINTS ? null : `a whole number from 2 to ${MAX_POINTS}`)}
                testId="dataset-n"
              />
            </div>
            <div className="tr-gesture" onFocus={gesture.begin} onBlur={gesture.end}>
              <ParamField
                label="seed"
                value={setup.dataset.seed}
                onChange={(seed) => updateSpec({ seed })}
                validate={(seed) => (Number.isInteger(seed) ? null : 'a whole number')}
                testId="dataset-seed"
              />
            </div>
            <button
              type="button"
              className="tool-button"
              onClick={() => updateSpec({ seed: setup.dataset.seed + 1 })}
              title="New points from the next seed"
              data-testid="dataset-reseed"
            >
              ↻ New points
            </button>
          </div>

          <div className="field">
            <label className="field__label" htmlFor={noiseId}>
              noise <span className="tr-value num">{setup.dataset.noise}</span>
            </label>
            <input
              id={noiseId}
              type="range"
              className="tr-range"
              min={0}
              max={Math.max(maxNoise, setup.dataset.noise)}
              step={maxNoise / 100}
              value={setup.dataset.noise}
              onPointerDown={() => {
                gesture.begin();
                window.addEventListener('pointerup', gesture.end, { once: true });
              }}
              onChange={(e) => updateSpec({ noise: Number(Number(e.target.value).toPrecision(3)) })}
              data-testid="dataset-noise"
            />
          </div>
          {info.maxClasses > 2 && <ClassesField classes={setupClasses(setup)} max={info.maxClasses} onChange={(classes) => update({ dataset: { ...setupOf(store.getState().doc).dataset, classes }, added: [] })} />}
          {info.fixed && <p className="tr-note muted">The lecture's four samples are fixed: size, noise and seed do not apply.</p>}
        </fieldset>
      )}

      <ClassesMisfit classes={setupClasses(setup)} />

      <div className="field">
        <label className="field__label" htmlFor={splitId}>
          held out for testing <span className="tr-value num">{Math.round(setup.testFraction * 100)} %</span>
        </label>
        <input
          id={splitId}
          type="range"
          className="tr-range"
          min={0}
          max={MAX_TEST_FRACTION}
          step={0.05}
          value={Math.min(setup.testFraction, MAX_TEST_FRACTION)}
          onPointerDown={() => {
            gesture.begin();
            window.addEventListener('pointerup', gesture.end, { once: true });
          }}
          onChange={(e) => update({ testFraction: Number(Number(e.target.value).toFixed(2)) })}
          data-testid="dataset-test-fraction"
        />
      </div>

      <div className="tr-actions">
        <input ref={fileInput} type="file" accept=".csv,text/csv,text/plain" hidden onChange={importFile} data-testid="csv-input" />
        <button type="button" className="tool-button" onClick={() => fileInput.current?.click()} title="Load points from a CSV file of x1,x2,label rows" data-testid="csv-import">
          Import CSV…
        </button>
        {imported && (
          <button type="button" className="tool-button" onClick={() => update({ imported: null, added: [] })} data-testid="use-generator">
            Use generator again
          </button>
        )}
      </div>
    </PanelCard>
  );
}
