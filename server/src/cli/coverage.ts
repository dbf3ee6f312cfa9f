// `normref coverage`: which Annex A controls of ISO/IEC 27001 the documents cite, and where, as
// Markdown, CSV, JSON or an HTML page. The documents are indexed one at a time (only their
// citations are kept), then the report is written once.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError } from './cli-error';
import { STDIN_URI } from './inputs';
import { EXIT, type Output } from './output';
import { FileWorkspace } from '../file-workspace';
import { coverageCsv, coverageEditions, coverageHtml, coverageMarkdown, type CoverageReport, type NormrefService, type Settings } from '../service';

export const COVERAGE_FORMATS = ['md', 'csv', 'json', 'html'] as const;
export type CoverageFormat = (typeof COVERAGE_FORMATS)[number];

export async function coverage(targets: readonly string[], options: { edition: string; format: CoverageFormat }, settings: Settings, service: NormrefService, output: Output): Promise<number> {
  const editions = coverageEditions(service.catalog);
  if (options.edition !== 'auto' && !editions.includes(options.edition)) {
    throw new CliError(`normref coverage: --edition ${options.edition}: normref has Annex A of ${editions.join(', ')}`, EXIT.usage);
  }
  let problems = 0;
  const workspace = new FileWorkspace(targets, (file, problem) => {
    problems++;
    process.stderr.write(`normref: ${displayPath(file)}: ${problem}\n`);
  });
  await service.indexWorkspace(workspace, { large: true }, settings);
  output.write(render(service.coverage(options.edition), options.format));
  return problems ? EXIT.io : EXIT.ok;
}

/** A document's place in the report: its path from the current folder, with forward slashes, or `<stdin>`. */
function placeOf(uri: string): string {
  return uri === STDIN_URI ? '<stdin>' : displayPath(fileURLToPath(uri));
}

function displayPath(file: string): string {
  return path.relative(process.cwd(), path.resolve(file)).split(path.sep).join('/') || '.';
}

function render(report: CoverageReport, format: CoverageFormat): string {
  switch (format) {
    case 'md':
      return coverageMarkdown(report, placeOf);
    case 'csv':
      return coverageCsv(report, placeOf);
    case 'html':
      return coverageHtml(report, { placeOf });
    case 'json':
      return `${JSON.stringify({ ...report, themes: report.themes.map((t) => ({ ...t, controls: t.controls.map((c) => ({ ...c, citations: c.citations.map((cit) => ({ ...cit, file: placeOf(cit.uri) })) })) })) }, null, 2)}\n`;
  }
}
