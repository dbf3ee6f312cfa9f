// The generated ISO catalog (data/iso-deliverables.json: one record per line), read through an
// index the build makes (dist/catalog-index.json: where each record starts, its ISO id and its
// document key). Start-up reads the bytes and the index and decodes nothing else; a record is
// decoded the first time a feature asks for it. Parsing the whole 12 MB file as JSON, or even
// scanning its lines for keys, would cost several times the rest of the server's start-up.
import { statusOfStage, type Deliverable } from './deliverable';

/** What scripts/build.mjs writes to dist/catalog-index.json. */
export interface CatalogIndex {
  /** Byte length of the catalog file the index was made from, to catch a stale index. */
  bytes: number;
  committees: Record<string, string>;
  /** Per record, in file order: byte offset of its line, byte offset of its line's end, its ISO id. */
  starts: number[];
  ends: number[];
  isoIds: number[];
  /** Document keys ("27001", "20000-1") in string order, the records of each, and all their publishers ("ISO/IEC"). */
  keys: string[];
  records: number[][];
  publishers: string[];
  /** The latest publication date in the catalog ("2025-06"): how recent the data is. */
  newestPublication?: string;
}

/**
 * The catalog file's bytes: a Uint8Array, or a reader that reads a range when a record is first
 * decoded, so that start-up need not read the whole file (19 MB) when a run decodes a few hundred records.
 */
export interface CatalogBytes {
  readonly length: number;
  subarray(start: number, end: number): Uint8Array;
}

type Row = [
  isoId: number, reference: string, type: string, supplement: [string, string, number | null] | null,
  publishers: string, number: string, parts: string, year: number | null, title: string,
  published: string | null, edition: number | null, stage: number, committee: string | null,
  replaces: number[], replacedBy: number[], titleFr?: string | null,
];

const decoder = new TextDecoder();

export class DeliverableTable {
  /** Built on the first lookup by ISO id (hover's "Replaced by", completion's resolve), not at start-up. */
  private recordByIsoId?: Map<number, number>;
  private readonly decoded = new Map<number, Deliverable>();

  constructor(
    private readonly bytes: CatalogBytes,
    private readonly index: CatalogIndex,
  ) {
    if (bytes.length !== index.bytes) {
      throw new Error(`normref: the catalog index was made for ${index.bytes} bytes, the catalog has ${bytes.length}: run npm run build`);
    }
  }

  get newestPublication(): string | undefined {
    return this.index.newestPublication;
  }

  get size(): number {
    return this.index.starts.length;
  }

  get committees(): Readonly<Record<string, string>> {
    return this.index.committees;
  }

  byIsoId(isoId: number): Deliverable | undefined {
    this.recordByIsoId ??= new Map(this.index.isoIds.map((id, record) => [id, record]));
    const record = this.recordByIsoId.get(isoId);
    return record === undefined ? undefined : this.decode(record);
  }

  /** Every deliverable (editions and supplements, any publisher) with this document key. */
  byKey(key: string): Deliverable[] {
    const i = this.keyIndex(key);
    return i < this.index.keys.length && this.index.keys[i] === key ? this.index.records[i].map((record) => this.decode(record)) : [];
  }

  /** The position of the first key not before `key` in the sorted keys (binary search). */
  keyIndex(key: string): number {
    const keys = this.index.keys;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Document keys in string order. */
  sortedKeys(): readonly string[] {
    return this.index.keys;
  }

  /** Every publisher of any edition with the key at this position of sortedKeys(). */
  publishersAt(position: number): string[] {
    return this.index.publishers[position].split('/');
  }

  private decode(record: number): Deliverable {
    const cached = this.decoded.get(record);
    if (cached) return cached;
    const line = decoder.decode(this.bytes.subarray(this.index.starts[record], this.index.ends[record]));
    const deliverable = fromRow(JSON.parse(line.trim().replace(/,$/, '')) as Row);
    this.decoded.set(record, deliverable);
    return deliverable;
  }
}

function fromRow(row: Row): Deliverable {
  const [isoId, reference, type, supplement, publishers, number, parts, year, title, published, edition, stage, committee, replaces, replacedBy, titleFr] = row;
  return {
    isoId,
    reference,
    type,
    ...(supplement ? { supplement: { type: supplement[0], number: supplement[1], ...(supplement[2] ? { year: supplement[2] } : {}) } } : {}),
    publishers: publishers ? publishers.split('/') : [],
    number,
    parts: parts ? parts.split('-') : [],
    ...(year ? { year } : {}),
    title,
    ...(titleFr ? { titleFr } : {}),
    ...(published ? { published } : {}),
    ...(edition ? { edition } : {}),
    stage,
    status: statusOfStage(stage),
    ...(committee ? { committee } : {}),
    replaces,
    replacedBy,
  };
}
