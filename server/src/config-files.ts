// normref's configuration for the command line: a JSON file of the same shape as the editor's
// `normref` settings section ({"diagnostics": {"withdrawn": "error"}, "ignore": […]}), named by
// --config or found as ESLint and cspell find theirs: the nearest .normrefrc.json (or
// normref.config.json) in the file's folder or above it, up to the repository's root (the folder
// holding .git) or the file system's root. Each folder is looked at once per run.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createScanner, parse, printParseErrorCode, ParseErrorCode, SyntaxKind, type ParseError } from 'jsonc-parser';
import { findPackageRoot } from './data-files';
import { CONFIG_NAMES, type ClientSettings } from './service';
import { decode } from './cli/read-text';

export { CONFIG_NAMES };

/** What a configuration file holds: the editor's settings, customData among them (read by cli/custom-data.ts). */
export type ConfigSettings = ClientSettings & { customData?: string[] };

/** A configuration file's settings, or one line saying why it cannot be used. */
export type ConfigFile = { file: string; client: ConfigSettings } | { file: string; problem: string };

export class ConfigFiles {
  private readonly byFolder = new Map<string, ConfigFile | undefined>();
  private readonly explicit?: ConfigFile;

  /** `explicit`: the file --config names, used for every document instead of any found. */
  constructor(explicit?: string) {
    if (explicit) this.explicit = readConfig(explicit);
  }

  /** The configuration of `--config`, if given, so that a bad one can stop the run before it starts. */
  get named(): ConfigFile | undefined {
    return this.explicit;
  }

  /** The configuration that holds for a document by its URI: none for a document not on disk. */
  forDocument(uri: string): ConfigFile | undefined {
    if (!uri.startsWith('file:')) return undefined;
    let file: string;
    try {
      file = fileURLToPath(uri);
    } catch {
      return undefined; // a file URI of another host: not on this disk
    }
    return this.forFolder(path.dirname(file));
  }

  /** Looks at the folders again: a configuration file was created, changed or deleted. */
  forget(): void {
    this.byFolder.clear();
  }

  /** The configuration that holds for a document in `folder` (undefined: the defaults). */
  forFolder(folder: string): ConfigFile | undefined {
    if (this.explicit) return this.explicit;
    const dir = path.resolve(folder);
    if (this.byFolder.has(dir)) return this.byFolder.get(dir);
    let found: ConfigFile | undefined;
    const name = CONFIG_NAMES.find((n) => isTaken(path.join(dir, n)));
    if (name) found = readConfig(path.join(dir, name));
    else if (!fs.existsSync(path.join(dir, '.git')) && path.dirname(dir) !== dir) found = this.forFolder(path.dirname(dir));
    this.byFolder.set(dir, found);
    return found;
  }
}

/**
 * Whether anything has this name, even a link to nothing: it is then the configuration file, and
 * if it is no regular file (a link to a device, a named pipe) reading it says so, as for --config.
 */
function isTaken(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** Reads, parses and checks one configuration file. */
export function readConfig(file: string): ConfigFile {
  const shown = displayPath(file);
  let text: string;
  try {
    // A device or a named pipe would never end (or block): only a regular file is read.
    const stat = fs.statSync(file);
    if (!stat.isFile() && !stat.isDirectory()) return { file, problem: `${shown}: not a regular file` };
    text = decode(fs.readFileSync(file)).text;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { file, problem: `${shown}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : `cannot read (${code ?? String(error)})`}` };
  }
  // JSON with comments and trailing commas, as VS Code's settings.json and cspell.json allow.
  if (!text.trim()) return { file, problem: `${shown}: empty (a configuration of the defaults is {})` };
  const tooDeep = nestedTooDeep(text);
  if (tooDeep !== undefined) return { file, problem: `${shown}:${lineAndColumn(text, tooDeep)}: nested more than ${MAX_NESTING} levels deep (no normref setting is)` };
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true });
  if (errors.length) return { file, problem: `${shown}:${lineAndColumn(text, errors[0].offset)}: not valid JSON: ${jsonError(text, errors[0])}` };
  const validate = validator();
  if (!validate(value)) return { file, problem: `${shown}: ${describeSchemaError(value, validate.errors![0])}` };
  return { file, client: value as ConfigSettings };
}

/** Deeper than any setting goes (three levels) by far; jsonc-parser and the validator recurse, and would overflow the stack on thousands. */
const MAX_NESTING = 64;

