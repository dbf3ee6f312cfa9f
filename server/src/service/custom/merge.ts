// Merges custom data files into the bundled curated data, in the order the setting lists them.
// The first source that defines an entry wins, as with VS Code's css.customData: an entry is a
// framework (by key), a control set (by key, and by document and edition), a set of internal
// references (by name) and an internal id. The bundled data comes first for entries, so a file
// cannot redefine COBIT or ISO/IEC 27002:2022; it may give a bundled standard or framework another
// summary or link, which is what summaries and links are for: for those the files come first. A
// definition that loses is reported on its file as a warning, and the rest of the file is used.
import * as l10n from '@vscode/l10n';
import type { Curated, Framework } from '../catalog/curated';
import { isFrameworkKey, type CustomData, type CustomDataProblem, type InternalScheme } from './data';

export interface MergedData {
  curated: Curated;
  /** By source: the definitions not used because an earlier source has them. */
  problems: Map<string, CustomDataProblem[]>;
}

const BUNDLED = 'the bundled data';

/**
 * `spelling`: how the ISO catalog spells the undated designation a summary or link is keyed by
 * ("ISO 27001" → "ISO/IEC 27001"), or undefined when it has no such document.
 */
export function mergeCustomData(bundled: Curated, files: readonly CustomData[], spelling: (designation: string) => string | undefined = (d) => d): MergedData {
  const problems = new Map<string, CustomDataProblem[]>(files.map((f) => [f.source, []]));
  /** Who defined each entry first. */
  const owner = new Map<string, string>();
  for (const f of bundled.frameworks) owner.set(`framework ${f.key}`, BUNDLED);
  for (const s of bundled.controlSets) {
    owner.set(`set ${s.key}`, BUNDLED);
    owner.set(`edition ${s.document}@${s.edition}`, BUNDLED);
  }
  /** Claims an entry for a file; false, with a warning, if an earlier source has it. */
  const claim = (file: CustomData, path: Array<string | number>, entries: readonly string[], what: string): boolean => {
    const earlier = entries.map((e) => owner.get(e)).find((o) => o !== undefined);
    if (earlier !== undefined) {
      const message =
        earlier === file.source
          ? l10n.t('{0} is already defined earlier in this file: this definition is not used.', what)
          : earlier === BUNDLED
            ? l10n.t('{0} is already defined by the bundled data: this definition is not used.', what)
            : l10n.t('{0} is already defined in {1}: this definition is not used.', what, earlier);
      problems.get(file.source)!.push({ message, range: file.rangeOf(path), severity: 'warning' });
      return false;
    }
    for (const e of entries) owner.set(e, file.source);
    return true;
  };

  const frameworks: Framework[] = [...bundled.frameworks];
  const controlSets = [...bundled.controlSets];
  const internal: InternalScheme[] = [];
  const summaries = new Map<string, string>();
  const links = new Map<string, string>();
  for (const file of files) {
    file.frameworks.forEach((f, i) => {
      if (claim(file, ['frameworks', i, 'key'], [`framework ${f.key}`], l10n.t('Framework "{0}"', f.key))) frameworks.push(f);
    });
    file.controlSets.forEach((s, i) => {
      if (claim(file, ['controlSets', i, 'key'], [`set ${s.key}`, `edition ${s.document}@${s.edition}`], l10n.t('Control set "{0}" ({1} {2})', s.key, s.document, s.edition))) controlSets.push(s);
    });
    file.internal.forEach((scheme, i) => {
      if (!claim(file, ['internal', i, 'name'], [`internal ${scheme.name}`], l10n.t('The set of ids "{0}"', scheme.name))) return;
      const entries = scheme.entries.filter((e, j) => claim(file, ['internal', i, 'entries', j, 'id'], [`id ${e.id}`], l10n.t('The id "{0}"', e.id)));
      internal.push({ ...scheme, entries });
    });
    for (const [section, into] of [['summaries', summaries], ['links', links]] as const) {
      for (const [key, value] of Object.entries(file[section])) {
        if (claim(file, [section, key], [`${section} ${key}`], section === 'summaries' ? l10n.t('The summary of {0}', key) : l10n.t('The link of {0}', key))) into.set(key, value);
      }
    }
  }
  for (const file of files) {
    for (const section of ['summaries', 'links'] as const) {
      for (const key of Object.keys(file[section])) {
        const summary = section === 'summaries';
        const warn = (message: string) => problems.get(file.source)!.push({ message, range: file.rangeOf([section, key]), severity: 'warning' });
        if (isFrameworkKey(key)) {
          if (!frameworks.some((f) => f.key === key)) warn(summary ? l10n.t('No framework has the key "{0}": this summary is not used.', key) : l10n.t('No framework has the key "{0}": this link is not used.', key));
          continue;
        }
        const spelt = spelling(key);
        if (spelt === undefined) {
          warn(
            summary
              ? l10n.t("normref's catalog has no {0}: this summary is not used. A standard outside ISO's catalog is added under internal, with a pattern.", key)
              : l10n.t("normref's catalog has no {0}: this link is not used. A standard outside ISO's catalog is added under internal, with a pattern.", key),
          );
        } else if (spelt !== key) {
          warn(summary ? l10n.t('The catalog spells it {0}: this summary is not used under {1}.', spelt, key) : l10n.t('The catalog spells it {0}: this link is not used under {1}.', spelt, key));
        }
      }
    }
  }

  const curated: Curated = {
    ...bundled,
    frameworks: frameworks.map((f) => withOverrides(f, summaries.get(f.key), links.get(f.key))),
    controlSets,
    summaries: { ...bundled.summaries, ...Object.fromEntries([...summaries].filter(([k]) => !isFrameworkKey(k))) },
    links: Object.fromEntries([...links].filter(([k]) => !isFrameworkKey(k))),
    internal,
  };
  return { curated, problems };
}

/** A copy of a framework with another summary or link (of its versions too); the bundled object stays as it is. */
function withOverrides(f: Framework, summary: string | undefined, url: string | undefined): Framework {
  if (summary === undefined && url === undefined) return f;
  return {
    ...f,
    ...(summary !== undefined ? { summary } : {}),
    ...(url !== undefined ? { url, versions: f.versions.map((v) => ({ ...v, url })) } : {}),
  };
}
