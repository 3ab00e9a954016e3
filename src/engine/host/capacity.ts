// Host handlers for the capacity estimator: calibrating from this workspace's run history and
// storage, and the capacity/<name>.yaml scenarios (list, load, save). Estimating itself runs in
// the renderer, on the same pure code.
import type { EngineHandlers } from '../../shared/api/engine-api.js';
import { capacityHandlers } from '../capacity/handlers.js';
import type { HostContext } from './context.js';

type CapacityHostHandlers = Pick<EngineHandlers, 'calibrateCapacity' | 'listScenarios' | 'loadScenario' | 'saveScenario'>;

export function capacityHostHandlers(ctx: HostContext): CapacityHostHandlers {
  const capacity = capacityHandlers(ctx.workspace);
  return {
    calibrateCapacity: (req) => capacity.capacityCalibrate(req),
    listScenarios: () => capacity.capacityListScenarios({}),
    loadScenario: (req) => capacity.capacityLoadScenario(req),
    saveScenario: (req) => capacity.capacitySaveScenario(req),
  };
}
