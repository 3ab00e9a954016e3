// Selectors of the sources store.
import type { SourcesStore } from './store.js';

export const selectSourceList = (s: SourcesStore) => ({ sources: s.sources, status: s.status, error: s.error, load: s.load });
export const selectLoads = (s: SourcesStore) => s.loads;
export const selectInspection = (s: SourcesStore) => s.inspection;
export const selectSourceActions = (s: SourcesStore) => ({
  ingest: s.ingest,
  cancelLoad: s.cancelLoad,
  testRequest: s.testRequest,
  preview: s.preview,
  closeInspection: s.closeInspection,
  applyProgress: s.applyProgress,
});
export const selectDrafts = (s: SourcesStore) => s.drafts;
export const selectDraftActions = (s: SourcesStore) => ({ addFiles: s.addFiles, cancelPreview: s.cancelPreview, loadFile: s.loadFile, removeFile: s.removeFile, cancelLoad: s.cancelLoad });
