// The fixed split of LFW people into a calibration half (chooses thresholds, derives the mean face) and a
// held-out half (reports rates), shared by eval-liveness and derive-mean-face.

export type Split = 'calibration' | 'held-out';

/** FNV-1a of the name: a fixed, even split of people. */
export function splitOf(name: string): Split {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return (h >>> 0) % 2 === 0 ? 'calibration' : 'held-out';
}
