/** Bounds of a chunk of scans: one JetStream message carries `minRecords` to `maxRecords` of them. */
export interface ChunkBounds {
  readonly minRecords: number;
  readonly maxRecords: number;
  /** A chunk ends after a record whose identity hash is 0 modulo this (above `minRecords`), so boundaries follow content. */
  readonly averageGap: number;
}

export const defaultChunkBounds: ChunkBounds = { minRecords: 32, maxRecords: 256, averageGap: 128 };

/** FNV-1a, 32 bits: fast, and the same on every machine; not for security. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Cuts records, in the order given, into chunks whose boundaries depend only on the records' identities
 * (content-defined chunking): the same records in the same order always make the same chunks, so a re-sent file
 * makes the same messages and JetStream drops them as duplicates; and since a boundary falls after a record whose
 * identity hash says so (not after every N records), the same run of records sent in differently sized batches
 * still makes mostly the same chunks. Returns the chunks as lists of indexes into `identities`.
 */
export function chunkByContent(identities: readonly string[], bounds: ChunkBounds = defaultChunkBounds): number[][] {
  const chunks: number[][] = [];
  let current: number[] = [];
  identities.forEach((identity, index) => {
    current.push(index);
    const atBoundary = current.length >= bounds.minRecords && fnv1a32(identity) % bounds.averageGap === 0;
    if (atBoundary || current.length >= bounds.maxRecords) {
      chunks.push(current);
      current = [];
    }
  });
  if (current.length > 0) chunks.push(current);
  return chunks;
}