/** Where the text opens its MAX_NESTING + 1st nested object or list, if it does: one pass of jsonc-parser's scanner, which does not recurse. */
function nestedTooDeep(text: string): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      if (++depth > MAX_NESTING) return scanner.getTokenOffset();
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/** A path as the user wrote it or would: relative to the working folder when inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), path.resolve(file));
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : path.resolve(file);
}

interface SchemaError {
  instancePath: string;
  keyword: string;
  params: { additionalProperty?: string; allowedValues?: unknown[]; type?: string };
}

type Validate = ((value: unknown) => boolean) & { errors?: SchemaError[] | null };
let compiled: Validate | undefined;

/** The build's standalone validator (scripts/config-schema.mjs), loaded when a file needs it. */
function validator(): Validate {
  compiled ??= createRequire(__filename)(path.join(findPackageRoot(), 'dist', 'config-validate.js')) as Validate;
  return compiled;
}

/** `diagnostics.withdrawn: "warn" is not one of error, warning, information, hint, off`. */
function describeSchemaError(value: unknown, error: SchemaError): string {
  const keys = error.instancePath.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  const where = keys.reduce((at, k) => (/^\d+$/.test(k) ? `${at}[${k}]` : at ? `${at}.${k}` : k), '');
  const actual = keys.reduce<unknown>((at, k) => (at as Record<string, unknown>)?.[k], value);
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = where ? `${where}.${error.params.additionalProperty}` : error.params.additionalProperty!;
      // Copied from settings.json, where the keys are flat: say how this file writes it.
      const flat = /^normref\.(.+)$/.exec(key)?.[1].split('.');
      if (flat) return `${key}: not a normref setting; this file writes it without "normref." and nested, as ${nested(flat)}`;
      return `${key}: not a normref setting`;
    }
    case 'enum':
      return `${where}: ${shortJson(actual)} is not one of ${error.params.allowedValues!.join(', ')}`;
    case 'type':
      return `${where || 'the file'}: ${shortJson(actual)} is not ${TYPE_NAMES[error.params.type!] ?? error.params.type}`;
    default:
      return `${where || 'the file'}: not a valid value`;
  }
}

/** A value as JSON, cut to a length that fits the error's one line. */
function shortJson(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length <= 60 ? json : `${json.slice(0, 50)}… (${json.length.toLocaleString('en')} characters)`;
}

/** `["diagnostics", "withdrawn"]` as `{"diagnostics": {"withdrawn": …}}`. */
function nested(keys: string[]): string {
  return keys.reduceRight((inner, key) => `{${JSON.stringify(key)}: ${inner}}`, '…');
}

const TYPE_NAMES: Record<string, string> = { object: 'an object', array: 'a list', string: 'a string', boolean: 'true or false', number: 'a number' };

/** An offset as line:column, both from 1. */
function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `${line}:${offset - lineStart + 1}`;
}

function jsonError(text: string, { error, offset, length }: ParseError): string {
  if (error === ParseErrorCode.InvalidSymbol) return `unexpected ${JSON.stringify(text.slice(offset, offset + Math.max(1, length)))}`;
  return JSON_ERRORS[error] ?? printParseErrorCode(error);
}

/** jsonc-parser's error codes in words; the rest by its own names. */
const JSON_ERRORS: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.PropertyNameExpected]: 'expected a property name in double quotes',
  [ParseErrorCode.ValueExpected]: 'expected a value',
  [ParseErrorCode.ColonExpected]: 'expected a colon',
  [ParseErrorCode.CommaExpected]: 'expected a comma',
  [ParseErrorCode.CloseBraceExpected]: 'expected }',
  [ParseErrorCode.CloseBracketExpected]: 'expected ]',
  [ParseErrorCode.EndOfFileExpected]: 'expected the end of the text',
  [ParseErrorCode.UnexpectedEndOfString]: 'a string does not end',
  [ParseErrorCode.UnexpectedEndOfComment]: 'a comment does not end',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'a number does not end',
  [ParseErrorCode.InvalidNumberFormat]: 'not a number',
  [ParseErrorCode.InvalidUnicode]: 'a \\u escape needs four hexadecimal digits',
  [ParseErrorCode.InvalidEscapeCharacter]: 'not an escape a JSON string has (\\n, \\t, \\", \\\\, \\u…)',
  [ParseErrorCode.InvalidCharacter]: 'a control character (a tab, a line break or U+0000 to U+001F) inside a string; write it as an escape',
  [ParseErrorCode.InvalidCommentToken]: 'not a comment',
};
