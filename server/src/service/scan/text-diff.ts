// Where two versions of a text start and stop differing, found by comparing slices that double
// in length: the engine compares a slice as a block of memory, so an edit in a long document
// costs a few native comparisons rather than a loop over every character.

/** The length of the longest common prefix of `a` and `b`. */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let same = 0;
  let step = 256;
  while (same < n) {
    const length = Math.min(step, n - same);
    if (length <= 16) {
      while (same < n && a.charCodeAt(same) === b.charCodeAt(same)) same++;
      return same;
    }
    if (a.slice(same, same + length) === b.slice(same, same + length)) {
      same += length;
      step *= 2;
    } else {
      step = length >> 1;
    }
  }
  return same;
}

/** The length of the longest common suffix of `a` and `b` that leaves their first `prefix` characters alone. */
export function commonSuffix(a: string, b: string, prefix: number): number {
  const n = Math.min(a.length, b.length) - prefix;
  let same = 0;
  let step = 256;
  while (same < n) {
    const length = Math.min(step, n - same);
    if (length <= 16) {
      while (same < n && a.charCodeAt(a.length - 1 - same) === b.charCodeAt(b.length - 1 - same)) same++;
      return same;
    }
    if (a.slice(a.length - same - length, a.length - same) === b.slice(b.length - same - length, b.length - same)) {
      same += length;
      step *= 2;
    } else {
      step = length >> 1;
    }
  }
  return same;
}

/** How a text came from the one before it: its first `prefix` and last `suffix` characters are as they were there. */
export interface TextEdit {
  lengthBefore: number;
  prefix: number;
  suffix: number;
}
