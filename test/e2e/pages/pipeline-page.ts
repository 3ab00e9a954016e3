// Page object for the Pipeline screen: the graph's nodes, the side panel of the selected node
// (facts, run buttons, SQL editor) and the New model form.
import { expect, type Locator, type Page } from '@playwright/test';
import { editorText, replaceEditorText } from './monaco.js';

export class PipelinePage {
  readonly graph: Locator;
  readonly nodes: Locator;
  readonly newModelButton: Locator;
  readonly newModelForm: Locator;

  constructor(readonly page: Page) {
    this.graph = page.getByLabel('Pipeline graph');
    this.nodes = this.graph.locator('.react-flow__node');
    this.newModelButton = page.getByRole('main').getByRole('button', { name: 'New model', exact: true });
    this.newModelForm = page.getByRole('form', { name: 'New model' });
  }

  /** The graph node of table `id` (`layer.name`). */
  node(id: string): Locator {
    return this.graph.locator(`.react-flow__node[data-id="${id}"]`);
  }

  /** The side panel of model `id`. */
  modelPanel(id: string): Locator {
    return this.page.getByRole('region', { name: `Model ${id}` });
  }

  sourcePanel(id: string): Locator {
    return this.page.getByRole('region', { name: `Bronze table ${id}` });
  }

  /** The Monaco editor inside `scope` (a model's panel, or the New model form). */
  sqlEditor(scope: Locator): Locator {
    return scope.getByTestId('model-sql-editor');
  }

  /** The editor's text, as its lines show it. */
  sqlText(scope: Locator): Promise<string> {
    return editorText(this.sqlEditor(scope));
  }

  /** Replaces the editor's text, as a paste. */
  writeSql(scope: Locator, sql: string): Promise<void> {
    return replaceEditorText(this.page, this.sqlEditor(scope), sql);
  }

  saveState(id: string): Locator {
    return this.modelPanel(id).getByRole('status', { name: 'Save state' });
  }

  latestRun(id: string): Locator {
    return this.modelPanel(id).getByLabel('Latest run of this model');
  }

  async open(id: string): Promise<Locator> {
    await this.node(id).click();
    const panel = this.modelPanel(id);
    await expect(panel).toBeVisible();
    await expect(this.sqlEditor(panel).locator('.monaco-editor')).toBeVisible();
    return panel;
  }
}
