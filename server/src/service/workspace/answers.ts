// Find All References' answers for the keys asked lately. Asked again (VS Code asks on every
// "Find All References", a user often on the same standard), an answer of 10,000 locations is read,
// not gathered again from 10,000 documents; it is forgotten as soon as a document citing its key
// comes, changes or goes.
import type { Location } from 'vscode-languageserver-types';

/** Where a key is cited: written, then (other edition) mapped, each by document in URI order, then text order. */
export interface CitedLocations {
  readonly written: readonly Location[];
  readonly mapped: readonly Location[];
}

/** Few: an answer on ISO/IEC 27001 over 10,000 policies holds some 0.5 MB of Location objects (their ranges are the index's). */
const KEPT = 16;

export class ReferenceAnswers {
  private readonly byKey = new Map<string, CitedLocations>();

  get(key: string, gather: () => CitedLocations): CitedLocations {
    let answer = this.byKey.get(key);
    if (answer) this.byKey.delete(key);
    else {
      answer = gather();
      // A Map keeps insertion order: the first key is the one asked longest ago.
      if (this.byKey.size >= KEPT) this.byKey.delete(this.byKey.keys().next().value!);
    }
    this.byKey.set(key, answer);
    return answer;
  }

  /** A document citing these keys came, changed or went. */
  forget(keys: Iterable<string>): void {
    if (this.byKey.size === 0) return;
    for (const key of keys) this.byKey.delete(key);
  }
}
