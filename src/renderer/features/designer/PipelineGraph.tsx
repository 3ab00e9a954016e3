// The pipeline as a graph (bronze → silver → gold), laid out by pipeline-layout.ts. Selecting a
// node, by click or by Tab and Enter, opens it in the side panel; nodes stay where the layout
// puts them, so the picture is the same every time.
import { Background, Controls, ReactFlow, type Edge, type NodeChange } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import type { ModelInfo, ModelRun } from '../../../shared/api/index.js';
import { layoutPipeline } from './pipeline-layout.js';
import { TableNode, type TableFlowNode } from './TableNode.js';

const NODE_TYPES = { table: TableNode };
/** What a screen reader says about a node: nodes here are opened, never moved or deleted. */
const ARIA_LABELS = { 'node.a11yDescription.default': 'Press Enter or Space to open this table in the side panel; Escape closes it.' };

export interface PipelineGraphProps {
  models: readonly ModelInfo[];
  bronzeTables: readonly string[];
  statuses: ReadonlyMap<string, ModelRun['status']>;
  dirty: readonly string[];
  selected: string | null;
  onSelect(id: string | null): void;
}

export function PipelineGraph({ models, bronzeTables, statuses, dirty, selected, onSelect }: PipelineGraphProps) {
  const layout = useMemo(() => layoutPipeline(models, bronzeTables), [models, bronzeTables]);
  const nodes = useMemo(
    () =>
      layout.nodes.map((n): TableFlowNode => {
        const status = statuses.get(n.id) ?? null;
        return {
          id: n.id,
          type: 'table',
          position: { x: n.x, y: n.y },
          selected: n.id === selected,
          ariaLabel: `${n.id}${status ? `, last run: ${status}` : ''}${dirty.includes(n.id) ? ', unsaved changes' : ''}`,
          data: {
            layer: n.layer,
            name: n.name,
            materialization: n.model?.materialization ?? null,
            checks: n.model?.checks ?? 0,
            status,
            dirty: dirty.includes(n.id),
          },
        };
      }),
    [layout, statuses, dirty, selected],
  );
  const edges = useMemo(
    () => layout.edges.map((e): Edge => ({ ...e, animated: statuses.get(e.target) === 'running', ariaLabel: `${e.source} feeds ${e.target}` })),
    [layout, statuses],
  );
  const onNodesChange = (changes: NodeChange<TableFlowNode>[]): void => {
    const picked = changes.find((c) => c.type === 'select' && c.selected);
    if (picked && picked.type === 'select') onSelect(picked.id);
    else if (changes.some((c) => c.type === 'select' && !c.selected && c.id === selected)) onSelect(null);
  };
  // A new set of tables remounts the flow, so that it fits the whole pipeline in view again.
  const shape = layout.nodes
    .map((n) => n.id)
    .sort()
    .join(',');
  return (
    <div className="pipeline-graph" aria-label="Pipeline graph">
      <ReactFlow
        key={shape}
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        deleteKeyCode={null}
        ariaLabelConfig={ARIA_LABELS}
        fitView
        fitViewOptions={{ padding: 0.2, maxZoom: 1 }}
        minZoom={0.2}
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
