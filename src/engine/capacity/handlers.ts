// The engine-side capacity calls on an open workspace, shaped for the EngineApi contract (see
// src/shared/capacity/api-schemas.ts): calibrate, and list / load / save scenario files.
import type { z } from 'zod';
import type {
  CalibrateRequestSchema,
  Calibration,
  ListScenariosResultSchema,
  LoadScenarioRequestSchema,
  LoadScenarioResultSchema,
  SaveScenarioRequestSchema,
  SaveScenarioResultSchema,
} from '../../shared/capacity/index.js';
import type { Workspace } from '../workspace/workspace.js';
import { calibrate } from './calibrate.js';
import { listScenarios, loadScenario, saveScenario } from './scenarios.js';

export interface CapacityHandlers {
  capacityCalibrate(request: z.output<typeof CalibrateRequestSchema>): Promise<Calibration>;
  capacityListScenarios(request: Record<string, never>): Promise<z.input<typeof ListScenariosResultSchema>>;
  capacityLoadScenario(request: z.output<typeof LoadScenarioRequestSchema>): Promise<z.input<typeof LoadScenarioResultSchema>>;
  capacitySaveScenario(request: z.output<typeof SaveScenarioRequestSchema>): Promise<z.input<typeof SaveScenarioResultSchema>>;
}

/** Handlers bound to `ws`; scenario calls take names only, never paths outside capacity/. */
export function capacityHandlers(ws: Pick<Workspace, 'db' | 'paths' | 'relative'>): CapacityHandlers {
  return {
    capacityCalibrate: (request) => calibrate(ws.db, request.source ? { source: request.source } : {}),
    capacityListScenarios: async () => ({ scenarios: await listScenarios(ws.paths) }),
    capacityLoadScenario: async (request) => {
      const s = await loadScenario(ws.paths, request.name);
      return { name: s.name, file: s.file, ...(s.description !== undefined ? { description: s.description } : {}), inputs: s.inputs, defaulted: s.defaulted };
    },
    capacitySaveScenario: async (request) => {
      const file = await saveScenario(ws.paths, request.name, request.inputs, {
        ...(request.description !== undefined ? { description: request.description } : {}),
        overwrite: request.overwrite,
      });
      return { file: ws.relative(file) };
    },
  };
}
