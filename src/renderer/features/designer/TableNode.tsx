// One node of the pipeline graph: a bronze table or a model, with its layer, how it is built,
// its checks, the result of its latest run and whether its SQL has unsaved changes.
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { ModelRun } from '../../../shared/api/index.js';
import { modelPillClass, modelStatusLabel } from '../../format/run-status.js';

export interface TableNodeData extends Record<string, unknown> {
  layer: 'bronze' | 'silver' | 'gold';
  name: string;
  /** How the model is built; null for a bronze table filled by ingest. */
  materialization: string | null;
  checks: number;
  status: ModelRun['status'] | null;
  dirty: boolean;
}

export type TableFlowNode = Node<TableNodeData, 'table'>;

export function TableNode({ data, selected }: NodeProps<TableFlowNode>) {
  const kind = data.materialization ?? 'loaded by ingest';
  return (
    <div className={`table-node table-node--${data.layer}${selected ? ' table-node--selected' : ''}`}>
      {data.layer !== 'bronze' ? <Handle type="target" position={Position.Left} isConnectable={false} /> : null}
      <div className="table-node__top">
        <span className={`layer-badge layer-badge--${data.layer}`}>{data.layer}</span>
        {data.status ? <span className={`${modelPillClass(data.status)} table-node__status`}>{modelStatusLabel(data.status)}</span> : null}
      </div>
      <div className="table-node__name">
        {data.name}
        {data.dirty ? (
          <span className="table-node__dirty" title="Unsaved changes">
            {' '}●
          </span>
        ) : null}
      </div>
      <div className="table-node__meta">
        {kind}
        {data.checks > 0 ? ` · ${data.checks} check${data.checks === 1 ? '' : 's'}` : ''}
      </div>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}
