// What a resolved reference points at, as keys that references across documents share: the
// undated document ("ISO 27001", "27001" and "ISO/IEC 27001:2022" all cite ISO/IEC 27001), the
// edition when one is written or chosen, the framework and its version, the control in its
// edition. A 2013 control also points, "mapped", at the 2022 control(s) it became, so a search for
// A.5.15 finds the A.9.1.1 of an older policy.
import type { ControlSets } from '../catalog/controls';
import type { Resolution } from '../resolve';

export interface Target {
  key: string;
  /** What it is called: "ISO/IEC 27001", "ISO/IEC 27001:2022", "COBIT 2019", "ISO/IEC 27001:2022 A.5.15". */
  label: string;
  title?: string;
  /** Reached through the 2013 → 2022 correspondence, not written. */
  mapped?: boolean;
}

export const documentKey = (designation: string): string => `document:${designation}`;
export const editionKey = (reference: string): string => `edition:${reference}`;
export const frameworkKey = (framework: string, version?: string): string => (version ? `framework:${framework}@${version}` : `framework:${framework}`);
export const controlKey = (setKey: string, id: string): string => `control:${setKey}:${id}`;
export const internalKey = (id: string): string => `internal:${id}`;

/** The keys of what `resolution` cites, most specific last. */
export function targetsOf(resolution: Resolution, sets: ControlSets): Target[] {
  switch (resolution.kind) {
    case 'standard': {
      if (resolution.match === 'unknown' || !resolution.designation) return [{ key: documentKey(resolution.id), label: resolution.id }];
      const latest = resolution.current ?? resolution.editions.at(-1);
      const targets: Target[] = [{ key: documentKey(resolution.designation), label: resolution.designation, ...(latest ? { title: latest.title } : {}) }];
      const edition = resolution.deliverable;
      // A dated reference cites that edition; an undated one the document, whichever edition is current.
      if (edition && resolution.reference.id.year !== undefined) targets.push({ key: editionKey(edition.reference), label: edition.reference, title: edition.title });
      return targets;
    }
    case 'framework': {
      const framework = resolution.framework;
      const key = framework?.key ?? resolution.reference.id.framework;
      const targets: Target[] = [{ key: frameworkKey(key), label: framework?.name ?? resolution.id, ...(framework ? { title: framework.fullName } : {}) }];
      if (resolution.version) targets.push({ key: frameworkKey(key, resolution.version.key), label: resolution.version.name, ...(framework ? { title: framework.fullName } : {}) });
      return targets;
    }
    case 'internal':
      // An organisation's own id (POL-AC-01): the same id wherever it is written.
      return [{ key: internalKey(resolution.id), label: resolution.id, ...(resolution.entry ? { title: resolution.entry.title } : resolution.scheme ? { title: resolution.scheme.name } : {}) }];
    default: {
      const setKey = resolution.set?.set.key;
      const found = resolution.item ?? resolution.group;
      if (!setKey || !found) return [];
      const targets: Target[] = [{ key: controlKey(setKey, found.id), label: resolution.id, title: found.title }];
      return resolution.item ? targets.concat(mappedControls(setKey, found.id, sets)) : targets;
    }
  }
}

/** The 2022 controls a 2013 control became, and the 2013 controls a 2022 one came from. */
function mappedControls(setKey: string, id: string, sets: ControlSets): Target[] {
  const between = sets.corresponding;
  if (!between) return [];
  const [other, ids] = setKey === between.from ? [between.to, sets.successorsOf(id)] : setKey === between.to ? [between.from, sets.predecessorsOf(id)] : ['', []];
  const set = sets.get(other);
  return ids.map((mappedId) => ({ key: controlKey(other, mappedId), label: `${set?.set.name ?? other} ${mappedId}`, title: set?.item(mappedId)?.title ?? '', mapped: true }));
}
