// normref.ignore: references a team has decided to keep. An entry matches the reference as normref
// reads it ("ISO/IEC 27002:2013", whatever the spelling written) or as written; an edition also
// covers the control numbers read in it ("ISO/IEC 27001:2013" covers "ISO/IEC 27001:2013 A.9.2.3").

/** Lower case, one space: "iso/iec  27002:2013" and "ISO/IEC 27002:2013" are one entry. */
function key(text: string): string {
  return text.toLowerCase().replace(/[\s\u00A0]+/g, ' ').trim();
}

const cache = new WeakMap<readonly string[], (subject: string, written: string) => boolean>();

export function ignoring(entries: readonly string[]): (subject: string, written: string) => boolean {
  if (entries.length === 0) return () => false;
  let matcher = cache.get(entries);
  if (!matcher) {
    const keys = new Set(entries.map(key).filter((k) => k));
    matcher = (subject, written) => {
      const s = key(subject);
      if (keys.has(s) || keys.has(key(written))) return true;
      // An edition's controls: the subject's first words up to each space.
      for (let i = s.indexOf(' '); i >= 0; i = s.indexOf(' ', i + 1)) if (keys.has(s.slice(0, i))) return true;
      return false;
    };
    cache.set(entries, matcher);
  }
  return matcher;
}
