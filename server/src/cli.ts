// The normref command line: the same service as the language server, over files and folders.
//   normref check [options] <files, folders or globs>…   the editor's diagnostics, as text, JSON or SARIF; --fix
//   normref scan [--json] <files or folders>…           every reference, as text or as one JSON array
//   normref lookup <reference>                          what a hover shows
//   normref coverage [--edition] [--format] <paths>…    which Annex A controls the documents cite
// Files are read, analysed, written out and forgotten one at a time, so memory does not grow with
// the number of files. Each command takes --custom-data (cli/custom-data.ts). The options are
// parsed by commander; the commands live in cli/.
import { Command, CommanderError, Option } from 'commander';
import { check, FAIL_ON, FORMATS, type CheckOptions } from './cli/check';
import { CliError } from './cli/cli-error';
import { CONFIG_NAMES, ConfigFiles } from './config-files';
import { CustomDataSets } from './cli/custom-data';
import { coverage, COVERAGE_FORMATS, type CoverageFormat } from './cli/coverage';
import { lookup } from './cli/lookup';
import { EXIT, Output } from './cli/output';
import { scan } from './cli/scan';
import { packageVersion, readCatalogSources } from './data-files';
import { Catalog, createService, DEFAULT_SETTINGS, EDITIONS, type Settings } from './service';
import { homepage } from '../../package.json';

const EXIT_CODES = `Exit codes, the same for every command:
  0   done, and check found nothing at or above --fail-on
  1   check found something at or above --fail-on; lookup found nothing
  2   a wrong argument or configuration file, a file that could not be read (the other files
      are still checked), a custom data file with an error (the others are still used) or
      output that could not be written
  70  a bug in normref (please report it)`;

const FILES = `Folders are searched for Markdown (.md, .markdown) and text (.txt) files, following symbolic
links and leaving out node_modules, .git, dist, out, dot-folders and what .gitignore files say;
a quoted glob ("policies/**/*.md") is expanded the same way. "-" reads standard input.`;

const output = new Output();

function editionOption(): Option {
  return new Option('--edition <year>', 'the ISO/IEC 27001/27002 edition of a control number nothing in the document dates (default 2022)').choices(EDITIONS);
}

function withEdition(edition: string | undefined): Settings {
  return edition ? { ...DEFAULT_SETTINGS, controls: { ...DEFAULT_SETTINGS.controls, defaultEdition: edition } } : DEFAULT_SETTINGS;
}

/** Repeatable: each --custom-data adds a file, in the order given. */
function customDataOption(): Option {
  return new Option('--custom-data <file>', "a custom data file (YAML: your own references, frameworks, control sets, summaries, links); repeatable; read before the configuration file's customData")
    .argParser((file: string, files: string[] | undefined) => [...(files ?? []), file]);
}

interface CustomDataOptions {
  customData?: string[];
}

