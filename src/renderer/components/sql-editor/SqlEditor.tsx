// A SQL editor (Monaco): highlighting, DuckDB completions, Ctrl+Enter runs the selection (or
// everything), Ctrl+S saves where there is something to save, and an error's line and column
// marked in place. Controlled by `value`.
import { useEffect, useRef } from 'react';
import { monaco } from './monaco-setup.js';

export interface EditorErrorMark {
  line: number;
  column: number;
  message: string;
}

export interface SqlEditorProps {
  /** Accessible name of the editor. */
  label: string;
  value: string;
  onChange(value: string): void;
  /** Ctrl+Enter (⌘Enter): runs the selected text, or all of it when nothing is selected. */
  onRun?(sql: string, firstLine: number, firstColumn: number): void;
  /** Ctrl+S (⌘S). */
  onSave?(): void;
  /** While a save is on its way: the text can be read and selected, not changed. */
  readOnly?: boolean;
  /** Where the last run failed, drawn as an error under the text. */
  error?: EditorErrorMark | null;
  /** For tests: the editor's `data-testid`. */
  testId?: string;
}

export default function SqlEditor({ label, value, onChange, onRun, onSave, readOnly = false, error, testId = 'sql-editor' }: SqlEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  // The editor is made once, from the first value and label; later ones arrive through the effects below.
  const initial = useRef({ value, label });
  const latest = useRef({ onChange, onRun, onSave });
  latest.current = { onChange, onRun, onSave };

  useEffect(() => {
    if (!host.current) return undefined;
    const editor = monaco.editor.create(host.current, {
      value: initial.current.value,
      language: 'sql',
      ariaLabel: initial.current.label,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      lineNumbersMinChars: 3,
      wordWrap: 'off',
      tabSize: 2,
      renderLineHighlight: 'line',
      fixedOverflowWidgets: true,
    });
    editorRef.current = editor;
    const changes = editor.onDidChangeModelContent(() => latest.current.onChange(editor.getValue()));
    // Actions register commands and keybindings globally; editor.dispose() does not remove them.
    const run = editor.addAction({
      id: 'ingot.run',
      label: 'Run SQL',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => {
        const model = editor.getModel();
        const selection = editor.getSelection();
        if (!model) return;
        const chosen = selection && !selection.isEmpty() ? model.getValueInRange(selection) : '';
        if (chosen.trim() !== '' && selection) latest.current.onRun?.(chosen, selection.startLineNumber, selection.startColumn);
        else latest.current.onRun?.(model.getValue(), 1, 1);
      },
    });
    const save = editor.addAction({
      id: 'ingot.save',
      label: 'Save SQL',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS],
      run: () => latest.current.onSave?.(),
    });
    return () => {
      changes.dispose();
      run.dispose();
      save.dispose();
      editor.dispose();
      editorRef.current = null;
    };
  }, []);

  // Options first: a save ends read-only mode in the same render that brings the saved text.
  useEffect(() => {
    editorRef.current?.updateOptions({ readOnly, ariaLabel: label });
  }, [readOnly, label]);

  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || model.getValue() === value) return;
    // An edit, not setValue: the cursor stays where it was and Ctrl+Z can undo the change.
    editor.executeEdits('ingot', [{ range: model.getFullModelRange(), text: value }]);
    editor.pushUndoStop();
  }, [value]);

  // The mark follows the error itself, not each render, so typing elsewhere does not jump back to it.
  const line = error?.line;
  const column = error?.column;
  const message = error?.message;
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model) return;
    if (line === undefined || column === undefined) {
      monaco.editor.setModelMarkers(model, 'ingot', []);
      return;
    }
    const at = Math.min(line, model.getLineCount());
    monaco.editor.setModelMarkers(model, 'ingot', [
      { severity: monaco.MarkerSeverity.Error, message: message ?? '', startLineNumber: at, startColumn: column, endLineNumber: at, endColumn: model.getLineMaxColumn(at) },
    ]);
    editor.revealLineInCenterIfOutsideViewport(at);
  }, [line, column, message]);

  return <div className="sql-editor" ref={host} data-testid={testId} aria-busy={readOnly} />;
}
