// Monaco, bundled (never from a CDN): the editor core with its standard features, SQL
// highlighting, its worker (built by Vite as a separate file, allowed by the page's CSP as
// 'self'), light and dark themes that follow the OS, and completions from DuckDB's own
// autocomplete through the engine. Imported lazily, so only screens with an editor load it.
import 'monaco-editor/esm/vs/editor/editor.all.js';
import 'monaco-editor/esm/vs/basic-languages/sql/sql.contribution.js';
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import { engineConnection } from '../../api/engine.js';
import { completionRange, suggestionKind } from './completion.js';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

window.MonacoEnvironment = { getWorker: () => new EditorWorker() };

const dark = window.matchMedia('(prefers-color-scheme: dark)');
const applyTheme = (): void => monaco.editor.setTheme(dark.matches ? 'vs-dark' : 'vs');
dark.addEventListener('change', applyTheme);
applyTheme();

monaco.languages.registerCompletionItemProvider('sql', {
  triggerCharacters: ['.'],
  provideCompletionItems: async (model, position, _context, token) => {
    const before = model.getValueInRange({ startLineNumber: 1, startColumn: 1, endLineNumber: position.lineNumber, endColumn: position.column });
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    try {
      const { suggestions } = await engineConnection().api.completeSql({ sql: before }, { signal: controller.signal });
      return {
        suggestions: suggestions.map((s, i) => {
          const from = model.getPositionAt(completionRange(before, s.start));
          return {
            label: s.text,
            kind: suggestionKind(s.text, monaco.languages.CompletionItemKind),
            insertText: s.text,
            sortText: String(i).padStart(3, '0'),
            range: { startLineNumber: from.lineNumber, startColumn: from.column, endLineNumber: position.lineNumber, endColumn: position.column },
          };
        }),
      };
    } catch {
      // No engine (reconnecting) or a cancelled request: no suggestions, and no error while typing.
      return { suggestions: [] };
    }
  },
});

export { monaco };
