import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ReactFlowProvider } from '@xyflow/react';
import './styles/theme.css';
// React Flow's own stylesheet comes right after the tokens, before any component's styles, so the
// canvas's rules (canvas/FlowCanvas.css, edges/ValueEdge.css) always win over it.
import '@xyflow/react/dist/style.css';
import { bootstrap } from './editor/bootstrap';
import { App } from './editor/App';
import { StoreProvider } from './editor/store/StoreContext';
import { WorkKeeperProvider } from './editor/files/WorkKeeperContext';
import { LevelsProvider } from './editor/levels/LevelsContext';

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain <div id="root">.');

const { store, keeper, levels, firstVisit, onExample, markWelcomed } = await bootstrap();

createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <WorkKeeperProvider keeper={keeper}>
        <LevelsProvider levels={levels}>
          <ReactFlowProvider>
            <App firstVisit={firstVisit} onExample={onExample} onWelcomeDone={markWelcomed} />
          </ReactFlowProvider>
        </LevelsProvider>
      </WorkKeeperProvider>
    </StoreProvider>
  </StrictMode>,
);
