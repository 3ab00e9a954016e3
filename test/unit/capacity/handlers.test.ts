// The engine-side capacity calls as the EngineApi will carry them: requests and results pass the
// shared runtime schemas, and scenario calls accept names only.
import { describe, expect, it } from 'vitest';
import {
  CalibrateRequestSchema,
  CalibrationSchema,
  capacityHandlers,
  ListScenariosResultSchema,
  LoadScenarioRequestSchema,
  LoadScenarioResultSchema,
  SaveScenarioRequestSchema,
  tryEstimate,
} from '../../../src/engine/capacity/index.js';
import { initWorkspace } from '../../../src/engine/workspace/init.js';
import { openWorkspace } from '../../../src/engine/workspace/workspace.js';
import { tempDir } from '../../helpers/temp-dir.js';

describe('capacity handlers', () => {
  it('save, list, load and calibrate through the contract schemas', async () => {
    const ws = await openWorkspace((await initWorkspace(await tempDir())).root);
    try {
      const h = capacityHandlers(ws);
      // What a form sends: its field values, compression as typed.
      const save = SaveScenarioRequestSchema.parse({
        name: 'shop',
        description: 'flash sale',
        inputs: { usersPerDay: 100_000, eventsPerUserPerDay: 4, bytesPerEvent: 1000, peakFactor: 5.4, compression: '5-10', retentionDays: 90, yearlyGrowthPercent: 10, projectionYears: 2, freshness: 'hourly', consumers: 2, storagePricePerTbMonth: 20 },
      });
      expect(await h.capacitySaveScenario(save)).toEqual({ file: 'capacity/shop.yaml' });
      const list = ListScenariosResultSchema.parse(await h.capacityListScenarios({}));
      expect(list.scenarios).toEqual([{ name: 'shop', file: 'capacity/shop.yaml', description: 'flash sale' }]);
      const loaded = LoadScenarioResultSchema.parse(await h.capacityLoadScenario(LoadScenarioRequestSchema.parse({ name: 'shop' })));
      expect(loaded.inputs).toEqual(save.inputs);
      expect(loaded.inputs.compression).toEqual({ min: 5, max: 10 });
      const again = tryEstimate(loaded.inputs);
      expect(again.ok && again.estimate.retainedBytes.max).toBeCloseTo(400e6 * 90 / 5, 0);
      const calibration = CalibrationSchema.parse(await h.capacityCalibrate(CalibrateRequestSchema.parse({})));
      expect(calibration.profile.writerEventsPerSec.source).toBe('default');
    } finally {
      ws.close();
    }
  });

  it('refuses paths where a scenario name is expected', () => {
    expect(LoadScenarioRequestSchema.safeParse({ name: '../../etc/passwd' }).success).toBe(false);
    expect(SaveScenarioRequestSchema.safeParse({ name: 'a/b', inputs: {} }).success).toBe(false);
  });
});
