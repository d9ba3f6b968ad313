// Runs an async step over and over (grab a frame, analyse it, ...) while its host wants it, one step
// at a time: the next starts only when the previous one finished, so a slow GPU never piles up work.
// Stops when the host leaves the page.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The longest the loop waits for an animation frame between steps. */
const YIELD_FALLBACK_MS = 50;

export class FrameLoopController implements ReactiveController {
  private running = false;
  private generation = 0;

  /**
   * `step` gets a function that says whether this run is still wanted; check it after every await
   * before touching state. A thrown error stops the loop and goes to `onError`.
   */
  constructor(
    host: ReactiveControllerHost,
    private readonly step: (isCurrent: () => boolean) => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {
    host.addController(this);
  }

  get active(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const generation = ++this.generation;
    void this.loop(generation);
  }

  stop(): void {
    this.running = false;
    this.generation++;
  }

  hostDisconnected(): void {
    this.stop();
  }

  private async loop(generation: number): Promise<void> {
    const isCurrent = () => this.running && this.generation === generation;
    while (isCurrent()) {
      try {
        await this.step(isCurrent);
      } catch (error) {
        if (!isCurrent()) return;
        this.stop();
        this.onError(error);
        return;
      }
      // Yield to rendering between steps: the next animation frame, or a short timer where none comes
      // (a compositor that stopped producing frames, seen in headless Chromium on SwiftShader, must not
      // stop the loop).
      await new Promise<void>((resolve) => {
        requestAnimationFrame(() => resolve());
        setTimeout(resolve, YIELD_FALLBACK_MS);
      });
    }
  }
}
