// The diagnostic codes normref reports, each written once: its default severity, a one-line
// summary (SARIF's shortDescription, the README's heading) and the help text a reader of the
// Problems panel or a code-scanning alert gets. Everything else (settings, the README's anchors,
// SARIF rules, the CLI's listing) derives from this table.
import { repository } from '../../../../package.json';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** One step gentler than `severity` (a hint stays a hint). */
export function gentler(severity: Severity): Severity {
  return SEVERITIES[Math.min(SEVERITIES.indexOf(severity) + 1, SEVERITIES.length - 1)];
}

export interface Rule {
  severity: SeveritySetting;
  summary: string;
  help: string;
}

export const RULES = {
  withdrawn: {
    severity: 'warning',
    summary: 'A dated reference to a withdrawn edition',
    help:
      'The edition cited was withdrawn and replaced; the message names the edition that replaced it, and the whole chain when it was replaced more than once. An undated reference is never outdated. A document approved before the replacement can say so with `normref: { as-of: 2021-06-01 }` in its front matter or `<!-- normref as-of: 2021-06-01 -->`.',
  },
  renamed: {
    severity: 'warning',
    summary: 'An old name of a standard that now has another number',
    help: 'ISO/IEC 17799 became ISO/IEC 27002, BS 7799-2 became ISO/IEC 27001, OHSAS 18001 became ISO 45001: the message names the current standard, and the quick fix writes it.',
  },
  'unknown-edition': {
    severity: 'warning',
    summary: 'An edition (year) or supplement of a standard that does not exist',
    help: 'The standard exists, but not in the year written (ISO/IEC 27001:2015), or not with that amendment or corrigendum; the message lists the editions there are.',
  },
  'unknown-part': {
    severity: 'warning',
    summary: 'A part of a standard that does not exist',
    help: 'The number exists but not that part (ISO/IEC 20000-8); the message lists the parts there are.',
  },
  'unknown-number': {
    severity: 'warning',
    summary: 'An ISO or ISO/IEC number that no deliverable has',
    help: 'No ISO or ISO/IEC deliverable, published, withdrawn or in development, has this number, or not with the publishers written (ISO/IEC 9001 for ISO 9001). IEC-only and national standards are not in the catalog and are not reported.',
  },
  'control-edition-mismatch': {
    severity: 'warning',
    summary: 'A control number that does not exist in the edition the document cites',
    help: 'A 2013 control number under ISO/IEC 27001:2022 (A.9.2.3), or a 2022 number under 2013. The message says which reference set the edition and names the control(s) the number became; the quick fix writes them.',
  },
  'unknown-control': {
    severity: 'warning',
    summary: 'A control or clause number that exists in no edition',
    help: 'No edition of the standard or framework has this number (A.8.3.4, COBIT DSS07); the message names the numbers nearby that do exist.',
  },
  'title-mismatch': {
    severity: 'warning',
    summary: "The title written next to a control number is another control's title",
    help: 'The title after the number is not that control’s title in the edition in force (A.8.2 Information classification under 2022); the message names the control that has that title in that edition, and the quick fixes correct the number or the title.',
  },
  'mixed-editions': {
    severity: 'information',
    summary: 'Two editions of one standard cited in one document',
    help: 'The document cites, say, ISO/IEC 27001:2013 and ISO/IEC 27001:2022 as if both applied. Mentions in a history section, a revision table or a "formerly…" sentence and crosswalk tables are not counted.',
  },
  directive: {
    severity: 'warning',
    summary: 'A normref comment normref cannot read',
    help: 'A suppression comment naming a code normref does not have (`normref-disable-next-line withdrawm`) or a verb it does not know (`normref-disabel`) silences nothing; an `as-of` date or `edition` it cannot use (`<!-- normref as-of: 2021-13-01 -->`, `<!-- normref edition: 2019 -->`) declares nothing. The message says what normref reads; the quick fix writes the nearest code or verb.',
  },
  'non-canonical': {
    severity: 'off',
    summary: 'A reference not spelled as its publisher spells it',
    help: '`ISO 27001` is `ISO/IEC 27001`, `ISO27001` is `ISO/IEC 27001`. Off by default; set `normref.diagnostics.non-canonical` to `hint` to see it.',
  },
} as const satisfies Record<string, Rule>;

export type DiagnosticCode = keyof typeof RULES;
export const CODES = Object.keys(RULES) as DiagnosticCode[];

export function isCode(value: string): value is DiagnosticCode {
  return Object.hasOwn(RULES, value);
}

/** The README section that explains a code: its heading is the code itself. */
export function helpUrl(code: DiagnosticCode): string {
  return `${repositoryPage()}/blob/main/README.md#${code}`;
}

function repositoryPage(): string {
  const url = typeof repository === 'string' ? repository : repository.url;
  return url.replace(/^git\+/, '').replace(/\.git$/, '');
}
