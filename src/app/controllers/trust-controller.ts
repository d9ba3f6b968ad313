// Attached to the app shell: tells other tabs when this one changed who is enrolled, turns their
// news into a local fp-people-changed (so the shell reloads its list), and asks the browser to keep
// the data (navigator.storage.persist()) after the first enrollment.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { requestPersistenceOnce } from '../../trust';
import { emit } from '../events';
import { trustServices } from '../trust-services';

export class TrustController implements ReactiveController {
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  private readonly onPeopleChanged = (event: HTMLElementEventMap['fp-people-changed']) => {
    const { reason } = event.detail;
    if (reason === 'other-tab') return;
    const { sync, device } = trustServices();
    sync.post({ type: 'people-changed' });
    if (reason === 'enrolled') {
      requestPersistenceOnce(device, navigator.storage, Date.now()).catch((error: unknown) =>
        console.warn('Faceprint: persistent storage could not be requested.', error),
      );
    }
  };

  hostConnected(): void {
    this.host.addEventListener('fp-people-changed', this.onPeopleChanged);
    this.unsubscribe = trustServices().sync.subscribe((message) => {
      if (message.type === 'people-changed') emit(this.host, 'fp-people-changed', { reason: 'other-tab' });
    });
  }

  hostDisconnected(): void {
    this.host.removeEventListener('fp-people-changed', this.onPeopleChanged);
    this.unsubscribe?.();
  }
}
