// The generated ISO catalog (data/iso-deliverables.json), indexed without decoding it. The file
// holds one record per line; start-up only finds each line and its key, and a record is decoded
// the first time a feature asks for it. That keeps start-up to a few tens of milliseconds for
// 55,000 records, where parsing the whole file as one JSON value takes several hundred.
import { documentKey, statusOfStage, type Deliverable } from './deliverable';

/** isoId, then the reference, type and supplement fields, then publishers, number and parts. */
const RECORD_HEAD = /^\s*\[(\d+),"(?:[^"\\]|\\.)*","\w*",(?:null|\[[^\]]*\]),"[^"]*","([^"]*)","([^"]*)"/gm;

type Row = [
  isoId: number, reference: string, type: string, supplement: [string, string, number | null] | null,
  publishers: string, number: string, parts: string, year: number | null, title: string,
  published: string | null, edition: number | null, stage: number, committee: string | null,
  replaces: number[], replacedBy: number[],
];

export class DeliverableTable {
  private readonly lineByIsoId = new Map<number, number>();
  private readonly linesByKey = new Map<string, number[]>();
  private readonly decoded = new Map<number, Deliverable>();
  readonly committees: Readonly<Record<string, string>>;
  readonly size: number;

  constructor(private readonly text: string) {
    const start = text.indexOf('"deliverables"');
    if (start < 0) throw new Error('not a normref catalog: no "deliverables" field');
    const header = JSON.parse(`${text.slice(0, start).replace(/,\s*$/, '')}}`) as { committees?: Record<string, string> };
    this.committees = header.committees ?? {};
    RECORD_HEAD.lastIndex = start;
    let count = 0;
    for (let m = RECORD_HEAD.exec(text); m; m = RECORD_HEAD.exec(text)) {
      this.lineByIsoId.set(Number(m[1]), m.index);
      const key = documentKey(m[2], m[3] ? m[3].split('-') : []);
      const lines = this.linesByKey.get(key);
      if (lines) lines.push(m.index);
      else this.linesByKey.set(key, [m.index]);
      count++;
    }
    this.size = count;
  }

  byIsoId(isoId: number): Deliverable | undefined {
    const line = this.lineByIsoId.get(isoId);
    return line === undefined ? undefined : this.decode(line);
  }

  /** Every deliverable (editions and supplements, any publisher) with this number and parts. */
  byKey(key: string): Deliverable[] {
    return (this.linesByKey.get(key) ?? []).map((line) => this.decode(line));
  }

  keys(): IterableIterator<string> {
    return this.linesByKey.keys();
  }

  private decode(line: number): Deliverable {
    const cached = this.decoded.get(line);
    if (cached) return cached;
    const end = this.text.indexOf('\n', line);
    const json = this.text.slice(line, end < 0 ? undefined : end).trim().replace(/,$/, '');
    const row = JSON.parse(json) as Row;
    const deliverable = fromRow(row);
    this.decoded.set(line, deliverable);
    return deliverable;
  }
}

function fromRow(row: Row): Deliverable {
  const [isoId, reference, type, supplement, publishers, number, parts, year, title, published, edition, stage, committee, replaces, replacedBy] = row;
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
    ...(published ? { published } : {}),
    ...(edition ? { edition } : {}),
    stage,
    status: statusOfStage(stage),
    ...(committee ? { committee } : {}),
    replaces,
    replacedBy,
  };
}
