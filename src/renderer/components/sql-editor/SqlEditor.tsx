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
  const latest = useRef({ onChange, onRun, onSave });
  latest.current = { onChange, onRun, onSave };

  useEffect(() => {
    if (!host.current) return undefined;
    const editor = monaco.editor.create(host.current, {
      value,
      language: 'sql',
      ariaLabel: label,
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
    editor.addAction({
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
    editor.addAction({
      id: 'ingot.save',
      label: 'Save SQL',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS],
      run: () => latest.current.onSave?.(),
    });
    return () => {
      changes.dispose();
      editor.dispose();
      editorRef.current = null;
    };
    // The editor is made once; later values arrive through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const editor = editorRef.current;
    if (editor && editor.getValue() !== value) editor.setValue(value);
  }, [value]);

  useEffect(() => {
    editorRef.current?.updateOptions({ readOnly });
  }, [readOnly]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    const markers = error
      ? [{ severity: monaco.MarkerSeverity.Error, message: error.message, startLineNumber: error.line, startColumn: error.column, endLineNumber: error.line, endColumn: model.getLineMaxColumn(Math.min(error.line, model.getLineCount())) }]
      : [];
    monaco.editor.setModelMarkers(model, 'ingot', markers);
    if (error) editorRef.current?.revealLineInCenterIfOutsideViewport(error.line);
  }, [error]);

  return <div className="sql-editor" ref={host} data-testid={testId} aria-busy={readOnly} />;
}
