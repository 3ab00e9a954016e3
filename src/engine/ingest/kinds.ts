// Registers the built-in source kinds. A new kind is one file plus one line here; importing
// this module (ingest, sources and preview do) makes every kind available.
import { fileKind } from './file/file-kind.js';
import { httpKind } from './http/http-kind.js';
import { registerSourceKind } from './registry.js';

registerSourceKind(fileKind);
registerSourceKind(httpKind);

export { sourceKind, sourceKindNames } from './registry.js';
