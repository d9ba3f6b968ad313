import { describe, expect, it } from 'vitest';
import type { PersonRecord } from '../../src/storage/db';
import { buildExportFile, parseExportFile } from '../../src/storage/export-format';
import { ImportError } from '../../src/storage/errors';

const MODEL = { modelId: 'm1', vectorLength: 3 };
const t = Date.UTC(2026, 10, 1);

function person(name: string, modelId = 'm1', vectors = [[0.1, 0.2, 0.3]]): PersonRecord {
  return {
    id: `id-${name}`,
    name,
    nameKey: name.toLowerCase(),
    createdAt: t,
    updatedAt: t,
    modelId,
    vectorLength: 3,
    samples: vectors.map((v, i) => ({ id: `${name}-${i}`, vector: Float32Array.from(v), modelId, capturedAt: t })),
    mean: Float32Array.from(vectors[0]!),
  };
}

const valid = () => buildExportFile([person('Ada'), person('Bob')], MODEL, new Date(t));

function problemOf(text: string): string {
  try {
    parseExportFile(text, MODEL);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return `${(error as ImportError).problem}: ${(error as ImportError).message}`;
  }
  return 'accepted';
}

describe('buildExportFile', () => {
  it('writes dates as ISO strings and vectors as plain numbers, float32-exact', () => {
    const file = valid();
    expect(file.exportedAt).toBe('2026-11-01T00:00:00.000Z');
    const vector = file.people[0]!.samples[0]!.vector;
    expect(vector).toEqual(Array.from(Float32Array.from([0.1, 0.2, 0.3])));
    expect(Float32Array.from(JSON.parse(JSON.stringify(vector)))).toEqual(Float32Array.from([0.1, 0.2, 0.3]));
  });

  it('leaves out people and samples of other models', () => {
    const file = buildExportFile([person('Ada'), person('Old', 'm0')], MODEL, new Date(t));
    expect(file.people.map((p) => p.name)).toEqual(['Ada']);
  });
});

describe('parseExportFile', () => {
  it('accepts a valid file', () => {
    expect(parseExportFile(JSON.stringify(valid()), MODEL)).toEqual(valid());
  });

  it.each<[string, (file: ReturnType<typeof valid>) => unknown, RegExp]>([
    ['a future format version', (f) => ({ ...f, version: 2 }), /^unsupported-version: .*version 2/],
    ['another model', (f) => ({ ...f, modelId: 'm2' }), /^wrong-model: .*"m2".*"m1"/],
    ['another vector length', (f) => ({ ...f, vectorLength: 128 }), /^wrong-vector-length: .*length 128/],
    [
      'a short vector',
      (f) => {
        f.people[1]!.samples[0]!.vector = [1, 2];
        return f;
      },
      /^wrong-vector-length: Sample 1 of Bob has 2 values/,
    ],
    [
      'a non-finite value',
      (f) => {
        f.people[0]!.samples[0]!.vector[1] = null as unknown as number;
        return f;
      },
      /^invalid-data: .*finite numbers/,
    ],
    [
      'a person twice',
      (f) => ({ ...f, people: [...f.people, { ...f.people[0]!, id: 'other' }] }),
      /^invalid-data: .*"Ada" appears twice/,
    ],
    [
      'a person without samples',
      (f) => {
        f.people[0]!.samples = [];
        return f;
      },
      /^invalid-data: .*Ada has no face samples/,
    ],
    [
      'a nameless person',
      (f) => {
        f.people[0]!.name = ' ';
        return f;
      },
      /^invalid-data: .*person 1 has no usable name/,
    ],
    ['no people list', (f) => ({ ...f, people: undefined }), /^invalid-data: .*no list of people/],
  ])('rejects %s', (_, corrupt, expected) => {
    expect(problemOf(JSON.stringify(corrupt(valid())))).toMatch(expected);
  });

  it('rejects text that is not JSON, and JSON that is not an export', () => {
    expect(problemOf('not json at all')).toMatch(/^not-json: /);
    expect(problemOf('[1, 2, 3]')).toMatch(/^wrong-format: /);
    expect(problemOf('{"format":"faceprint-enrollments"}')).toMatch(/^unsupported-version: /);
  });
});
