// faceprint/elements: the public elements, and the store and types a page needs to use them. Importing
// this module defines <fp-enroll> and <fp-verify>; the engine they take comes from faceprint/engine.
export { FpEnroll } from './fp-enroll';
export { FpVerify } from './fp-verify';
export { EnrollmentStore, type ConnectionOptions, type PersonRecord, type SampleRecord } from '../storage';
export type { FpEventDetails, VerificationResult } from '../app/events';
export { PIPELINES, pipelineNetworks, type Pipeline } from '../app/engine-facade';
