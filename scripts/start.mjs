#!/usr/bin/env node
// `npm start`: opens Ingot on the built-in ShopFlow sample. Creates the sample workspace on first
// use (generate, ingest, run the pipeline), builds the UI if needed, then serves it locally.
import { ensureBuilt, ensureSampleWorkspace, ingot } from './sample-workspace.mjs';

const workspace = ensureSampleWorkspace();
ensureBuilt('dist/renderer/index.html');
ingot('serve', workspace, ...process.argv.slice(2));
