// Small pieces of markup more than one view shows.
import { html } from 'lit';
import type { EngineState } from './engine-state';
import './components/fp-alert';

/** The engine's failure, as an error alert at the top of a view that needs it; nothing otherwise. */
export function engineProblemAlert(engine: EngineState) {
  if (engine.status !== 'failed') return null;
  const { problem } = engine;
  return html`<fp-alert class="block" tone="error" heading=${problem.title} data-problem=${problem.kind}>
    ${problem.message}
  </fp-alert>`;
}
