// One document named to the CLI, read and decoded: a file, or standard input for `-` (read as
// Markdown unless --stdin-filename gives a name, whose extension then decides, as in ESLint and
// Prettier; the name is also where its configuration file is looked for and what the output says).
import type * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { languageOfPath } from '../service/workspace/workspace';
import { decode, readText, type Encoding } from './read-text';
import { MAX_DOCUMENT_LENGTH } from '../service/limits';

export const STDIN = '-';
/** Standard input's document, when no --stdin-filename names it. */
export const STDIN_URI = 'untitled:stdin';

export interface Input {
  /** As the output names it. */
  name: string;
  /** The absolute path; none for standard input without --stdin-filename. */
  path?: string;
  /** The folder its configuration file is looked for from. */
  folder: string;
  document: TextDocument;
  encoding: Encoding;
  /** The bytes decoded without loss, so that a fix may write them back. */
  exact: boolean;
  stdin: boolean;
  /** Standard input's bytes, when they were not valid in their encoding: what `--fix -` gives back. */
  bytes?: Uint8Array;
  /** The file's status when read; none for standard input. */
  stat?: fs.Stats;
}

export async function readInput(file: string, stdinFilename?: string): Promise<Input | { problem: string }> {
  if (file === STDIN) {
    const bytes = await readStdin();
    if (bytes.length > MAX_DOCUMENT_LENGTH * 2) return { problem: `skipped: larger than ${(MAX_DOCUMENT_LENGTH * 2) / 1024 / 1024} MB` };
    const decoded = decode(bytes);
    const named = stdinFilename ? path.resolve(stdinFilename) : undefined;
    const uri = named ? fileUri(named) : STDIN_URI;
    return {
      name: stdinFilename ?? '<stdin>',
      path: named,
      folder: named ? path.dirname(named) : process.cwd(),
      document: TextDocument.create(uri, languageOfPath(stdinFilename ?? 'stdin.md'), 1, decoded.text),
      encoding: decoded.encoding,
      exact: decoded.exact,
      stdin: true,
      ...(decoded.exact ? {} : { bytes }),
    };
  }
  const read = readText(file);
  if ('problem' in read) return read;
  const absolute = path.resolve(file);
  return {
    name: file,
    path: absolute,
    folder: path.dirname(absolute),
    document: TextDocument.create(fileUri(absolute), languageOfPath(file), 1, read.text),
    encoding: read.encoding,
    exact: read.exact,
    stdin: false,
    stat: read.stat,
  };
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function fileUri(absolute: string): string {
  return `file://${absolute.split(path.sep).map(encodeURIComponent).join('/')}`;
}
