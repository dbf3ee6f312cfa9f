// The one canonical spelling of an identifier, as ISO writes it: "ISO/IEC 27001:2022",
// "ISO/TS 19278", "ISO/IEC TR 20000-4:2010", "ISO Guide 73", "ISO/IEC 27002:2013/Cor 1:2014".
import type { FrameworkId, StandardId, Supplement } from './reference';

/**
 * The key shared by every edition of a document: number and parts, whatever the publishers
 * ("20000-1"); for a Guide, an IWA or a TTA, whose numbers are a numbering of their own, the type
 * first ("Guide 73", "IWA 14-1").
 */
export function documentKey(number: string, parts: readonly string[], type?: string): string {
  const key = parts.length ? `${number}-${parts.join('-')}` : number;
  return type === 'Guide' || type === 'IWA' || type === 'TTA' ? `${type} ${key}` : key;
}

/** The undated base designation: publishers, type or stage, number and parts. */
export function formatDesignation(id: Pick<StandardId, 'publishers' | 'type' | 'stage' | 'number' | 'parts'>): string {
  const publishers = id.publishers.join('/');
  const words: string[] = [];
  if (id.stage) words.push(id.stage);
  // A staged type word (DTR, DPAS) already says the type.
  if (id.type && !(id.stage && id.stage.endsWith(id.type))) words.push(id.type);
  const number = [id.number, ...id.parts].join('-');
  if (words.length === 0) return publishers ? `${publishers} ${number}` : number;
  if (!publishers) return `${words.join(' ')} ${number}`;
  // ISO writes a lone publisher's type after a slash (ISO/TR 10013), a joint one after a space
  // (ISO/IEC TR 20000-4), and a Guide always after a space (ISO Guide 73).
  const joiner = id.publishers.length === 1 && id.type !== 'Guide' ? '/' : ' ';
  return `${publishers}${joiner}${words.join(' ')} ${number}`;
}

export function formatSupplement(s: Supplement): string {
  const word = s.stage ? (s.stage.endsWith(s.type) ? s.stage : `${s.stage} ${s.type}`) : s.type;
  return `${word}${s.number ? ` ${s.number}` : ''}${s.year ? `:${s.year}` : ''}`;
}

/** The canonical form of what the text says: a year only where the text gives one. */
export function formatStandardId(id: StandardId): string {
  const base = `${formatDesignation(id)}${id.year ? `:${id.year}` : ''}`;
  const supplements = id.supplements.map((s) => `/${formatSupplement(s)}`).join('');
  return `${id.adoption ? `${id.adoption} ` : ''}${base}${supplements}${id.series ? ' series' : ''}`;
}

/** "COBIT 2019", "ITIL v3", "CMMI-SVC v1.3": the framework's label, and the version after a space or its prefix. */
export function formatFrameworkId(id: FrameworkId): string {
  const name = id.label ?? id.framework;
  if (!id.version) return name;
  return `${name}${id.versionPrefix ?? ' '}${id.version}`;
}
