// Tells the other Faceprint tabs of this browser what changed in storage, so they reload it instead of
// acting on a stale copy (verifying against a deleted person, showing a lock that was lifted).
export type TabMessage = { type: 'people-changed' } | { type: 'lockout-changed' } | { type: 'owner-changed' };

const CHANNEL = 'faceprint';

export class TabSync {
  private readonly channel: BroadcastChannel | null;
  private readonly listeners = new Set<(message: TabMessage) => void>();

  constructor(name = CHANNEL) {
    this.channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name);
    this.channel?.addEventListener('message', (event: MessageEvent<TabMessage>) => {
      for (const listener of this.listeners) listener(event.data);
    });
  }

  /** Sends to every other tab (a channel never delivers to its own sender). */
  post(message: TabMessage): void {
    this.channel?.postMessage(message);
  }

  /** Listens to other tabs; returns the function that stops listening. */
  subscribe(listener: (message: TabMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.channel?.close();
    this.listeners.clear();
  }
}
