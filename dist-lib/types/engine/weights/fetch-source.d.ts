import type { ModelFileSource } from './manifest';
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
export declare function fetchSource(baseUrl: string, onProgress?: (progress: FileProgress) => void): ModelFileSource;
