// For each target key, the documents that cite it, kept in URI order as documents come, change and
// go: Find All References on ISO/IEC 27001 visits the documents that cite it, in the order it
// answers in, without looking into every document of the workspace or sorting per query.

interface Cited {
  readonly uri: string;
}

export class CitingDocuments<D extends Cited> {
  private readonly byKey = new Map<string, D[]>();

  /** The documents citing `key`, in URI order; the caller does not change the array. */
  of(key: string): readonly D[] {
    return this.byKey.get(key) ?? [];
  }

  add(key: string, document: D): void {
    const list = this.byKey.get(key);
    if (!list) {
      this.byKey.set(key, [document]);
      return;
    }
    // The workspace is read in URI order: a new document mostly goes last.
    if (list[list.length - 1].uri < document.uri) list.push(document);
    else list.splice(placeOf(list, document.uri), 0, document);
  }

  remove(key: string, document: D): void {
    const list = this.byKey.get(key);
    if (!list) return;
    const i = placeOf(list, document.uri);
    if (list[i] !== document) return;
    if (list.length === 1) this.byKey.delete(key);
    else list.splice(i, 1);
  }
}

/** The index of the first document whose URI is not before `uri`. */
function placeOf(list: readonly Cited[], uri: string): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle].uri < uri) low = middle + 1;
    else high = middle;
  }
  return low;
}
