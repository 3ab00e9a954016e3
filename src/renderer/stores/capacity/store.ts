// Capacity store: the estimator form as typed (estimates are computed from it in the browser, on
// every keystroke), calibration from this workspace, and the capacity/*.yaml scenarios — saved,
// listed, loaded and compared through the engine.
import { create } from 'zustand';
import { compressionText, type CapacityInputs, type InputField } from '../../../shared/capacity/index.js';
import { engineConnection } from '../../api/engine.js';
import { errorDataOf } from '../../api/error-data.js';
import { useToastsStore } from '../toasts/store.js';
import { blankTexts, exampleTexts, numberText, textsOf } from './field-text.js';
import { initialCapacityState, type CapacityState } from './initial-state.js';

export interface CapacityActions {
  setField(field: InputField, text: string): void;
  /** Fills the form with the 10 M daily users worked example. */
  fillExample(): void;
  resetForm(): void;
  loadScenarios(): Promise<void>;
  loadSources(): Promise<void>;
  /** Saves `inputs` as capacity/<name>.yaml; resolves to true when saved. */
  saveScenario(name: string, inputs: CapacityInputs, options?: { description?: string; overwrite?: boolean }): Promise<boolean>;
  clearSaveError(): void;
  /** Loads a saved scenario into the form. */
  openScenario(name: string): Promise<void>;
  /** Adds a saved scenario to the side-by-side comparison, or removes it. */
  toggleCompared(name: string): Promise<void>;
  setSource(source: string): void;
  /** Measures this workspace; prefills bytes per event and compression from the chosen source. */
  calibrate(): Promise<void>;
  cancelCalibration(): void;
  setUseMeasured(useMeasured: boolean): void;
}

export type CapacityStore = CapacityState & CapacityActions;

const toasts = () => useToastsStore.getState();
const api = () => engineConnection().api;

export const useCapacityStore = create<CapacityStore>()((set, get) => {
  let calibration: AbortController | null = null;

  return {
    ...initialCapacityState(),
    setField: (field, text) => set((s) => ({ fields: { ...s.fields, [field]: text } })),
    fillExample: () => set({ fields: exampleTexts(), scenarioName: null }),
    resetForm: () => set({ fields: blankTexts(), scenarioName: null }),
    loadScenarios: async () => {
      set({ scenariosStatus: 'loading' });
      try {
        const { scenarios } = await api().listScenarios({});
        set((s) => ({ scenarios, scenariosStatus: 'ready', scenariosError: null, compared: s.compared.filter((c) => scenarios.some((l) => l.name === c.name)) }));
      } catch (err) {
        set({ scenariosStatus: 'error', scenariosError: errorDataOf(err) });
      }
    },
    loadSources: async () => {
      try {
        const { sources } = await api().listSources({});
        set({ sources: sources.filter((s) => s.lastBatch !== null).map((s) => s.name) });
      } catch {
        // The picker then offers only what a calibration measured; the Ingest screen shows why sources fail.
        set({ sources: [] });
      }
    },
    saveScenario: async (name, inputs, options = {}) => {
      set({ saving: true, saveError: null });
      try {
        const { file } = await api().saveScenario({ name, inputs, overwrite: options.overwrite ?? false, ...(options.description ? { description: options.description } : {}) });
        set({ scenarioName: name });
        toasts().showInfo(`Saved the scenario as ${file}`);
        void get().loadScenarios();
        return true;
      } catch (err) {
        set({ saveError: errorDataOf(err) });
        return false;
      } finally {
        set({ saving: false });
      }
    },
    clearSaveError: () => set({ saveError: null }),
    openScenario: async (name) => {
      try {
        const loaded = await api().loadScenario({ name });
        set({ fields: textsOf(loaded.inputs), scenarioName: loaded.name, saveError: null });
      } catch (err) {
        toasts().showError(`Could not load the scenario "${name}"`, err);
      }
    },
    toggleCompared: async (name) => {
      const s = get();
      if (s.compared.some((c) => c.name === name) || s.comparePending.includes(name)) {
        set({ compared: s.compared.filter((c) => c.name !== name), comparePending: s.comparePending.filter((n) => n !== name) });
        return;
      }
      set({ comparePending: [...s.comparePending, name] });
      try {
        const loaded = await api().loadScenario({ name });
        // Unticked while loading: leave it out.
        if (!get().comparePending.includes(name)) return;
        set((now) => ({ compared: [...now.compared.filter((c) => c.name !== name), loaded], comparePending: now.comparePending.filter((n) => n !== name) }));
      } catch (err) {
        set((now) => ({ comparePending: now.comparePending.filter((n) => n !== name) }));
        toasts().showError(`Could not load the scenario "${name}" to compare it`, err);
      }
    },
    setSource: (source) => set({ source }),
    calibrate: async () => {
      calibration?.abort();
      const controller = new AbortController();
      calibration = controller;
      set({ calibrating: true, calibrationError: null });
      try {
        const source = get().source;
        const measured = await api().calibrateCapacity(source ? { source } : {}, { signal: controller.signal });
        const prefill = measured.prefill;
        set((s) => ({
          calibration: measured,
          useMeasured: true,
          sources: [...new Set([...s.sources, ...measured.sources.map((m) => m.source)])].sort(),
          fields: prefill ? { ...s.fields, bytesPerEvent: numberText(prefill.bytesPerEvent), compression: compressionText(prefill.compression) } : s.fields,
        }));
      } catch (err) {
        const error = errorDataOf(err);
        if (error.code !== 'CANCELLED') set({ calibrationError: error });
      } finally {
        if (calibration === controller) {
          calibration = null;
          set({ calibrating: false });
        }
      }
    },
    cancelCalibration: () => calibration?.abort(),
    setUseMeasured: (useMeasured) => set({ useMeasured }),
  };
});
