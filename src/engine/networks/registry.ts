// Every network the engine can run. Adding one: its descriptor file beside this one, and one line here.
import { dlibResnet } from './dlib-resnet';
import { faceLandmark68 } from './face-landmark-68';
import type { DetectorNetwork, EmbeddingNetwork, LandmarkNetwork } from './network';
import { ssdMobilenetV1 } from './ssd-mobilenet-v1';
import { tinyFaceDetector } from './tiny-face-detector';

export const NETWORKS = [tinyFaceDetector, ssdMobilenetV1, faceLandmark68, dlibResnet] as const;

export type NetworkId = (typeof NETWORKS)[number]['id'];
export type DetectorId = Extract<(typeof NETWORKS)[number], { kind: 'detector' }>['id'];
export type LandmarkNetworkId = Extract<(typeof NETWORKS)[number], { kind: 'landmarks' }>['id'];
export type EmbeddingNetworkId = Extract<(typeof NETWORKS)[number], { kind: 'embedding' }>['id'];

/** The networks the engine runs unless told otherwise. */
export const DEFAULT_NETWORKS = {
  detector: 'ssd_mobilenetv1',
  landmarks: 'face_landmark_68',
  embedding: 'face_recognition',
} as const satisfies { detector: DetectorId; landmarks: LandmarkNetworkId; embedding: EmbeddingNetworkId };

export function network(id: NetworkId): (typeof NETWORKS)[number] {
  const found = NETWORKS.find((n) => n.id === id);
  if (!found) throw new RangeError(`No network "${id}"; known: ${NETWORKS.map((n) => n.id).join(', ')}`);
  return found;
}

function ofKind<K extends 'detector' | 'landmarks' | 'embedding'>(id: string, kind: K) {
  const found = network(id as NetworkId);
  if (found.kind !== kind) throw new RangeError(`Network "${id}" is a ${found.kind} network, not a ${kind} one`);
  return found as Extract<(typeof NETWORKS)[number], { kind: K }>;
}

export const detectorNetwork = (id: DetectorId): DetectorNetwork => ofKind(id, 'detector');
export const landmarkNetwork = (id: LandmarkNetworkId): LandmarkNetwork => ofKind(id, 'landmarks');
export const embeddingNetwork = (id: EmbeddingNetworkId): EmbeddingNetwork => ofKind(id, 'embedding');
