// Keeps a component up to date with the verification lock: read from storage when the component
// connects, when another tab says it changed, and once a second while a lock runs down.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LockoutStatus } from '../../storage';
import { trustServices } from '../trust-services';

export class LockoutController implements ReactiveController {
  /** null until first read. */
  status: LockoutStatus | null = null;
  /** What reading the lock failed with, if it did. */
  error: unknown = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Milliseconds of the lock left, now. */
  get remainingMs(): number {
    const until = this.status?.lockedUntil;
    return until ? Math.max(0, until - Date.now()) : 0;
  }

  get locked(): boolean {
    return this.remainingMs > 0;
  }

  hostConnected(): void {
    this.unsubscribe = trustServices().sync.subscribe((message) => {
      if (message.type === 'lockout-changed' || message.type === 'owner-changed') void this.refresh();
    });
    void this.refresh();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.stopTicking();
  }

  /** Shows `status` (just returned by a write) without reading it again. */
  show(status: LockoutStatus): void {
    this.status = status;
    this.error = null;
    this.tick();
  }

  async refresh(): Promise<void> {
    try {
      this.show(await trustServices().guard.check());
    } catch (error) {
      this.error = error;
      this.host.requestUpdate();
    }
  }

  private tick(): void {
    if (this.locked && !this.timer) {
      this.timer = setInterval(() => {
        if (!this.locked) {
          this.stopTicking();
          void this.refresh();
        }
        this.host.requestUpdate();
      }, 1000);
    }
    if (!this.locked) this.stopTicking();
    this.host.requestUpdate();
  }

  private stopTicking(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
