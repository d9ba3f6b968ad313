// The enrollment export file: what it holds, how it is built, and how an import is checked before
// anything is written. Vectors are plain JSON numbers; a float32 survives the round trip exactly.
import type { PersonRecord } from './db';
import { ImportError } from './errors';

export const EXPORT_FORMAT = 'faceprint-enrollments';
export const EXPORT_VERSION = 1;
/** Longest accepted name, in characters. */
export const MAX_NAME_LENGTH = 100;

export interface ExportedSample {
  id: string;
  capturedAt: string;
  vector: number[];
}

export interface ExportedPerson {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  samples: ExportedSample[];
}

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  /** Every vector in the file comes from this model and has this length. */
  modelId: string;
  vectorLength: number;
  people: ExportedPerson[];
}

export interface ModelSpec {
  modelId: string;
  vectorLength: number;
}

/** The file for the people enrolled with `model`, with only that model's samples. */
export function buildExportFile(people: readonly PersonRecord[], model: ModelSpec, now: Date): ExportFile {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    modelId: model.modelId,
    vectorLength: model.vectorLength,
    people: people
      .filter((person) => person.modelId === model.modelId)
      .map((person) => ({
        id: person.id,
        name: person.name,
        createdAt: new Date(person.createdAt).toISOString(),
        updatedAt: new Date(person.updatedAt).toISOString(),
        samples: person.samples
          .filter((sample) => sample.modelId === model.modelId)
          .map((sample) => ({
            id: sample.id,
            capturedAt: new Date(sample.capturedAt).toISOString(),
            vector: Array.from(sample.vector),
          })),
      })),
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isDate = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));

const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 200;

/**
 * Parses and checks an export file against the model this app runs. Throws ImportError naming the
 * first problem; returns the file only when every person and every vector is usable.
 */
export function parseExportFile(text: string, expected: ModelSpec): ExportFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ImportError('not-json', 'This file is not valid JSON, so it cannot be a Faceprint export.');
  }
  if (!isObject(data) || data.format !== EXPORT_FORMAT) {
    throw new ImportError('wrong-format', 'This file is not a Faceprint enrollment export.');
  }
  if (data.version !== EXPORT_VERSION) {
    throw new ImportError(
      'unsupported-version',
      `This export has format version ${String(data.version)}; this app reads version ${EXPORT_VERSION}. Update Faceprint and try again.`,
    );
  }
  if (data.modelId !== expected.modelId) {
    throw new ImportError(
      'wrong-model',
      `This export was made with face model "${String(data.modelId)}", but this app uses "${expected.modelId}". ` +
        'Faces from different models cannot be compared.',
    );
  }
  if (data.vectorLength !== expected.vectorLength) {
    throw new ImportError(
      'wrong-vector-length',
      `This export holds vectors of length ${String(data.vectorLength)}, but this app's model makes vectors of length ${expected.vectorLength}.`,
    );
  }
  if (!isDate(data.exportedAt)) throw invalid('its export date is missing or not a date');
  if (!Array.isArray(data.people)) throw invalid('it has no list of people');

  const names = new Set<string>();
  const ids = new Set<string>();
  const people = data.people.map((raw: unknown, index): ExportedPerson => {
    const where = `person ${index + 1}`;
    if (!isObject(raw)) throw invalid(`${where} is not an object`);
    if (typeof raw.name !== 'string' || raw.name.trim() === '' || raw.name.length > MAX_NAME_LENGTH) {
      throw invalid(`${where} has no usable name`);
    }
    const name = raw.name.trim();
    const key = name.toLocaleLowerCase();
    if (names.has(key)) throw invalid(`the name "${name}" appears twice`);
    names.add(key);
    if (!isId(raw.id) || ids.has(raw.id)) throw invalid(`${name} has a missing or repeated id`);
    ids.add(raw.id);
    if (!isDate(raw.createdAt) || !isDate(raw.updatedAt)) throw invalid(`${name} has missing or bad dates`);
    if (!Array.isArray(raw.samples) || raw.samples.length === 0) throw invalid(`${name} has no face samples`);
    const sampleIds = new Set<string>();
    const samples = raw.samples.map((sample: unknown, s): ExportedSample => {
      if (!isObject(sample) || !isId(sample.id) || sampleIds.has(sample.id) || !isDate(sample.capturedAt)) {
        throw invalid(`sample ${s + 1} of ${name} has a missing or repeated id or a bad date`);
      }
      sampleIds.add(sample.id);
      if (!Array.isArray(sample.vector) || sample.vector.length !== expected.vectorLength) {
        throw new ImportError(
          'wrong-vector-length',
          `Sample ${s + 1} of ${name} has ${Array.isArray(sample.vector) ? sample.vector.length : 'no'} values; ` +
            `this app's model makes vectors of length ${expected.vectorLength}.`,
        );
      }
      if (!sample.vector.every((x: unknown) => typeof x === 'number' && Number.isFinite(x))) {
        throw invalid(`sample ${s + 1} of ${name} holds something other than finite numbers`);
      }
      return { id: sample.id, capturedAt: sample.capturedAt, vector: sample.vector as number[] };
    });
    return { id: raw.id, name, createdAt: raw.createdAt, updatedAt: raw.updatedAt, samples };
  });

  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: data.exportedAt,
    modelId: expected.modelId,
    vectorLength: expected.vectorLength,
    people,
  };
}

function invalid(what: string): ImportError {
  return new ImportError('invalid-data', `This export is damaged: ${what}.`);
}
