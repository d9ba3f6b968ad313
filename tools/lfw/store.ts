// An append-only JSON-lines cache: one record per line, keyed by `key`, loaded whole at start. A run that
// is interrupted loses at most the line being written; a torn last line is skipped on the next load
// (and a newline is written first so that the next record starts on its own line).
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname } from 'node:path';

export interface Keyed {
  key: string;
}

export class JsonlStore<T extends Keyed> {
  private readonly records = new Map<string, T>();
  readonly skippedLines: number = 0;

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    if (!existsSync(path)) return;
    const text = readFileSync(path, 'utf8');
    let skipped = 0;
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        const record = JSON.parse(line) as T;
        if (typeof record.key === 'string') this.records.set(record.key, record);
        else skipped++;
      } catch {
        skipped++;
      }
    }
    this.skippedLines = skipped;
    if (text.length > 0 && !text.endsWith('\n')) appendFileSync(path, '\n');
  }

  get size(): number {
    return this.records.size;
  }

  get(key: string): T | undefined {
    return this.records.get(key);
  }

  has(key: string): boolean {
    return this.records.has(key);
  }

  put(record: T): void {
    appendFileSync(this.path, JSON.stringify(record) + '\n');
    this.records.set(record.key, record);
  }

  values(): IterableIterator<T> {
    return this.records.values();
  }
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export function encodeVector(vector: Float32Array): string {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString('base64');
}

export function decodeVector(text: string): Float32Array {
  const bytes = Buffer.from(text, 'base64');
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Float32Array(copy.buffer);
}

/** Landmarks / boxes rounded to 1/1000 px keep the cache small without changing any result. */
export const round3 = (values: ArrayLike<number>): number[] => Array.from(values, (v) => Math.round(v * 1000) / 1000);
