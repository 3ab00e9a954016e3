// Initial state of the sources store: the workspace's sources not listed yet, no load running,
// no test request or preview shown, no file added.
import type { IngestProgress, IngestResult, PreviewResult, SourceInfo, SourcePreviewResult, TestRequestResult } from '../../../shared/api/index.js';
import type { ErrorData } from '../../../shared/errors.js';

/** A load started from this window: running (with its latest progress) or finished. */
export type SourceLoad = { state: 'running'; progress: IngestProgress | null } | { state: 'done'; result: IngestResult } | { state: 'failed'; error: ErrorData };

/** What the panel shows under the table for one source. */
export type SourceInspection =
  | { kind: 'test-request'; source: string; status: 'loading' }
  | { kind: 'test-request'; source: string; status: 'ready'; result: TestRequestResult }
  | { kind: 'preview'; source: string; status: 'loading' }
  | { kind: 'preview'; source: string; status: 'ready'; result: SourcePreviewResult };

/** A file the user dropped or named: its preview, then the source that loads it (its load is in `loads`). */
export interface FileDraft {
  /** Tells drafts apart: the same path may be added again. */
  id: number;
  /** As the user gave it (without a leading ./): absolute, or relative to the workspace folder. */
  path: string;
  preview: { status: 'loading' } | { status: 'ready'; result: PreviewResult } | { status: 'failed'; error: ErrorData } | { status: 'cancelled' };
  /** The source that reads the file, once Load into bronze has made (or found) it. */
  source: string | null;
  /** Why the file could not be added as a source. */
  addError: ErrorData | null;
}

export interface SourcesState {
  sources: SourceInfo[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: ErrorData | null;
  /** Loads started from this window (Sources panel or an added file), by source name. */
  loads: Record<string, SourceLoad>;
  inspection: SourceInspection | null;
  /** Files added in the Add data files panel, newest first. */
  drafts: FileDraft[];
}

export const initialSourcesState: SourcesState = { sources: [], status: 'idle', error: null, loads: {}, inspection: null, drafts: [] };