function program(exit: (code: number) => void): Command {
  // ISO's catalog is read once; each list of custom data files gets a service of its own over it.
  let bundled: Catalog | undefined;
  const service = () => createService((bundled ??= new Catalog(readCatalogSources())), { logger: { warn: (message) => process.stderr.write(`${message}\n`) } });
  let customData: CustomDataSets | undefined;
  const customDataFor = (options: CustomDataOptions) => (customData = new CustomDataSets(options.customData ?? [], service));
  /** A custom data file or configuration that could not be used makes the exit code 2; the command still ran without it. */
  const ended = (code: number) => exit(customData?.failed ? EXIT.io : code);
  const cli = new Command('normref')
    .description('References to standards (ISO/IEC 27001:2022, A.5.15, COBIT APO13 …) in policy documents, checked offline.')
    .version(packageVersion(), '--version', 'print the version')
    .helpOption('-h, --help', 'print this help')
    .addHelpText('after', `\n${EXIT_CODES}`)
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => output.write(text),
      // "error: unknown option '--colour'" becomes one line naming normref and the way to help.
      outputError: (text, write) => write(`${oneLineError(text)} (try: normref --help)\n`),
    });

  cli
    .command('check')
    .description("report what the editor's diagnostics report: withdrawn editions, old names, unknown editions, parts and controls, …")
    .argument('<paths...>', 'files, folders or quoted globs; - for standard input')
    .addOption(new Option('--format <format>', 'text: file:line:column lines and a summary; json; sarif (SARIF 2.1.0)').choices(FORMATS).default('text'))
    .addOption(new Option('--fail-on <severity>', 'exit 1 if anything at or above this severity is found').choices(FAIL_ON).default('warning'))
    .option('--as-of <date>', "the date the documents were approved (YYYY-MM-DD, YYYY-MM or YYYY): editions published later are not reported as replacing the one cited; a document's own declaration wins")
    .option('--config <file>', `a JSON file of the normref settings ({"diagnostics": {"withdrawn": "error"}, "ignore": […]}); without it, the nearest ${CONFIG_NAMES.join(' or ')} in the file's folder or above (up to the folder holding .git) is used`)
    .addOption(editionOption())
    .option('--fix', 'apply the safe fixes in place (for -: write the fixed text to standard output)')
    .option('--dry-run', 'with --fix: print the fixes as a unified diff and change nothing')
    .option('--stdin-filename <name>', 'the name of the text read from -: its extension decides Markdown or text, its folder the configuration')
    .addHelpText('after', `\n${FILES}\n\nExamples:\n  normref check policies\n  normref check --format sarif "docs/**/*.md" > normref.sarif\n  normref check --fix --dry-run policy.md\n\n${EXIT_CODES}`)
    .addOption(customDataOption())
    .action(async (paths: string[], options: CheckOptions & CustomDataOptions) => {
      ended(await check(paths, { ...options, fix: !!options.fix, dryRun: !!options.dryRun }, customDataFor(options), { version: packageVersion(), informationUri: homepage }));
    });

  cli
    .command('scan')
    .description('list the references to standards in policy documents')
    .argument('<paths...>', 'files, folders or quoted globs; - for standard input')
    .option('--json', 'one JSON array of {file, range, text, kind, id, resolved}')
    .addOption(editionOption())
    .addOption(customDataOption())
    .addHelpText('after', `\n${FILES}\n\n${EXIT_CODES}`)
    .action(async (paths: string[], options: { json?: boolean; edition?: string } & CustomDataOptions) => {
      ended(await scan(paths, !!options.json, withEdition(options.edition), customDataFor(options), new ConfigFiles(), output));
    });

  cli
    .command('coverage')
    .description('which controls of ISO/IEC 27001 Annex A the documents cite, and where; 2013 numbers count toward the 2022 controls they became')
    .argument('<paths...>', 'files, folders or quoted globs')
    .addOption(new Option('--edition <year>', 'the Annex A to report on: 2022, 2013, or auto: the edition the documents cite more').default('auto'))
    .addOption(new Option('--format <format>', 'md: Markdown tables; csv: one row per control; json; html: a page with a chart').choices(COVERAGE_FORMATS).default('md'))
    .addOption(customDataOption())
    .addHelpText('after', `\n${FILES}\n\nExamples:\n  normref coverage policies\n  normref coverage --edition 2022 --format csv policies > coverage.csv\n\n${EXIT_CODES}`)
    .action(async (paths: string[], options: { edition: string; format: CoverageFormat } & CustomDataOptions) => {
      // One report, one catalog: the configuration of the working folder gives its custom data.
      ended(await coverage(paths, options, DEFAULT_SETTINGS, customDataFor(options).serviceForFolder(new ConfigFiles(), process.cwd()), output));
    });

  cli
    .command('lookup')
    .description('describe one reference, e.g. "ISO/IEC 27001:2022" or "A.8.2" (any case)')
    .argument('<reference...>', 'the reference; the words may be given unquoted')
    .addOption(editionOption())
    .addOption(customDataOption())
    .addHelpText('after', `\n${EXIT_CODES}`)
    .action((words: string[], options: { edition?: string } & CustomDataOptions) => {
      const lookedUp = customDataFor(options).serviceForFolder(new ConfigFiles(), process.cwd());
      try {
        ended(lookup(words.join(' '), withEdition(options.edition), lookedUp, output));
      } catch (error) {
        // Not found is exit 1, unless a custom data file could not be used: that is the first thing to fix.
        if (error instanceof CliError && customData?.failed) throw new CliError(error.message, EXIT.io);
        throw error;
      }
    });
  return cli;
}

async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  try {
    await program((c) => (code = c)).parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // Help and the version asked for are done; help shown because a command was missing is not.
    return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? EXIT.ok : EXIT.usage;
  }
  return code;
}

async function run(): Promise<void> {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = error.exitCode;
    } else {
      process.stderr.write(`normref: internal error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = EXIT.internal;
    }
  }
  output.flush();
  // An output error reported after main returned (a pipe's EPIPE or ENOSPC) keeps its exit code.
  if (output.ioError) process.exitCode = EXIT.io;
}

void run();

/** Commander's error as one line: "normref: unknown command 'chek'; did you mean check?" (it puts the suggestion on a line of its own). */
function oneLineError(text: string): string {
  return text
    .trim()
    .replace(/^error: /, 'normref: ')
    .replace(/\n\(Did you mean (.+)\?\)$/, '; did you mean $1?')
    .replace(/\s*\n\s*/g, ' ');
}
