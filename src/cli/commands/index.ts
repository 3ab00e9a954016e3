// Every `ingot` subcommand, registered in the order `ingot --help` lists them. A new command is
// one new file in this folder plus one line here.
import type { Command } from 'commander';
import { registerInit } from './init.js';
import { registerPreview } from './preview.js';
import { registerIngest } from './ingest.js';
import { registerTables } from './tables.js';
import { registerEstimate } from './estimate.js';
import { registerServe } from './serve.js';
import { registerPlan } from './plan.js';
import { registerRun } from './run.js';
import { registerRuns } from './runs.js';
import { registerSql } from './sql.js';
import { registerCheck } from './check.js';
import { registerQuarantine } from './quarantine.js';
import { registerSampleApi } from './sample-api.js';
import { registerExport } from './export.js';
import { registerSecret } from './secret.js';

export type RegisterCommand = (program: Command) => void;

export const COMMANDS: readonly RegisterCommand[] = [registerInit, registerPreview, registerIngest, registerTables, registerServe, registerEstimate, registerRun, registerPlan, registerRuns, registerSql, registerCheck, registerQuarantine, registerExport, registerSecret, registerSampleApi];
