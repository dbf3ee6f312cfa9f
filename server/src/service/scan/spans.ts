// Spans of a text, [start, end), sorted and not overlapping: the parts that are not prose.

export type Span = [start: number, end: number];

/** The span of sorted, non-overlapping `spans` that holds `offset`, by binary search. */
export function spanHolding(spans: readonly Span[], offset: number): Span | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < spans[mid][0]) hi = mid - 1;
    else if (offset >= spans[mid][1]) lo = mid + 1;
    else return spans[mid];
  }
  return undefined;
}

/** Sorted, non-overlapping spans queried with offsets that never decrease. */
export class SpanCursor {
  private next = 0;
  constructor(private readonly spans: readonly Span[]) {}
  skip(offset: number): number {
    while (this.next < this.spans.length && this.spans[this.next][1] <= offset) this.next++;
    const span = this.spans[this.next];
    return span && span[0] <= offset ? span[1] : offset;
  }
}
