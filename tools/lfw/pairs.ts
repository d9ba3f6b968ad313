// LFW View 2 pairs from `pairs_view2_resolved.csv` (pair_index, fold, same, image_a, image_b; image
// paths relative to the LFW folder), and the selections the evaluation runs on.
import { readFileSync } from 'node:fs';

export interface LfwPair {
  index: number;
  fold: number;
  same: boolean;
  imageA: string;
  imageB: string;
}

export function parsePairsCsv(text: string): LfwPair[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = lines
    .shift()
    ?.split(',')
    .map((s) => s.trim());
  const column = (name: string) => {
    const i = header?.indexOf(name) ?? -1;
    if (i < 0) throw new Error(`pairs CSV: no column "${name}" (header: ${header?.join(',')})`);
    return i;
  };
  const [iIndex, iFold, iSame, iA, iB] = ['pair_index', 'fold', 'same', 'image_a', 'image_b'].map(column) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return lines.map((line, row) => {
    const cells = line.split(',');
    const fold = Number(cells[iFold]);
    if (!Number.isInteger(fold)) throw new Error(`pairs CSV line ${row + 2}: fold "${cells[iFold]}" is not a number`);
    return {
      index: Number(cells[iIndex]),
      fold,
      same: cells[iSame]!.trim() === '1',
      imageA: cells[iA]!.trim(),
      imageB: cells[iB]!.trim(),
    };
  });
}

export const readPairs = (path: string): LfwPair[] => parsePairsCsv(readFileSync(path, 'utf8'));

/** "1-10", "3", "1,4,7-9" → sorted fold numbers. */
export function parseFolds(spec: string): number[] {
  const folds = new Set<number>();
  for (const part of spec.split(',')) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    if (!m) throw new Error(`--folds: cannot read "${part}" (use e.g. 1-10 or 1,3,5)`);
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    for (let f = Math.min(from, to); f <= Math.max(from, to); f++) folds.add(f);
  }
  return [...folds].sort((a, b) => a - b);
}

/**
 * The pairs of the chosen folds; with `limit`, about limit/folds pairs per fold, half same and half
 * different, evenly spread through each fold's list (LFW lists pairs alphabetically by name).
 */
export function selectPairs(pairs: readonly LfwPair[], folds: readonly number[], limit?: number): LfwPair[] {
  const inFolds = pairs.filter((p) => folds.includes(p.fold));
  if (limit === undefined || limit >= inFolds.length) return inFolds;
  const present = folds.filter((f) => inFolds.some((p) => p.fold === f));
  const perGroup = Math.max(1, Math.floor(limit / present.length / 2));
  const chosen: LfwPair[] = [];
  for (const fold of present) {
    for (const same of [true, false]) {
      const group = inFolds.filter((p) => p.fold === fold && p.same === same);
      const take = Math.min(perGroup, group.length);
      for (let k = 0; k < take; k++) chosen.push(group[Math.floor(((k + 0.5) * group.length) / take)]!);
    }
  }
  return chosen.sort((a, b) => a.index - b.index);
}

/** Every image the pairs need, once, in first-use order. */
export function uniqueImages(pairs: readonly LfwPair[]): string[] {
  const seen = new Set<string>();
  for (const p of pairs) {
    seen.add(p.imageA);
    seen.add(p.imageB);
  }
  return [...seen];
}
