// The policy documents a CLI argument names: a file itself, the Markdown and text files under a
// folder, or the files a quoted glob matches ("policies/**/*.md"), in a stable order and one at a
// time, so a tree of any size costs the memory of one folder listing. Folders' .gitignore files
// are honoured as git does. Symbolic links are followed, each target once: a link back to a
// folder being walked is a loop and is not walked again; a broken link is reported, not skipped.
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { GitignoreRules } from './gitignore';
import { describeError } from './read-text';
import { isPolicyPath } from '../service/workspace/workspace';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'out']);
/** The kernel's own folders on Linux: a glob from the root of the file system would list them for nothing but unreadable entries. */
const SYSTEM_FOLDERS = new Set(['/proc', '/sys', '/dev']);

export type Found = { file: string } | { problem: string; file: string };

/** Which files of a walk are yielded: policy files by extension, or those a glob matches. */
type Select = (relative: string, name: string) => boolean;

/** Walks the arguments in order; `seen` holds the real paths already visited, across arguments. */
export function* policyFiles(targets: readonly string[]): Generator<Found> {
  const seen = new Set<string>();
  for (const target of targets) {
    // Standard input: the command reads it when its turn comes, once however often it is named,
    // as a file named twice is checked once (a second read would find it at its end).
    if (target === '-') {
      if (firstVisit(seen, target)) yield { file: target };
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(target);
    } catch (error) {
      // A path that does not exist may be a glob the shell left alone (quoted, or no match there).
      const glob = picomatch.scan(target);
      if (glob.isGlob) yield* globFiles(target, glob.base, glob.glob, seen);
      else yield { file: target, problem: isLink(target) ? `symbolic link to nothing usable: ${describeError(error)}` : describeError(error) };
      continue;
    }
    // A file named on the command line is read whatever its extension; reading says if it cannot be.
    const real = realPath(target);
    if (!firstVisit(seen, real)) continue;
    if (stat.isDirectory()) yield* walk(target, real, '', GitignoreRules.above(target), (_, name) => isPolicyPath(name), seen);
    else yield { file: target };
  }
}

/**
 * The files under `base` that `glob` matches, as a shell would expand it (no dot files). The walk
 * is the glob's own, so that a file an earlier argument named still counts as a match; each file
 * and problem is then yielded once across arguments.
 */
function* globFiles(target: string, base: string, glob: string, seen: Set<string>): Generator<Found> {
  const root = base || '.';
  const matches = picomatch(glob, { dot: false });
  let matched = false;
  if (fs.existsSync(root)) {
    const real = realPath(root);
    for (const f of walk(root, real, '', GitignoreRules.above(root), (relative) => matches(relative), new Set([real]))) {
      matched = true;
      if (firstVisit(seen, realPath(f.file))) yield base ? f : { ...f, file: f.file.replace(/^\.[/\\]/, '') };
    }
  }
  if (!matched) yield { file: target, problem: 'no file matches this pattern' };
}

/**
 * `realDir`: the real path of `dir`, so that an entry that is no symbolic link has its real path
 * without a system call of its own.
 */
function* walk(dir: string, realDir: string, relative: string, rules: GitignoreRules, select: Select, seen: Set<string>): Generator<Found> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    yield { file: dir, problem: `cannot list: ${describeError(error)}` };
    return;
  }
  const here = rules.enter(dir, entries);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const rel = relative ? `${relative}/${entry.name}` : entry.name;
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    let real = path.join(realDir, entry.name);
    if (entry.isSymbolicLink()) {
      real = realPath(full);
      try {
        const target = fs.statSync(full);
        isDirectory = target.isDirectory();
        isFile = target.isFile();
      } catch (error) {
        // A link to nothing may be a document moved away: say so, if it is one the walk would read.
        if (select(rel, entry.name) && !here.ignores(full, false) && firstVisit(seen, real)) yield { file: full, problem: `symbolic link to nothing usable: ${describeError(error)}` };
        continue;
      }
    }
    if (isDirectory) {
      if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.') && !SYSTEM_FOLDERS.has(real) && !here.ignores(full, true) && firstVisit(seen, real)) {
        yield* walk(full, real, rel, here, select, seen);
      }
    } else if (isFile && select(rel, entry.name) && !here.ignores(full, false) && firstVisit(seen, real)) {
      yield { file: full };
    }
  }
}

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Whether a real path is seen for the first time (and marks it seen). */
function firstVisit(seen: Set<string>, real: string): boolean {
  if (seen.has(real)) return false;
  seen.add(real);
  return true;
}

function realPath(file: string): string {
  try {
    // The native call is one system call; the JavaScript one stats every part of the path.
    return fs.realpathSync.native(file);
  } catch {
    return path.resolve(file);
  }
}
