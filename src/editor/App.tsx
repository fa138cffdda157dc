import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { JsonFileInput } from './controls/JsonFileInput';
import { useReactFlow } from '@xyflow/react';
import { ActionsProvider } from './actions/ActionsContext';
import type { ActionContext, EditorUi } from './actions/types';
import { useShortcuts } from './actions/useShortcuts';
import { FlowCanvas, type ContextTarget } from './canvas/FlowCanvas';
import { ContextMenu } from './ContextMenu';
import { ConnectPicker } from './connect/ConnectPicker';
import { EMPTY_DOC } from '../document/types';
import { copyShareLink, openGraphFile, saveGraphFile } from './files/fileOps';
import { useWorkKeeper } from './files/WorkKeeperContext';
import { KeepBanners } from './files/KeepBanners';
import { GoalStrip } from './levels/GoalStrip';
import { LevelMap } from './levels/LevelMap';
import { MakeChallengeDialog } from './levels/challenge/MakeChallengeDialog';
import { useLevelPlay } from './levels/LevelsContext';
import { useLevelLimits } from './levels/useLevelLimits';
import { Announcer } from './announcer/Announcer';
import { AppHeader } from './header/AppHeader';
import { HelpSheet } from './HelpSheet';
import { useTidy } from './layout/useTidy';
import type { Mode } from './modes';
import { Palette } from './palette/Palette';
import { onPhone } from './onPhone';
import { ParameterCount } from './ParameterCount';
import { BackwardPanel } from './panels/backward/BackwardPanel';
import { CodePanel } from './panels/CodePanel';
import { TrainPanel } from './train/TrainPanel';
import { TrainingProvider } from './train/TrainingContext';
import { Inspector } from './panels/Inspector';
import { SidePanel } from './panels/SidePanel';
import { usePlayground, usePlaygroundStore } from './store/StoreContext';
import { useTheme } from './useTheme';
import { Toasts } from './Toasts';
import { Welcome } from './Welcome';
import './App.css';

const PANEL_TITLES: Record<Mode, string> = { build: 'Inspect & code', backward: 'Backward', train: 'Train' };

/** The playground: header, palette, canvas, side panel, and the dialogs over them. */

