// Scenarios: save the form as capacity/<name>.yaml, and the list of saved ones to load or compare.
import type { CapacityInputs } from '../../../shared/capacity/index.js';
import { useCapacityStore } from '../../stores/capacity/store.js';
import { SaveScenarioForm } from './SaveScenarioForm.js';
import { ScenarioList } from './ScenarioList.js';

export function ScenariosPanel({ inputs }: { inputs: CapacityInputs | null }) {
  const current = useCapacityStore((s) => s.scenarioName);
  return (
    <section className="cap-card" aria-label="Scenarios">
      <h2 className="cap-card__title">Scenarios</h2>
      <SaveScenarioForm key={current ?? ''} inputs={inputs} />
      <ScenarioList />
    </section>
  );
}
