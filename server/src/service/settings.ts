// normref's settings: the `normref` section of the editor's configuration, and the same shape in a
// `.normrefrc.json` for the CLI. Read here once, for both, with every unusable value replaced by
// its default and said so: a wrong setting never stops normref.
import * as l10n from '@vscode/l10n';
import type { ControlFormat } from './features/complete-controls';
import type { LinkSettings } from './features/link-target';
import { EDITIONS } from './model/editions';
import { CODES, isCode, RULES, SEVERITIES, type DiagnosticCode, type SeveritySetting } from './diagnostics/rules';

export interface DiagnosticSettings {
  /** The severity of each code; 'off' reports none. */
  severities: Record<DiagnosticCode, SeveritySetting>;
  /** References a team has decided to keep: canonical ids ("ISO/IEC 27002:2013") or the text as written. */
  ignore: readonly string[];
  /** The date the documents were approved (YYYY-MM-DD), unless a document declares its own. */
  asOf?: string;
}

export interface Settings {
  links: LinkSettings;
  controls: {
    /** The ISO/IEC 27001/27002 edition a control number means when the document does not say. */
    defaultEdition: string;
    /** How a completed control is written. */
    format: ControlFormat;
  };
  diagnostics: DiagnosticSettings;
}

export { EDITIONS };

/** The names of a configuration file, in the order they are looked for: the first in a folder is the one used. */
export const CONFIG_NAMES = ['.normrefrc.json', 'normref.config.json'] as const;

export function isConfigFile(uri: string): boolean {
  return (CONFIG_NAMES as readonly string[]).includes(uri.slice(uri.lastIndexOf('/') + 1));
}

export const DEFAULT_SETTINGS: Settings = {
  links: { template: '', enabled: true },
  controls: { defaultEdition: '2022', format: 'numberAndTitle' },
  diagnostics: { severities: Object.fromEntries(CODES.map((c) => [c, RULES[c].severity])) as Record<DiagnosticCode, SeveritySetting>, ignore: [] },
};

/** The `normref` section as a client or a configuration file writes it: anything may be missing or wrong. */
export interface ClientSettings {
  links?: { template?: unknown; enabled?: unknown };
  controls?: { defaultEdition?: unknown };
  completion?: { controlFormat?: unknown };
  diagnostics?: Record<string, unknown>;
  ignore?: unknown;
}

/** The settings a client's section means, and a line for each value that was not used. */
export function settingsFrom(client: ClientSettings | null | undefined, asOf?: string): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const d = DEFAULT_SETTINGS;
  const edition = client?.controls?.defaultEdition;
  const template = client?.links?.template;
  const linksEnabled = client?.links?.enabled;
  const severities = { ...d.diagnostics.severities };
  for (const [code, value] of Object.entries(client?.diagnostics ?? {})) {
    if (!isCode(code)) problems.push(l10n.t('normref.diagnostics.{0} is not a diagnostic normref reports (it reports {1})', code, CODES.join(', ')));
    else if (typeof value === 'string' && (value === 'off' || (SEVERITIES as readonly string[]).includes(value))) severities[code] = value as SeveritySetting;
    else problems.push(l10n.t('normref.diagnostics.{0}: {1} is not one of {2}', code, JSON.stringify(value), [...SEVERITIES, 'off'].join(', ')));
  }
  const ignore = client?.ignore;
  if (ignore !== undefined && !(Array.isArray(ignore) && ignore.every((x) => typeof x === 'string'))) problems.push(l10n.t('normref.ignore must be a list of references (strings)'));
  if (linksEnabled !== undefined && typeof linksEnabled !== 'boolean') problems.push(l10n.t('normref.links.enabled: {0} is not true or false', JSON.stringify(linksEnabled)));
  if (edition !== undefined && !(EDITIONS as readonly unknown[]).includes(edition)) problems.push(l10n.t('normref.controls.defaultEdition: {0} is not one of {1}', JSON.stringify(edition), EDITIONS.join(', ')));
  return {
    settings: {
      links: { template: typeof template === 'string' ? template : d.links.template, enabled: typeof linksEnabled === 'boolean' ? linksEnabled : d.links.enabled },
      controls: {
        defaultEdition: (EDITIONS as readonly unknown[]).includes(edition) ? (edition as string) : d.controls.defaultEdition,
        format: client?.completion?.controlFormat === 'number' ? 'number' : d.controls.format,
      },
      diagnostics: {
        severities,
        ignore: Array.isArray(ignore) ? ignore.filter((x): x is string => typeof x === 'string') : [],
        ...(asOf ? { asOf } : {}),
      },
    },
    problems,
  };
}

/**
 * The editor's section with a configuration file's over it, as cspell layers cspell.json over
 * VS Code's settings: the file's value of each setting wins, so that the editor reports what CI
 * does; the lists of references to keep add up.
 */
export function layered(editor: ClientSettings | null | undefined, file: ClientSettings): ClientSettings {
  const base = editor ?? {};
  const ignore = Array.isArray(base.ignore) && Array.isArray(file.ignore) ? [...base.ignore, ...file.ignore] : (file.ignore ?? base.ignore);
  return {
    links: { ...base.links, ...file.links },
    controls: { ...base.controls, ...file.controls },
    completion: { ...base.completion, ...file.completion },
    diagnostics: { ...base.diagnostics, ...file.diagnostics },
    ...(ignore !== undefined ? { ignore } : {}),
  };
}
