// The host's event hub: engine code publishes run progress, ingest progress and workspace
// changes here; every connected client's RPC server subscribes a sink.
import type { EngineContract, EventSink } from '../../shared/api/engine-api.js';

export type EngineEventSink = EventSink<EngineContract>;

export class EventHub {
  private readonly sinks = new Set<EngineEventSink>();

  subscribe(sink: EngineEventSink): () => void {
    this.sinks.add(sink);
    return () => {
      this.sinks.delete(sink);
    };
  }

  /** Delivers to every sink; one failing sink does not starve the others. */
  readonly emit: EngineEventSink = (name, event) => {
    for (const sink of [...this.sinks]) {
      try {
        sink(name, event);
      } catch (err) {
        console.error(`An ${name} event listener failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  };

  get size(): number {
    return this.sinks.size;
  }
}
