// Asks before the page goes away (reload, closing the tab or window) while a model's SQL has
// unsaved edits: those live only in this page until Ctrl+S writes them to the model's file.
import { useEffect } from 'react';
import { selectDirtyModels } from '../../stores/models/selectors.js';
import { useModelsStore } from '../../stores/models/store.js';

export function useUnsavedEditsGuard(): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      if (selectDirtyModels(useModelsStore.getState()).length === 0) return;
      event.preventDefault();
      // Older Chromium (and Electron) ask only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}
