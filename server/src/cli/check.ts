// `normref check`: the diagnostics of the editor for files, folders, globs and standard input, as
// text, JSON or SARIF, and `--fix` for their safe fixes. Each document is read, checked, written
// out and forgotten in turn. Standard output is the product: the report, or with `--fix
// --dry-run` the diff and with `--fix -` the fixed text, the report then going to standard error.
import { CliError } from './cli-error';
import { ConfigFiles, displayPath, type ConfigFile } from '../config-files';
import type { CustomDataSets } from './custom-data';
import { keepLineEnds, unifiedDiff, writeFixed } from './fix-files';
import { JsonReporter } from './formats/json';
import { printableName, type CheckedFile, type Reporter, type Summary } from './formats/report';
import { SarifReporter, type ToolInfo } from './formats/sarif';
import { TextReporter, useColour } from './formats/text';
import { readInput, STDIN, type Input } from './inputs';
import { EXIT, Output } from './output';
import { policyFiles } from './policy-files';
import { Progress } from './progress';
import { isAsOfDate, settingsFrom, type Finding, type NormrefService, type Settings, type Severity } from '../service';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const FORMATS = ['text', 'json', 'sarif'] as const;
export const FAIL_ON = ['error', 'warning', 'information', 'hint', 'off'] as const;

export interface CheckOptions {
  format: (typeof FORMATS)[number];
  failOn: (typeof FAIL_ON)[number];
  asOf?: string;
  config?: string;
  edition?: string;
  fix: boolean;
  dryRun: boolean;
  stdinFilename?: string;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export async function check(targets: readonly string[], options: CheckOptions, customData: CustomDataSets, tool: ToolInfo): Promise<number> {
  if (options.asOf !== undefined && !isAsOfDate(options.asOf)) throw new CliError(`normref check: --as-of ${options.asOf}: expected a date from 1900 on: YYYY-MM-DD, YYYY-MM or YYYY`, EXIT.usage);
  if (options.dryRun && !options.fix) throw new CliError('normref check: --dry-run goes with --fix: it shows what --fix would change', EXIT.usage);
  const configs = new ConfigFiles(options.config);
  if (configs.named && 'problem' in configs.named) throw new CliError(`normref: ${configs.named.problem}`, EXIT.usage);
  // With --fix, standard input's fixed text goes to standard output, and so the report to standard error.
  const reportToStderr = options.dryRun || (options.fix && targets.includes(STDIN));
  const run = new CheckRun(options, customData, configs, tool, reportToStderr);
  for (const found of policyFiles(targets)) {
    if ('problem' in found) run.problem(found.file, found.problem);
    else await run.checkOne(found.file);
  }
  return run.end();
}

class CheckRun {
  private readonly stdout = new Output(process.stdout);
  private readonly stderr = new Output(process.stderr);
  /** Where the report goes: standard error when standard output carries a diff or a fixed text. */
  private readonly reportTo: Output;
  private readonly reporter: Reporter;
  private readonly progress = new Progress();
  private readonly summary: Summary = { files: 0, filesWithFindings: 0, counts: { error: 0, warning: 0, information: 0, hint: 0 }, fixable: 0, problems: [] };
  private readonly settingsByConfig = new Map<ConfigFile | undefined, Settings | string>();
  private failing = 0;

  constructor(
    private readonly options: CheckOptions,
    private readonly customData: CustomDataSets,
    private readonly configs: ConfigFiles,
    tool: ToolInfo,
    reportToStderr: boolean,
  ) {
    this.reportTo = reportToStderr ? this.stderr : this.stdout;
    // The progress line is cleared before text goes to the terminal it is drawn on, and only then.
    if (process.stdout.isTTY) this.stdout.beforeWrite = () => this.progress.clear();
    this.stderr.beforeWrite = () => this.progress.clear();
    customData.beforeSay = () => this.progress.clear();
    const stream = this.reportTo === this.stdout ? process.stdout : process.stderr;
    this.reporter =
      options.format === 'json' ? new JsonReporter(this.reportTo) : options.format === 'sarif' ? new SarifReporter(this.reportTo, tool) : new TextReporter(this.reportTo, useColour(stream));
  }

  /** A file that could not be checked: one line on standard error, and exit 2 at the end. */
  problem(file: string, message: string, filePath?: string, sayIt = true): void {
    if (sayIt) this.say(file, message);
    this.summary.problems.push({ file, path: filePath, message, checked: false });
  }

  /** A file checked, whose fixes could not be written: one line on standard error, and exit 2 at the end. */
  private notFixed(input: Input, message: string): void {
    this.say(input.name, message);
    this.summary.problems.push({ file: input.name, path: input.path, message, checked: true });
  }

  private say(file: string, message: string): void {
    this.progress.clear();
    process.stderr.write(`normref: ${printableName(file)}: ${message}\n`);
  }

