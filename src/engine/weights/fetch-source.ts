// Model files over HTTP, for the browser: reports each file's bytes as they arrive so the UI can show
// a progress bar whose totals come from the committed size list (model-files.ts).
import { ModelLoadError } from '../errors';
import type { ModelFileSource } from './manifest';
import { FILE_CHECKSUMS } from './model-files';

export interface FileProgress {
  file: string;
  loaded: number;
  /** From the committed list; the Content-Length header for unknown files; 0 when neither is known. */
  total: number;
}

/**
 * Model files over HTTP from `baseUrl` (e.g. "models/" or import.meta.env.BASE_URL + "models/").
 * `onProgress` is called as each file's bytes arrive. A 404, a failed request, or an HTML page where
 * a model file should be (a dev server's fallback for unknown paths) is 'missing'; a connection that
 * drops mid-file is 'truncated'.
 */
export function fetchSource(baseUrl: string, onProgress?: (progress: FileProgress) => void): ModelFileSource {
  const base = baseUrl === '' || baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return {
    async read(name) {
      const url = base + encodeURIComponent(name);
      let response: Response;
      try {
        response = await fetch(url);
      } catch (error) {
        throw new ModelLoadError(
          name,
          'missing',
          `Model file ${name} could not be fetched from ${url}: ${String(error)}`,
        );
      }
      if (!response.ok) {
        throw new ModelLoadError(
          name,
          'missing',
          `Model file ${name} could not be fetched from ${url}: HTTP ${response.status}.`,
        );
      }
      if (!name.endsWith('.html') && (response.headers.get('content-type') ?? '').startsWith('text/html')) {
        throw new ModelLoadError(
          name,
          'missing',
          `Model file ${name} is not at ${url}: the server answered with an HTML page.`,
        );
      }
      const total = FILE_CHECKSUMS[name]?.bytes ?? (Number(response.headers.get('content-length')) || 0);
      const chunks: Uint8Array[] = [];
      let loaded = 0;
      onProgress?.({ file: name, loaded, total });
      try {
        if (response.body) {
          const reader = response.body.getReader();
          for (let next = await reader.read(); !next.done; next = await reader.read()) {
            chunks.push(next.value);
            loaded += next.value.byteLength;
            onProgress?.({ file: name, loaded, total });
          }
        } else {
          chunks.push(new Uint8Array(await response.arrayBuffer()));
          loaded = chunks[0]!.byteLength;
          onProgress?.({ file: name, loaded, total });
        }
      } catch (error) {
        throw new ModelLoadError(
          name,
          'truncated',
          `Model file ${name} stopped arriving after ${loaded} of ${total} bytes: ${String(error)}`,
        );
      }
      const bytes = new Uint8Array(loaded);
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.byteLength;
      }
      return bytes;
    },
  };
}
