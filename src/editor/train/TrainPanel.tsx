import { DataPlot } from './DataPlot';
import { DatasetPanel } from './DatasetPanel';
import { InsertMlpForm } from './InsertMlpForm';
import { OptimiserPanel } from './OptimiserPanel';
import { StepNarration } from './StepNarration';
import { TrainControls } from './TrainControls';
import { TrainingCharts } from './TrainingCharts';
import { UnitMapsToggle } from './UnitMapsToggle';
import '../panels/panelParts.css';
import './TrainPanel.css';

/** Train mode's panel: the data, the network, the controls and the curves. */
export function TrainPanel() {
  return (
    <div className="train-panel" data-testid="train-panel">
      <DataPlot />
      <UnitMapsToggle />
      <TrainControls />
      <StepNarration />
      <TrainingCharts />
      <OptimiserPanel />
      <details className="fold-section" open>
        <summary>Dataset</summary>
        <DatasetPanel />
      </details>
      <details className="fold-section" open>
        <summary>Insert MLP</summary>
        <InsertMlpForm />
      </details>
    </div>
  );
}
