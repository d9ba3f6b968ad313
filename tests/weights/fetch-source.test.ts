// fetchSource over a local HTTP server (Node 20's fetch): loads a model exactly as from disk, reports
// per-file progress with totals from the committed size list, and maps HTTP failures to 'missing'.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faceApiModelDir } from '../../scripts/face-api-package.mjs';
import { ModelLoadError } from '../../src/engine/face-engine-types';
import { fetchSource, type FileProgress } from '../../src/engine/weights/fetch-source';
import { loadModelWeights } from '../../src/engine/weights/manifest';
import { FILE_CHECKSUMS, MODEL_FILES, modelFileNames } from '../../src/engine/weights/model-files';
import { nodeFileSource } from '../../src/engine/weights/node-source';

let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    // No keep-alive: under load the server could close an idle pooled socket just as fetch reuses
    // it ("fetch failed: other side closed"), a race of the test server, not of the code under test.
    response.setHeader('connection', 'close');
    const name = decodeURIComponent((request.url ?? '').replace(/^\/models\//, ''));
    if (name === 'fallback.bin') {
      // What an SPA dev server does for an unknown path.
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html>');
      return;
    }
    readFile(join(faceApiModelDir(), name)).then(
      (bytes) => {
        response.writeHead(200, { 'content-type': 'application/octet-stream' });
        // Two writes, so a file arrives in more than one chunk.
        response.write(bytes.subarray(0, bytes.length >> 1));
        response.end(bytes.subarray(bytes.length >> 1));
      },
      () => response.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/models`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('fetchSource', () => {
  it('loads tiny_face_detector identically to the file source, with per-file progress', async () => {
    const events: FileProgress[] = [];
    const fetched = await loadModelWeights(
      fetchSource(baseUrl, (p) => events.push({ ...p })),
      'tiny_face_detector',
    );
    const fromDisk = await loadModelWeights(nodeFileSource(faceApiModelDir()), 'tiny_face_detector');
    expect([...fetched.keys()]).toEqual([...fromDisk.keys()]);
    for (const [name, tensor] of fromDisk) expect(fetched.get(name), name).toEqual(tensor);

    for (const file of modelFileNames('tiny_face_detector')) {
      const mine = events.filter((e) => e.file === file);
      const total = FILE_CHECKSUMS[file]!.bytes;
      expect(mine.length, file).toBeGreaterThanOrEqual(2);
      expect(mine[0], file).toEqual({ file, loaded: 0, total });
      expect(mine.at(-1), file).toEqual({ file, loaded: total, total });
      for (let i = 1; i < mine.length; i++) expect(mine[i]!.loaded).toBeGreaterThanOrEqual(mine[i - 1]!.loaded);
    }
  });

  it('accepts a base URL with a trailing slash', async () => {
    const bytes = await fetchSource(`${baseUrl}/`).read(MODEL_FILES.tiny_face_detector.manifest);
    expect(bytes.byteLength).toBe(FILE_CHECKSUMS[MODEL_FILES.tiny_face_detector.manifest]!.bytes);
  });

  it('HTTP 404 -> missing, naming the file', async () => {
    const error = await fetchSource(baseUrl)
      .read('nope.bin')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelLoadError);
    expect([(error as ModelLoadError).kind, (error as ModelLoadError).file]).toEqual(['missing', 'nope.bin']);
    expect((error as ModelLoadError).message).toContain('404');
  });

  it('an HTML page where a model file should be -> missing', async () => {
    const error = await fetchSource(baseUrl)
      .read('fallback.bin')
      .catch((e: unknown) => e);
    expect([(error as ModelLoadError).kind, (error as ModelLoadError).file]).toEqual(['missing', 'fallback.bin']);
  });

  it('nothing listening -> missing', async () => {
    const error = await fetchSource('http://127.0.0.1:1/models')
      .read('x.bin')
      .catch((e: unknown) => e);
    expect([(error as ModelLoadError).kind, (error as ModelLoadError).file]).toEqual(['missing', 'x.bin']);
  });
});
