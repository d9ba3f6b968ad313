// What the page's JS heap holds, by kind: a census of a V8 heap snapshot taken over CDP (objects and
// DOM wrappers by constructor, closures by function name, everything else by node type), and what grew
// between two censuses, so a soak whose heap does not stay flat names what it kept.
import type { CDPSession } from '@playwright/test';

export interface CensusEntry {
  count: number;
  bytes: number;
}
export type Census = Map<string, CensusEntry>;

export interface Growth {
  kind: string;
  count: [number, number];
  bytes: [number, number];
}

/** The part of V8's .heapsnapshot format a census reads. */
interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: unknown[] } };
  nodes: number[];
  strings: string[];
}

/** Node types whose name says what they are (a constructor, a function). */
const NAMED_TYPES = new Set(['object', 'closure', 'native']);

/** Takes a heap snapshot (V8 collects garbage first) and counts its nodes by kind. */
export async function heapCensus(cdp: CDPSession): Promise<Census> {
  const chunks: string[] = [];
  const onChunk = ({ chunk }: { chunk: string }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  const heap = JSON.parse(chunks.join('')) as HeapSnapshot;
  const fields = heap.snapshot.meta.node_fields;
  const typeNames = heap.snapshot.meta.node_types[0] as string[];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [
    number,
    number,
    number,
  ];
  const census: Census = new Map();
  for (let node = 0; node < heap.nodes.length; node += fields.length) {
    const type = typeNames[heap.nodes[node + typeAt]!]!;
    const kind = NAMED_TYPES.has(type) ? `${heap.strings[heap.nodes[node + nameAt]!]} (${type})` : `(${type})`;
    const entry = census.get(kind) ?? { count: 0, bytes: 0 };
    entry.count++;
    entry.bytes += heap.nodes[node + sizeAt]!;
    census.set(kind, entry);
  }
  return census;
}

/** The kinds whose bytes grew from `before` to `after`, most first. */
export function censusGrowth(before: Census, after: Census, top = 15): Growth[] {
  const empty: CensusEntry = { count: 0, bytes: 0 };
  return [...after]
    .map(([kind, now]) => {
      const then = before.get(kind) ?? empty;
      return { kind, count: [then.count, now.count], bytes: [then.bytes, now.bytes] } as Growth;
    })
    .filter((g) => g.bytes[1] > g.bytes[0])
    .sort((a, b) => b.bytes[1] - b.bytes[0] - (a.bytes[1] - a.bytes[0]))
    .slice(0, top);
}
