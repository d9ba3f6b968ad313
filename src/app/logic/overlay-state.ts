// What the camera overlay's box around the target face says, from the quality gates and, while
// verifying, the latest verdict: the box never shows "match" green on a frame that did not match.
export type OverlayState = 'searching' | 'adjust' | 'checking' | 'match' | 'no-match' | 'several';

/**
 * `outcome`: the latest verdict while verifying (null before the first); enrollment passes 'match'
 * for a face that passes the gates, since that frame is taken as a sample.
 */
export function overlayState(faceCount: number, passed: boolean, outcome: 'match' | 'no-match' | null): OverlayState {
  if (faceCount === 0) return 'searching';
  if (faceCount > 1) return 'several';
  if (!passed) return 'adjust';
  return outcome ?? 'checking';
}
