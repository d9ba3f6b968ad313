import type { Box } from './face-engine-types';
/** Axis-aligned bounds of the 68 landmarks. */
export declare function landmarkBounds(landmarks: ArrayLike<number>): {
    cx: number;
    cy: number;
    width: number;
    height: number;
};
/**
 * How an SSD box sits around the landmarks it produced, relative to the landmarks' bounds:
 * box centre = bounds centre + (dx·width, dy·height), box size = (sw·width, sh·height).
 */
export interface BoxRelation {
    dx: number;
    dy: number;
    sw: number;
    sh: number;
}
/**
 * Fitted on LFW: medians over 198 multi-scale SSD detections scoring ≥ 0.8 whose box contains the image
 * centre (the first 199 images of the 600-pair View 2 subset; `npm run eval:lfw -- --fit-refine`). The SSD box is
 * about as wide as the landmarks' bounds and 1.3 times as tall, shifted up by 13% of their height (it
 * takes in the forehead, which the 68 points do not reach).
 */
export declare const SSD_BOX_RELATION: BoxRelation;
/** The box a typical SSD detection of a face with these landmarks would have. */
export declare function boxFromLandmarks(landmarks: ArrayLike<number>, relation?: BoxRelation): Box;
