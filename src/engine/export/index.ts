// Exports that take a workspace past one machine: a Parquet lake of the published tables
// (`ingot export parquet`) and a dbt project of the models and checks (`ingot export dbt`).
// Both write into a folder of their own, atomically, and never mix with the user's files.
export { exportLake, LAKE_KIND, type LakeExportOptions, type LakeExportResult, type LakeWorkspace } from './lake/export-lake.js';
export { parseLayers } from './lake/lake-tables.js';
export { LAKE_MANIFEST, type LakeManifest, type LakeManifestTable, type LakeFile } from './lake/lake-manifest.js';
export { exportDbt, DBT_KIND, type DbtExportOptions, type DbtExportResult } from './dbt/export-dbt.js';
export type { CheckOutcome } from './dbt/check-tests.js';
