// How many samples an enrollment takes and how far apart: shared by the enroll view and the browser
// benchmark, which times an enrollment the way the app makes one.

/** Samples an enrollment needs. */
export const REQUIRED_SAMPLES = 5;

/** Samples are taken at least this far apart, so they differ a little (pose, expression, light). */
export const SAMPLE_INTERVAL_MS = 400;
