// The coverage report written out: Markdown (for a wiki or a pull request), CSV (one row per
// control, for a spreadsheet), and an HTML page (the CLI's file and the editor's webview) that
// needs nothing from the network: its chart is CSS, its styles inline under a strict policy.
import * as l10n from '@vscode/l10n';
import type { ControlCoverage, CoverageCitation, CoverageReport } from './coverage';

/** How a citation's place is written: a path relative to the report's folder, or a link. */
export type PlaceOf = (uri: string) => string;

const percent = (covered: number, total: number) => (total ? Math.round((covered / total) * 100) : 0);

const title = (standard: string) => l10n.t('Annex A coverage: {0}', standard);

const summary = (report: CoverageReport) =>
  l10n.t('{0} of {1} controls ({2} %) are cited in {3} of {4} documents.', report.covered, report.total, percent(report.covered, report.total), report.citingDocuments, report.documents);

const placeOfCitation = (c: CoverageCitation, placeOf: PlaceOf, escape: (text: string) => string) =>
  c.mapped ? l10n.t('{0}:{1} (as {2})', escape(placeOf(c.uri)), c.line + 1, escape(c.text)) : `${escape(placeOf(c.uri))}:${c.line + 1}`;

function places(citations: CoverageCitation[], placeOf: PlaceOf): string[] {
  return [...new Set(citations.map((c) => placeOf(c.uri)))];
}

export function coverageMarkdown(report: CoverageReport, placeOf: PlaceOf): string {
  const lines = [
    `# ${title(report.standard)}`,
    '',
    summary(report),
    '',
    `| ${l10n.t('Theme')} | ${l10n.t('Covered')} | ${l10n.t('Controls')} |`,
    '|---|---:|---:|',
    ...report.themes.map((t) => `| ${t.id} ${escapeCell(t.title)} | ${t.covered} | ${t.controls.length} |`),
  ];
  for (const theme of report.themes) {
    lines.push('', `## ${theme.id} ${theme.title} (${theme.covered}/${theme.controls.length})`, '', `| ${l10n.t('Control')} | ${l10n.t('Title')} | ${l10n.t('Cited in')} |`, '|---|---|---|');
    for (const c of theme.controls) lines.push(`| ${c.id} | ${escapeCell(c.title)} | ${citedIn(c, placeOf) || `**${l10n.t('not cited')}**`} |`);
  }
  return `${lines.join('\n')}\n`;
}

function citedIn(control: ControlCoverage, placeOf: PlaceOf): string {
  return control.citations.map((c) => placeOfCitation(c, placeOf, escapeCell)).join(', ');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export const CSV_HEADER = ['control', 'title', 'theme', 'covered', 'documents'];

/** RFC 4180: one row per control; `documents` is the citing documents, `;`-separated. */
export function coverageCsv(report: CoverageReport, placeOf: PlaceOf): string {
  const rows = [CSV_HEADER];
  for (const theme of report.themes) {
    for (const c of theme.controls) rows.push([c.id, c.title, `${theme.id} ${theme.title}`, c.citations.length ? 'yes' : 'no', places(c.citations, placeOf).join(';')]);
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: string): string {
  // A leading = + - @ would be a formula in a spreadsheet: quoted and prefixed, as OWASP advises.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export interface HtmlOptions {
  /** The href of a citation; undefined writes its place as text. */
  hrefOf?: (citation: CoverageCitation) => string;
  placeOf: PlaceOf;
  /** A nonce for the page's one style element, for a webview's Content-Security-Policy. */
  nonce?: string;
  /** A script element to add (the webview's message passing), with the nonce. */
  script?: string;
  /** The page's language (the display language of its texts); English by default. */
  lang?: string;
}

export function coverageHtml(report: CoverageReport, options: HtmlOptions): string {
  const nonce = options.nonce ?? '';
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'${options.script ? `; script-src 'nonce-${nonce}'` : ''}`;
  const themes = report.themes
    .map((t) => {
      const p = percent(t.covered, t.controls.length);
      return `<li><span class="label">${esc(`${t.id} ${t.title}`)}</span><span class="bar" role="img" aria-label="${esc(l10n.t('{0} of {1} covered', t.covered, t.controls.length))}"><span class="fill w${p}"></span></span><span class="count">${t.covered}/${t.controls.length}</span></li>`;
    })
    .join('\n');
  const sections = report.themes
    .map(
      (t) => `<h2 id="theme-${esc(t.id)}">${esc(`${t.id} ${t.title}`)} <small>(${t.covered}/${t.controls.length})</small></h2>
<table><thead><tr><th scope="col">${esc(l10n.t('Control'))}</th><th scope="col">${esc(l10n.t('Title'))}</th><th scope="col">${esc(l10n.t('Cited in'))}</th></tr></thead><tbody>
${t.controls.map((c) => `<tr class="${c.citations.length ? 'covered' : 'uncovered'}"><td>${esc(c.id)}</td><td>${esc(c.title)}</td><td>${c.citations.length ? c.citations.map((cit) => citationHtml(cit, options)).join(', ') : `<strong>${esc(l10n.t('not cited'))}</strong>`}</td></tr>`).join('\n')}
</tbody></table>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${esc(options.lang ?? 'en')}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title(report.standard))}</title>
<style nonce="${nonce}">${STYLE}</style></head>
<body>
<h1>${esc(title(report.standard))}</h1>
<p class="summary">${esc(summary(report))}</p>
<ul class="chart" aria-label="${esc(l10n.t('Covered controls per theme'))}">
${themes}
</ul>
${sections}
${options.script ? options.script.replace('<script', `<script nonce="${nonce}"`) : ''}
</body></html>
`;
}

function citationHtml(c: CoverageCitation, options: HtmlOptions): string {
  const text = placeOfCitation(c, options.placeOf, (t) => t);
  const href = options.hrefOf?.(c);
  return href ? `<a href="${esc(href)}">${esc(text)}</a>` : esc(text);
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

// A bar's width is a class, not a style attribute, which the policy would block.
// Colours from VS Code's theme variables inside a webview, with plain fallbacks in a browser.
const STYLE = `
body { font-family: var(--vscode-font-family, system-ui, sans-serif); color: var(--vscode-foreground, #222); background: var(--vscode-editor-background, #fff); padding: 0 1.5em 2em; }
a { color: var(--vscode-textLink-foreground, #0b62c4); }
a:focus { outline: 1px solid var(--vscode-focusBorder, #0b62c4); }
table { border-collapse: collapse; width: 100%; margin-bottom: 1.5em; }
th, td { text-align: left; padding: 0.2em 0.6em; border-bottom: 1px solid var(--vscode-panel-border, #ddd); vertical-align: top; }
tr.uncovered td { background: var(--vscode-inputValidation-warningBackground, #fff4ce); }
.chart { list-style: none; padding: 0; max-width: 48em; }
.chart li { display: grid; grid-template-columns: 16em 1fr 4em; gap: 0.8em; align-items: center; margin: 0.3em 0; }
.bar { height: 0.9em; background: var(--vscode-editorWidget-border, #ddd); display: block; }
.fill { height: 100%; display: block; background: var(--vscode-charts-green, #2e7d32); }
button { font: inherit; color: var(--vscode-button-foreground, #fff); background: var(--vscode-button-background, #0b62c4); border: none; padding: 0.3em 0.9em; cursor: pointer; }
button:focus { outline: 1px solid var(--vscode-focusBorder, #0b62c4); outline-offset: 2px; }
.count { text-align: right; font-variant-numeric: tabular-nums; }
${Array.from({ length: 101 }, (_, i) => `.w${i} { width: ${i}%; }`).join('\n')}
`;