  async checkOne(file: string): Promise<void> {
    const input = await readInput(file, this.options.stdinFilename);
    if ('problem' in input) return this.problem(file, input.problem);
    const config = this.configs.forFolder(input.folder);
    const settings = this.settingsFor(config);
    if (typeof settings === 'string') return this.problem(input.name, settings, input.path, false);
    const service = this.customData.serviceFor(config);
    const skipped = service.analyze(input.document, settings).skipped;
    if (skipped) {
      service.forget(input.document.uri);
      return this.problem(input.name, `skipped: ${skipped}`, input.path);
    }
    const findings = this.options.fix ? this.fix(input, settings, service) : service.findings(input.document, settings);
    await this.report({ name: input.name, path: input.path, document: input.document, findings });
    service.forget(input.document.uri);
    this.progress.tick(this.summary.files);
    await this.stdout.drained();
    await this.stderr.drained();
  }

  /** Applies the safe fixes (or shows them) and returns what remains to report. */
  private fix(input: Input, settings: Settings, service: NormrefService): Finding[] {
    const original = input.document.getText();
    const result = service.fixText(input.document, settings);
    const fixed = keepLineEnds(original, result.text);
    const changed = fixed !== original;
    const refused = this.deliver(input, original, fixed, changed);
    if (refused) this.notFixed(input, refused);
    if (!changed || refused) return service.findings(input.document, settings);
    const count = result.fixed.length;
    const said = `${this.options.dryRun ? 'would fix' : 'fixed'} ${count.toLocaleString('en')} problem${count === 1 ? '' : 's'} in ${printableName(input.name)}\n`;
    // In a machine-readable report the line would break the document: it goes to standard error.
    (this.options.format === 'text' ? this.reportTo : this.stderr).write(said);
    // The service's last pass analysed the fixed text under the same uri: its findings are at hand.
    input.document = TextDocument.create(input.document.uri, input.document.languageId, input.document.version + 1, fixed);
    return service.findings(input.document, settings);
  }

  /** Puts the fixed text where it goes: a diff, standard output or the file; says why not, if not. */
  private deliver(input: Input, original: string, fixed: string, changed: boolean): string | undefined {
    if (this.options.dryRun) {
      if (changed) this.stdout.write(unifiedDiff(input.name, original, fixed));
      return undefined;
    }
    const notExact = `not fixed: not valid ${input.encoding.startsWith('utf8') ? 'UTF-8' : 'UTF-16'}, and writing it back would change more than the fixes`;
    // Standard input's text is the product, changed or not (as Prettier writes it); one that was
    // not valid in its encoding comes back as it came, as a file is left alone.
    if (input.stdin) {
      if (input.bytes) this.stdout.writeBytes(input.bytes);
      else this.stdout.write(fixed);
      return input.bytes && changed ? notExact : undefined;
    }
    if (!changed) return undefined;
    if (!input.exact) return notExact;
    return writeFixed(input.path!, fixed, input.encoding, input.stat!);
  }

  private async report(checked: CheckedFile): Promise<void> {
    this.summary.files++;
    if (checked.findings.length) this.summary.filesWithFindings++;
    const threshold = this.options.failOn === 'off' ? -1 : RANK[this.options.failOn];
    for (const f of checked.findings) {
      this.summary.counts[f.severity]++;
      if (RANK[f.severity] <= threshold) this.failing++;
      if (!this.options.fix && f.fixes.some((x) => x.safe)) this.summary.fixable++;
    }
    await this.reporter.file(checked);
  }

  /** The settings of a document's configuration file, made once per file; a string if it cannot be used. */
  private settingsFor(config: ConfigFile | undefined): Settings | string {
    const known = this.settingsByConfig.get(config);
    if (known !== undefined) return known;
    let settings: Settings | string;
    const made = config && 'problem' in config ? undefined : settingsFrom(config?.client ?? {}, this.options.asOf);
    // The schema and the service read the same facts; a problem the schema let through is still one line.
    const problem = config && 'problem' in config ? config.problem : made!.problems.length ? `${displayPath(config!.file)}: ${made!.problems[0].replace(/^normref\./, '')}` : undefined;
    if (problem) {
      // Said once for the configuration file; each file under it is counted as not checked.
      this.progress.clear();
      process.stderr.write(`normref: ${problem}\n`);
      settings = `not checked: ${problem}`;
    } else {
      settings = made!.settings;
      if (this.options.edition) settings.controls = { ...settings.controls, defaultEdition: this.options.edition };
    }
    this.settingsByConfig.set(config, settings);
    return settings;
  }

  end(): number {
    this.reporter.end(this.summary);
    this.progress.clear();
    this.stdout.flush();
    this.stderr.flush();
    if (this.stdout.ioError || this.summary.problems.length) return EXIT.io;
    return this.failing ? EXIT.findings : EXIT.ok;
  }
}
