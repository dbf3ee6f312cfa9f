// The policy documents a CLI argument names: a file itself, or the Markdown and text files under
// a folder, in a stable order. Symbolic links are followed, each target once: a link back to a
// folder being walked is a loop and is not walked again; a broken link is reported, not skipped.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeError } from './read-text';

const MARKDOWN = new Set(['.md', '.markdown', '.mdown', '.mkd']);
const TEXT = new Set(['.txt', '.text']);
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'out']);

export type Found = { file: string } | { problem: string; file: string };

export function languageOf(file: string): 'markdown' | 'plaintext' {
  return MARKDOWN.has(path.extname(file).toLowerCase()) ? 'markdown' : 'plaintext';
}

function isPolicyFile(name: string): boolean {
  const ext = path.extname(name).toLowerCase();
  return MARKDOWN.has(ext) || TEXT.has(ext);
}

/** Walks the arguments in order; `seen` holds the real paths already visited, across arguments. */
export function* policyFiles(targets: readonly string[]): Generator<Found> {
  const seen = new Set<string>();
  for (const target of targets) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(target);
    } catch (error) {
      yield { file: target, problem: describeError(error) };
      continue;
    }
    // A file named on the command line is read whatever its extension; reading says if it cannot be.
    if (!stat.isDirectory()) {
      if (firstVisit(seen, target)) yield { file: target };
      continue;
    }
    if (firstVisit(seen, target)) yield* walk(target, seen);
  }
}

function* walk(dir: string, seen: Set<string>): Generator<Found> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    yield { file: dir, problem: `cannot list: ${describeError(error)}` };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = fs.statSync(full);
        isDirectory = target.isDirectory();
        isFile = target.isFile();
      } catch (error) {
        // A link to nothing may be a document moved away: say so, if it looks like one.
        if (isPolicyFile(entry.name)) yield { file: full, problem: `symbolic link to nothing usable: ${describeError(error)}` };
        continue;
      }
    }
    if (isDirectory) {
      if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.') && firstVisit(seen, full)) yield* walk(full, seen);
    } else if (isFile && isPolicyFile(entry.name) && firstVisit(seen, full)) {
      yield { file: full };
    }
  }
}

/** Whether the real path of `file` is seen for the first time (and marks it seen). */
function firstVisit(seen: Set<string>, file: string): boolean {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch {
    real = path.resolve(file);
  }
  if (seen.has(real)) return false;
  seen.add(real);
  return true;
}
