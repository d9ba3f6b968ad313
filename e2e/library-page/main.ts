// The page's own code, as its author would write it against the package: one engine for both elements
// (its models served by this page, its networks the app's for the adapter), one store, and the elements' events written into a list that
// e2e/library-page.spec.ts reads. After an enrollment the page asks <fp-verify> to check that person.
import { FaceEngine } from 'faceprint/engine';
import { EnrollmentStore, pipelineNetworks } from 'faceprint/elements';

const enroll = document.querySelector('fp-enroll')!;
const verify = document.querySelector('fp-verify')!;
const events = document.querySelector('#events')!;

// The app's networks for the adapter: the light pipeline where WebGPU runs on the processor.
const engine = FaceEngine.create({
  modelBaseUrl: `${import.meta.env.BASE_URL}models/`,
  forAdapter: pipelineNetworks(),
});
const store = new EnrollmentStore();
for (const element of [enroll, verify]) {
  element.engine = engine;
  element.store = store;
}

function heard(type: string, data: Record<string, string>, text: string): void {
  const item = document.createElement('li');
  item.dataset.event = type;
  Object.assign(item.dataset, data);
  item.textContent = text;
  events.append(item);
}

enroll.addEventListener('fp-enrolled', ({ detail }) => {
  heard('fp-enrolled', { name: detail.name, samples: String(detail.sampleCount) }, `${detail.name} enrolled`);
  verify.personId = detail.personId;
});

verify.addEventListener('fp-decision', ({ detail }) => {
  heard(
    'fp-decision',
    { outcome: detail.outcome, name: detail.name ?? '', mode: detail.mode, liveness: detail.liveness.status },
    `${detail.outcome} (${detail.mode}) ${detail.name ?? 'no one'}, distance ${detail.distance.toFixed(3)}`,
  );
});
