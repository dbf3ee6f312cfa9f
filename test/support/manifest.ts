// package.json as VS Code reads it: every "%key%" replaced by its text in package.nls.json, or in
// package.nls.<language>.json for a display language that has one.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const root = path.resolve(__dirname, '../../..');
export const LANGUAGES = ['de', 'fr'] as const;

export type Messages = Record<string, string>;

/** The texts of package.nls.json (no language) or package.nls.<language>.json. */
export function nls(language?: string): Messages {
  return JSON.parse(fs.readFileSync(path.join(root, language ? `package.nls.${language}.json` : 'package.nls.json'), 'utf8')) as Messages;
}

export function rawManifest(): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
}

/** Every "%key%" string in the manifest, where it is ("contributes.commands.0.title"). */
export function nlsKeys(value: unknown = rawManifest(), at = ''): { key: string; at: string }[] {
  if (typeof value === 'string') {
    const m = /^%(.+)%$/.exec(value);
    return m ? [{ key: m[1], at }] : [];
  }
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => nlsKeys(v, at ? `${at}.${k}` : k));
  return [];
}

/** The manifest with its texts in a language (English by default), as VS Code shows them. */
export function manifest<T = Record<string, unknown>>(language?: string): T {
  const texts = { ...nls(), ...(language ? nls(language) : {}) };
  const resolve = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const m = /^%(.+)%$/.exec(value);
      return m && m[1] in texts ? texts[m[1]] : value;
    }
    if (Array.isArray(value)) return value.map(resolve);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    return value;
  };
  return resolve(rawManifest()) as T;
}
