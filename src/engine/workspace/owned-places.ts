// The places in a workspace that hold Ingot's own files: its models/, sources/ and capacity/
// folders, .ingot/ (the database) and ingot.yaml. Nothing Ingot writes for the user (an export, a
// query's rows written to a file) may land there: it would be read as a model or a source, or it
// would overwrite the workspace database.
import { relative, sep } from 'node:path';
import type { WorkspacePaths } from './workspace.js';

export type OwnedPaths = Pick<WorkspacePaths, 'root' | 'models' | 'sources' | 'internal'> & Partial<Pick<WorkspacePaths, 'config' | 'capacity'>>;

export interface OwnedPlace {
  /** Where a path is, as a phrase: "inside the workspace's models/ folder", "the workspace's ingot.yaml". */
  where: string;
  /** Why nothing else belongs there, as a clause: "Ingot reads every .sql file there as a model". */
  why: string;
}

/** The workspace place `target` (absolute) is or lies in, if any. */
export function ownedPlaceOf(target: string, paths: OwnedPaths): OwnedPlace | undefined {
  const folders: [string | undefined, string][] = [
    [paths.models, 'Ingot reads every .sql file there as a model'],
    [paths.sources, 'Ingot reads every .yaml file there as a source'],
    [paths.internal, 'it holds the workspace database'],
    [paths.capacity, "it holds the workspace's capacity figures"],
  ];
  for (const [folder, why] of folders) {
    if (folder !== undefined && (target === folder || target.startsWith(folder + sep))) return { where: `inside the workspace's ${relative(paths.root, folder)}/ folder`, why };
  }
  if (paths.config !== undefined && target === paths.config) return { where: `the workspace's ${relative(paths.root, paths.config)}`, why: 'Ingot keeps its settings' };
  return undefined;
}
