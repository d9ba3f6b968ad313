// Pipeline variants of our engine for the LFW evaluation, named by dash-separated tokens:
//   tiny                the tiny face detector (the app's on software adapters) instead of SSD MobileNet
//   as | ms | ss        detector views: adaptive (engine default: the zoomed-out view only when face-api's
//                       view found no face at the centre) | both views always | face-api's view only
//   centre | score      the engine's target face (contains the frame centre, largest) | highest detector score
//   refine | refineN    second landmark pass on a box re-derived from the first landmarks (N passes)
//   chip | crop         dlib similarity chip (engine default) | face-api's axis-aligned crop
//   flip                average the descriptors of the chip and its mirror image
//   confNN              detector minConfidence NN/100 (default 50)
// e.g. "ms-centre-chip-flip", "ss-score-crop", "as-centre-refine-chip-flip", "tiny-as-centre-refine-chip".
import type { DetectorId, DetectorViews } from '../../src/engine/index';

const VIEW_TOKENS: Record<string, DetectorViews> = { as: 'adaptive', ms: 'both', ss: 'frame' };
const viewToken = (views: DetectorViews): string => Object.keys(VIEW_TOKENS).find((t) => VIEW_TOKENS[t] === views)!;

export interface Variant {
  id: string;
  detector: DetectorId;
  views: DetectorViews;
  minConfidence: number;
  pick: 'centre' | 'score';
  /** Landmark passes after the first, each from a box re-derived from the previous landmarks. */
  refine: number;
  alignment: 'dlib-chip' | 'face-api-crop';
  flip: boolean;
}

/** The pipeline the app runs (src/app/engine-facade.ts PIPELINES.gpu; a test keeps them equal). */
export const DEFAULT_VARIANT = 'as-centre-refine-chip-flip';

export function parseVariant(id: string): Variant {
  const tokens = id.split('-');
  const variant: Omit<Variant, 'id'> = {
    detector: 'ssd_mobilenetv1',
    views: 'both',
    minConfidence: 0.5,
    pick: 'centre',
    refine: 0,
    alignment: 'dlib-chip',
    flip: false,
  };
  for (const token of tokens) {
    if (token === 'tiny') variant.detector = 'tiny_face_detector';
    else if (token in VIEW_TOKENS) variant.views = VIEW_TOKENS[token]!;
    else if (token === 'centre' || token === 'score') variant.pick = token;
    else if (token === 'refine') variant.refine = 1;
    else if (/^refine\d$/.test(token)) variant.refine = Number(token.slice(6));
    else if (token === 'chip') variant.alignment = 'dlib-chip';
    else if (token === 'crop') variant.alignment = 'face-api-crop';
    else if (token === 'flip') variant.flip = true;
    else if (/^conf\d\d$/.test(token)) variant.minConfidence = Number(token.slice(4)) / 100;
    else
      throw new Error(
        `variant "${id}": unknown token "${token}" (tiny, as|ms|ss, centre|score, refine[N], chip|crop, flip, confNN)`,
      );
  }
  return { id: canonicalId(variant), ...variant };
}

/** The canonical name, so that "chip-ms-flip" and "ms-centre-chip-flip" share one cache entry. */
export function canonicalId(v: Omit<Variant, 'id'>): string {
  return [
    v.detector === 'tiny_face_detector' ? 'tiny' : '',
    viewToken(v.views),
    v.minConfidence === 0.5 ? '' : `conf${Math.round(v.minConfidence * 100)}`,
    v.pick,
    v.refine === 0 ? '' : v.refine === 1 ? 'refine' : `refine${v.refine}`,
    v.alignment === 'dlib-chip' ? 'chip' : 'crop',
    v.flip ? 'flip' : '',
  ]
    .filter(Boolean)
    .join('-');
}

/** The detector configuration a variant needs (one engine and one cached analysis per configuration). */
export const detectorId = (v: Variant): string =>
  `${v.detector === 'tiny_face_detector' ? 'tiny-' : ''}${viewToken(v.views)}${v.minConfidence === 0.5 ? '' : `-conf${Math.round(v.minConfidence * 100)}`}`;
