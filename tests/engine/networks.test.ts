// Every registered network descriptor agrees with the network it describes: its files are the pinned
// package's (size and SHA-256), its input size is the one its run takes, and its decode reads the run's
// outputs at the sizes it declares. (What the networks compute is checked in tests/nets.)
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACE_API_SOURCE } from '../../src/engine/networks/face-api-package';
import type {
  UploadedDetector,
  UploadedEmbeddingNetwork,
  UploadedLandmarkNetwork,
} from '../../src/engine/networks/network';
import { DEFAULT_NETWORKS, NETWORKS, network } from '../../src/engine/networks/registry';
import { destroyRun } from '../../src/engine/nets/net-builder';
import { sizeOf } from '../../src/engine/tensor';
import { testContext } from '../helpers/gpu';
import { modelDir, modelWeights } from '../helpers/models';

const packageJson = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
};

describe('network registry', () => {
  it('the face-api networks name the pinned package version', () => {
    const [name, version] = [
      FACE_API_SOURCE.slice(0, FACE_API_SOURCE.lastIndexOf('@')),
      FACE_API_SOURCE.slice(FACE_API_SOURCE.lastIndexOf('@') + 1),
    ];
    expect(packageJson.devDependencies[name]).toBe(version);
  });

  it('ids are unique and the defaults are registered networks of the right kind', () => {
    const ids = NETWORKS.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(network(DEFAULT_NETWORKS.detector).kind).toBe('detector');
    expect(network(DEFAULT_NETWORKS.landmarks).kind).toBe('landmarks');
    expect(network(DEFAULT_NETWORKS.embedding).kind).toBe('embedding');
    expect(() => network('nope' as never)).toThrow(/No network "nope"/);
  });
});

describe.each(NETWORKS.map((n) => [n.id, n] as const))('%s descriptor', (_id, descriptor) => {
  it('lists the package files with their true sizes and SHA-256', () => {
    for (const file of [descriptor.files.manifest, ...descriptor.files.shards]) {
      const bytes = readFileSync(join(modelDir(), file.name));
      expect({
        name: file.name,
        bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      }).toEqual(file);
    }
    const manifest = JSON.parse(readFileSync(join(modelDir(), descriptor.files.manifest.name), 'utf8')) as {
      paths: string[];
    }[];
    expect(descriptor.files.shards.map((s) => s.name)).toEqual(manifest.flatMap((group) => group.paths));
  });

  it('its run takes [B, inputSize, inputSize, 3] and its decode reads the outputs at batch 2', async () => {
    const context = await testContext();
    const upload = await descriptor.load();
    const uploaded = await context.checked('upload', async () => upload(context, await modelWeights(descriptor.id)));
    const run = uploaded.buildRun(2);
    try {
      expect(run.input.shape).toEqual([2, descriptor.inputSize, descriptor.inputSize, 3]);
      // Zero outputs still decode to the declared sizes (a detector finds nothing in them).
      const outputs = run.outputs.map((output) => new Float32Array(sizeOf(output.shape)));
      if (descriptor.kind === 'embedding') {
        expect((uploaded as UploadedEmbeddingNetwork).decode(outputs, 1).length).toBe(descriptor.vectorLength);
        expect(run.outputs[0]!.shape).toEqual([2, descriptor.vectorLength]);
      } else if (descriptor.kind === 'landmarks') {
        expect((uploaded as UploadedLandmarkNetwork).decode(outputs, 1).length).toBe(2 * descriptor.pointCount);
        expect(run.outputs[0]!.shape).toEqual([2, 2 * descriptor.pointCount]);
      } else {
        expect((uploaded as UploadedDetector).decode(outputs, 1, { minConfidence: 0.99, iouThreshold: 0.5 })).toEqual(
          [],
        );
      }
    } finally {
      destroyRun(run);
      uploaded.destroy();
    }
  });
});

describe('embedding distance', () => {
  it('is Euclidean for the dlib ResNet, and refuses vectors of different lengths', () => {
    const resnet = network('face_recognition');
    if (resnet.kind !== 'embedding') throw new Error('face_recognition is not an embedding network');
    expect(resnet.distance(new Float32Array([0, 3]), new Float32Array([4, 0]))).toBe(5);
    expect(() => resnet.distance(new Float32Array(2), new Float32Array(3))).toThrow(RangeError);
  });
});
