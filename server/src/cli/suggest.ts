// What `normref lookup` tries when a reference is not found as written: the same text in capitals
// (lookup is case-insensitive: "iso 27001", "itil v4"), then what a typist may have meant: a
// letter O or l among digits ("ISO 27OO1"), a number without its publisher ("27001"), a control
// without its "A." ("5.15"). The first
// of those that names something in the catalog is the suggestion.
import type { NormrefService, Resolution, Settings } from '../service';

export type Lookup = NonNullable<ReturnType<NormrefService['lookup']>>;

/** Found: a standard the catalog has, a control or group of the numbering it was read in, a framework. */
export function isKnown(found: Lookup | undefined): boolean {
  if (!found) return false;
  const r = found.resolution;
  if (r.kind === 'standard') return !!r.deliverable;
  if (r.kind === 'control' || r.kind === 'control-area') return !!(r.item ?? r.group);
  return true;
}

/** The reference as written, or in capitals (with "v4" kept: "ITIL V4" reads as "ITIL v4"). */
export function lookupIgnoringCase(service: NormrefService, text: string, settings: Settings): Lookup | undefined {
  const found = service.lookup(text, settings);
  if (isKnown(found)) return found;
  const capitals = service.lookup(text.toUpperCase(), settings);
  return isKnown(capitals) ? capitals : found;
}

/** "ISO/IEC 27001" for "ISO 27OO1" or "27001", if one of the usual slips explains the text. */
export function suggest(service: NormrefService, text: string, settings: Settings): string | undefined {
  const upper = text.trim().toUpperCase();
  // Inside a number, O is 0 and l or I is 1: "27OO1", "900l".
  const digits = upper.replace(/[\dOIL]*\d[\dOIL]*/g, (n) => n.replace(/O/g, '0').replace(/[IL]/g, '1'));
  const candidates = /^\d+(?:\.\d+)+$/.test(digits) ? [`A.${digits}`] : [digits, ...(/^\d/.test(digits) ? [`ISO ${digits}`, `IEC ${digits}`] : [])];
  for (const candidate of candidates) {
    if (candidate === text) continue;
    const found = service.lookup(candidate, settings);
    if (found && isKnown(found)) return canonical(found.resolution);
  }
  return undefined;
}

function canonical(resolution: Resolution): string {
  return resolution.kind === 'standard' ? resolution.designation || resolution.id : resolution.id;
}
