// Model files from a folder on disk, for Node (tests, benchmarks, evaluation tools). Browser code must
// not import this module: it pulls in node:fs.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ModelLoadError } from '../errors';
import type { ModelFileSource } from './manifest';

export function nodeFileSource(dir: string): ModelFileSource {
  return {
    async read(name) {
      const path = join(dir, name);
      try {
        const buffer = await readFile(path);
        return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') throw new ModelLoadError(name, 'missing', `Model file ${name} not found at ${path}.`);
        throw new ModelLoadError(
          name,
          'missing',
          `Model file ${name} could not be read from ${path}: ${String(error)}`,
        );
      }
    },
  };
}
