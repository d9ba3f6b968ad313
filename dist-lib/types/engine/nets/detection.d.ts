import type { Box } from '../face-engine-types';
/** A detected face: box in frame pixels (it may reach past the frame edge), score 0..1. */
export interface Detection {
    box: Box;
    score: number;
}
/** A detector's raw result: box relative to the padded square input (0..1 inside it). */
export interface RelativeDetection {
    box: Box;
    score: number;
}
/** Whether the point (x, y), e.g. the frame's centre, lies inside the box (edges included). */
export declare function boxContains(box: Box, x: number, y: number): boolean;
/** face-api's padX/padY: how much larger than the frame the padded square is, per axis. */
export declare function squarePadding(frameWidth: number, frameHeight: number, inputSize: number): {
    padX: number;
    padY: number;
};
/** Maps a detection relative to the S x S padded square back to frame pixels. */
export declare function toFrameDetection(detection: RelativeDetection, frameWidth: number, frameHeight: number, inputSize: number): Detection;
