// Loading a set of networks: each one's code (NetworkDescriptor.load) and its weights, decoded and
// checked; and a file source that keeps what it read, so that the engine can rebuild after a GPU device
// loss without downloading again.
import type { NetworkDescriptor } from './networks/network';
import type { LoadedNetworks, StageNetworks } from './stages/face-stages';
import { loadWeights, type ModelFileSource, type WeightMap } from './weights/manifest';
import { FILE_CHECKSUMS } from './weights/model-files';

/** A source that keeps every file it reads, and the same files from memory afterwards. */
export function keepingSource(source: ModelFileSource) {
  const kept = new Map<string, Uint8Array<ArrayBuffer>>();
  return {
    reader: {
      async read(name: string) {
        const bytes = await source.read(name);
        kept.set(name, bytes);
        return bytes;
      },
    } satisfies ModelFileSource,
    kept: {
      async read(name: string) {
        const bytes = kept.get(name);
        if (!bytes) throw new RangeError(`${name} was not loaded`);
        return bytes;
      },
    } satisfies ModelFileSource,
  };
}

/** Decodes every network's weights from `source`. */
export async function loadWeightMaps(
  source: ModelFileSource,
  networks: StageNetworks,
  onDecoded?: (id: string) => void,
) {
  const entries = await Promise.all(
    Object.values(networks).map(async (network: NetworkDescriptor) => {
      const weights = await loadWeights(source, network.files.manifest.name, { checksums: FILE_CHECKSUMS });
      onDecoded?.(network.id);
      return [network.id, weights] as const;
    }),
  );
  return new Map<string, WeightMap>(entries);
}

/** Every network's code and weights. */
export async function loadNetworks(
  source: ModelFileSource,
  networks: StageNetworks,
  onDecoded?: (id: string) => void,
): Promise<LoadedNetworks> {
  const [detector, landmarks, embedding, weights] = await Promise.all([
    networks.detector.load(),
    networks.landmarks.load(),
    networks.embedding.load(),
    loadWeightMaps(source, networks, onDecoded),
  ]);
  return { uploaders: { detector, landmarks, embedding }, weights };
}
