// The app's trust services, one set per page: the owner, the attempt guard and log, the device
// record, and the channel to other tabs. They open their own connection to the database (IndexedDB
// allows several per page), so they work whichever view needs them first.
import { AttemptLog, DeviceStore, FaceprintConnection, LockoutStore } from '../storage';
import { AttemptGuard, OwnerAuth, TabSync, type RelyingParty } from '../trust';

export interface TrustServices {
  owner: OwnerAuth;
  guard: AttemptGuard;
  log: AttemptLog;
  device: DeviceStore;
  sync: TabSync;
}

let services: TrustServices | null = null;

function relyingParty(): RelyingParty | null {
  if (typeof PublicKeyCredential === 'undefined' || !navigator.credentials) return null;
  return { credentials: navigator.credentials, origin: location.origin, rpId: location.hostname };
}

export function trustServices(): TrustServices {
  if (!services) {
    const connection = new FaceprintConnection();
    const device = new DeviceStore(connection);
    const log = new AttemptLog(connection);
    const sync = new TabSync();
    services = {
      owner: new OwnerAuth(device, relyingParty),
      guard: new AttemptGuard(new LockoutStore(connection), log, sync),
      log,
      device,
      sync,
    };
  }
  return services;
}