export function App({ firstVisit, onExample, onWelcomeDone }: { firstVisit: boolean; onExample: boolean; onWelcomeDone(): void }) {
  const store = usePlaygroundStore();
  const keeper = useWorkKeeper();
  const flow = useReactFlow();
  const mode = usePlayground((s) => s.mode);
  const setMode = useCallback((m: Mode) => store.getState().setMode(m), [store]);
  // On a phone the palette and side panel are drawers over the canvas: they start folded, so the graph shows.
  const [paletteFolded, setPaletteFolded] = useState(onPhone);
  const [panelFolded, setPanelFolded] = useState(onPhone);
  const [helpOpen, setHelpOpen] = useState(false);
  const [connectFrom, setConnectFrom] = useState<string | null>(null);
  const [welcome, setWelcome] = useState(firstVisit);
  const [menu, setMenu] = useState<ContextTarget | null>(null);
  const [mapOpen, setMapOpen] = useState(false);
  const [challengeOpen, setChallengeOpen] = useState(false);
  const levelPlay = useLevelPlay();
  const limits = useLevelLimits();
  const levelsEntry = useMemo(
    () => ({ playing: limits !== null, hidden: limits?.hidden ?? new Set<never>(), onOpenMap: () => setMapOpen(true), onSandbox: () => levelPlay.getState().leave(), onMakeChallenge: () => setChallengeOpen(true) }),
    [limits, levelPlay],
  );
  const [theme, toggleTheme] = useTheme();
  const fileInput = useRef<HTMLInputElement>(null);
  const { tidy, arranging } = useTidy(store);

  const ui: EditorUi = useMemo(
    () => ({
      openHelp: () => setHelpOpen(true),
      openConnect: (id) => setConnectFrom(id),
      focusPalette: () => {
        const first = () => document.querySelector<HTMLButtonElement>('.palette-item');
        // At once, so the next key already goes to the palette; a folded one (a phone's drawer) after it opens.
        first()?.focus();
        setPaletteFolded(false);
        requestAnimationFrame(() => {
          if (!document.activeElement?.closest('.palette')) first()?.focus();
        });
      },
      toggleTheme,
      tidy: () => void tidy(),
      newGraph: () => {
        keeper.replace(EMPTY_DOC, 'new');
        store.getState().setMode('build');
        store.getState().notify('info', 'New, empty canvas. Undo brings the graph back; it is also kept under File → Recent.');
      },
      openFile: () => fileInput.current?.click(),
      saveFile: () => saveGraphFile(store),
      share: () => void copyShareLink(store),
      exportImage: (format) => {
        void import('./files/exportImage').then((m) => m.exportImage(store, flow, format));
      },
    }),
    [store, keeper, flow, tidy, toggleTheme],
  );
  const ctx: ActionContext = useMemo(() => ({ store, flow, ui }), [store, flow, ui]);
  useShortcuts(ctx, limits?.blockedActions);

  const closeMenu = useCallback(() => setMenu(null), []);
  const closeConnect = useCallback(() => setConnectFrom(null), []);
  const closeWelcome = useCallback(() => {
    setWelcome(false);
    onWelcomeDone();
  }, [onWelcomeDone]);

  // Right-click on the empty canvas: React Flow reports pane clicks, we need the flow position.
  const onContextMenu = useCallback((target: ContextTarget | null) => setMenu(target), []);
  // On a phone the drawers cover the graph: a tap on the canvas puts them away, as a sheet would.
  const onPaneTap = useCallback(() => {
    if (!onPhone()) return;
    setPaletteFolded(true);
    setPanelFolded(true);
  }, []);
  useEffect(() => {
    const onPaneMenu = (e: MouseEvent) => {
      const el = e.target as HTMLElement | null;
      // Nodes sit inside the pane element: a node's own menu was already opened by React Flow.
      if (e.defaultPrevented || !el?.closest('.react-flow__pane') || el.closest('.react-flow__node, .react-flow__edge')) return;
      e.preventDefault();
      setMenu({ kind: 'pane', x: e.clientX, y: e.clientY, flow: flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }) });
    };
    window.addEventListener('contextmenu', onPaneMenu);
    return () => window.removeEventListener('contextmenu', onPaneMenu);
  }, [flow]);

  return (
    <ActionsProvider value={ctx}>
      <TrainingProvider>
      <div className="app" data-mode={mode}>
        <AppHeader mode={mode} onModeChange={setMode} onExampleLoaded={welcome ? closeWelcome : undefined} levels={levelsEntry} />
        <div className="app-body">
          <Palette folded={paletteFolded} onToggleFold={() => setPaletteFolded((f) => !f)} allowed={limits?.palette} />
          <div className="canvas-column">
            {welcome && !limits && <Welcome onClose={closeWelcome} onExample={onExample} />}
            {limits && <GoalStrip level={limits.level} onOpenMap={() => setMapOpen(true)} />}
            <main className="canvas-area" data-arranging={arranging || undefined}>
              <FlowCanvas onContextMenu={onContextMenu} onPaneTap={onPaneTap} colorMode={theme} />
              <ParameterCount hidden={limits?.hidden.has('parameter-count')} />
              <KeepBanners />
              <Toasts />
            </main>
          </div>
          <SidePanel title={PANEL_TITLES[mode]} folded={panelFolded} onToggleFold={() => setPanelFolded((f) => !f)}>
            {mode === 'build' && (
              <>
                <Inspector />
                <CodePanel />
              </>
            )}
            {mode === 'backward' && <BackwardPanel />}
            {mode === 'train' && <TrainPanel />}
          </SidePanel>
        </div>
        <HelpSheet open={helpOpen} onClose={() => setHelpOpen(false)} />
        <LevelMap open={mapOpen} onClose={() => setMapOpen(false)} />
        <MakeChallengeDialog open={challengeOpen} onClose={() => setChallengeOpen(false)} />
        <ContextMenu target={menu} onClose={closeMenu} />
        <ConnectPicker source={connectFrom} onClose={closeConnect} />
        <Announcer />
        <JsonFileInput ref={fileInput} testId="open-file-input" onFile={(file) => void openGraphFile(store, file)} />
      </div>
      </TrainingProvider>
    </ActionsProvider>
  );
}
