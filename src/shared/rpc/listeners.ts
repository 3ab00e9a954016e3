// A tiny listener set shared by the transports: add returns its own remover, emit is safe
// against listeners that remove themselves while being called.

export class Listeners<T extends unknown[]> {
  private readonly set = new Set<(...args: T) => void>();

  add(listener: (...args: T) => void): () => void {
    this.set.add(listener);
    return () => {
      this.set.delete(listener);
    };
  }

  emit(...args: T): void {
    for (const listener of [...this.set]) listener(...args);
  }

  clear(): void {
    this.set.clear();
  }
}

/**
 * A transport's closed state: `close()` tells the listeners once and drops them; a listener
 * added after that runs on the next microtask, so a late subscriber still learns of it.
 */
export class CloseSignal {
  private readonly listeners = new Listeners<[]>();

  constructor(private isClosed = false) {}

  get closed(): boolean {
    return this.isClosed;
  }

  /** Marks the transport closed; returns false when it already was. */
  close(): boolean {
    if (this.isClosed) return false;
    this.isClosed = true;
    this.listeners.emit();
    this.listeners.clear();
    return true;
  }

  onClose(listener: () => void): () => void {
    if (this.isClosed) {
      queueMicrotask(listener);
      return () => undefined;
    }
    return this.listeners.add(listener);
  }
}
