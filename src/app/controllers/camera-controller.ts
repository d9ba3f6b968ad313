// Owns the webcam MediaStream for one element: starts it, switches cameras, and always releases it
// when stopped, when the element leaves the page, or when the page is hidden for good.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { describeCameraError, type Problem } from '../messages';

export type CameraStatus = 'idle' | 'starting' | 'live' | 'error';

export interface CameraDevice {
  deviceId: string;
  label: string;
}

/** Raised for conditions getUserMedia has no DOMException for; messages.ts knows these names. */
class CameraConditionError extends Error {
  constructor(override readonly name: 'CameraInsecureContext' | 'CameraEnded') {
    super(name);
  }
}

export class CameraController implements ReactiveController {
  status: CameraStatus = 'idle';
  stream: MediaStream | null = null;
  problem: Problem | null = null;
  devices: CameraDevice[] = [];
  /** The device actually streaming. */
  activeDeviceId: string | null = null;

  /** Bumped on every start and stop, so a late getUserMedia answer can tell it is stale. */
  private generation = 0;
  private readonly onPageHide = (event: PageTransitionEvent) => {
    if (!event.persisted) this.stop();
  };

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.onPageHide);
  }

  hostDisconnected(): void {
    window.removeEventListener('pagehide', this.onPageHide);
    this.stop();
  }

  /** Starts the camera `deviceId` (or the default front camera); resolves once it streams or failed. */
  async start(deviceId: string | null = null): Promise<void> {
    this.release();
    const generation = ++this.generation;
    this.status = 'starting';
    this.problem = null;
    this.host.requestUpdate();
    try {
      if (!navigator.mediaDevices?.getUserMedia) throw new CameraConditionError('CameraInsecureContext');
      const stream = await this.open(deviceId);
      if (generation !== this.generation) {
        stopTracks(stream);
        return;
      }
      this.stream = stream;
      const track = stream.getVideoTracks()[0];
      this.activeDeviceId = track?.getSettings().deviceId ?? deviceId;
      track?.addEventListener('ended', () => {
        if (this.stream === stream) this.fail(new CameraConditionError('CameraEnded'));
      });
      this.status = 'live';
      // Labels are only readable once permission was granted, i.e. now.
      this.devices = await listCameras();
    } catch (error) {
      if (generation === this.generation) this.fail(error);
    }
    this.host.requestUpdate();
  }

  /** Stops streaming and turns the camera light off. */
  stop(): void {
    this.generation++;
    this.release();
    this.status = 'idle';
    this.problem = null;
    this.host.requestUpdate();
  }

  private async open(deviceId: string | null): Promise<MediaStream> {
    const video: MediaTrackConstraints = { width: { ideal: 640 }, height: { ideal: 480 } };
    if (!deviceId)
      return navigator.mediaDevices.getUserMedia({ video: { ...video, facingMode: 'user' }, audio: false });
    try {
      return await navigator.mediaDevices.getUserMedia({
        video: { ...video, deviceId: { exact: deviceId } },
        audio: false,
      });
    } catch (error) {
      // The remembered camera is gone (unplugged, or ids were reset): fall back to the default one.
      const name = (error as { name?: string }).name;
      if (name !== 'OverconstrainedError' && name !== 'NotFoundError') throw error;
      return navigator.mediaDevices.getUserMedia({ video: { ...video, facingMode: 'user' }, audio: false });
    }
  }

  private fail(error: unknown): void {
    this.release();
    this.status = 'error';
    this.problem = describeCameraError(error);
    this.host.requestUpdate();
  }

  private release(): void {
    if (this.stream) stopTracks(this.stream);
    this.stream = null;
    this.activeDeviceId = null;
  }
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

async function listCameras(): Promise<CameraDevice[]> {
  const all = await navigator.mediaDevices.enumerateDevices();
  return all
    .filter((device) => device.kind === 'videoinput')
    .map((device, index) => ({ deviceId: device.deviceId, label: device.label || `Camera ${index + 1}` }));
}
