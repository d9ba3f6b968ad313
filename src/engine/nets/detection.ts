// What both face detectors return, and the mapping from their padded square input back to the frame.
//
// The detectors see the frame padded with zeros at the bottom/right to a square, then resized to S x S
// (face-api NetInput.toBatchTensor(S, isCenterInputs=false)). Their boxes are relative to that square.
// face-api maps them back in locateFaces: relative-to-square x padX (= S / reshaped width, the
// reshaped size being round(width * S / max(width,height))), then x frame width. Reproduced exactly,
// rounding included, so boxes match the reference to float precision.
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
export function boxContains(box: Box, x: number, y: number): boolean {
  return box.x <= x && x <= box.x + box.width && box.y <= y && y <= box.y + box.height;
}

/** face-api's padX/padY: how much larger than the frame the padded square is, per axis. */
export function squarePadding(
  frameWidth: number,
  frameHeight: number,
  inputSize: number,
): { padX: number; padY: number } {
  if (!(frameWidth > 0 && frameHeight > 0 && inputSize > 0)) {
    throw new Error(`squarePadding: invalid sizes ${frameWidth}x${frameHeight} -> ${inputSize}`);
  }
  const scale = inputSize / Math.max(frameWidth, frameHeight);
  return {
    padX: inputSize / Math.round(frameWidth * scale),
    padY: inputSize / Math.round(frameHeight * scale),
  };
}

/** Maps a detection relative to the S x S padded square back to frame pixels. */
export function toFrameDetection(
  detection: RelativeDetection,
  frameWidth: number,
  frameHeight: number,
  inputSize: number,
): Detection {
  const { padX, padY } = squarePadding(frameWidth, frameHeight, inputSize);
  const { x, y, width, height } = detection.box;
  const left = x * padX;
  const top = y * padY;
  const right = (x + width) * padX;
  const bottom = (y + height) * padY;
  return {
    box: {
      x: left * frameWidth,
      y: top * frameHeight,
      width: (right - left) * frameWidth,
      height: (bottom - top) * frameHeight,
    },
    score: detection.score,
  };
}
