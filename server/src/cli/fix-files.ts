// Writing fixed text back, for `normref check --fix`: atomically (a temporary file in the same
// folder, then a rename, so a reader or a crash sees the old file or the new one, never half of
// one), in the file's own encoding, byte-order mark, line ends and mode. `--dry-run` makes a
// unified diff instead, which `git apply` and `patch -p1` take.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { describeError, encode, type Encoding } from './read-text';

let temporaries = 0;

/** Replaces `file` with `text`; returns why it did not, if it did not. */
export function writeFixed(file: string, text: string, encoding: Encoding, read: fs.Stats): string | undefined {
  let real: string;
  try {
    // The target of a symbolic link is fixed, and the link stays a link.
    real = fs.realpathSync.native(file);
  } catch (error) {
    return `not fixed: ${describeError(error)}`;
  }
  // The rename would go around a file's own permissions: a read-only file stays as it is, as an editor leaves it.
  if (isReadOnly(real, read)) return 'not fixed: the file is read-only';
  // A file with other hard links would lose them to the rename: the others would keep the old text.
  if (read.nlink > 1) return 'not fixed: the file has other hard links, which a fix would leave unfixed';
  const temporary = path.join(path.dirname(real), `.${path.basename(real)}.normref-${process.pid}-${temporaries++}.tmp`);
  try {
    const fd = fs.openSync(temporary, 'wx', read.mode & 0o777);
    try {
      fs.writeSync(fd, encode(text, encoding));
      fs.fchmodSync(fd, read.mode & 0o7777);
      if (process.getuid?.() === 0) fs.fchownSync(fd, read.uid, read.gid);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    // Someone saved the file while it was being checked: their text wins.
    const now = fs.statSync(real);
    if (now.mtimeMs !== read.mtimeMs || now.size !== read.size) {
      fs.unlinkSync(temporary);
      return 'not fixed: the file changed while it was being checked';
    }
    fs.renameSync(temporary, real);
    return undefined;
  } catch (error) {
    try {
      fs.unlinkSync(temporary);
    } catch {
      // Never created, or already renamed.
    }
    return `not fixed: cannot write: ${describeError(error)}`;
  }
}

/** Read-only to this user, or to everyone by its mode (which root's access check would not tell). */
function isReadOnly(file: string, stat: fs.Stats): boolean {
  if ((stat.mode & 0o222) === 0) return true;
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/**
 * The fixed text with the original's line ends: fixes replace references inside lines, but a
 * fix text holding a line end must not bring LF into a CRLF file.
 */
export function keepLineEnds(original: string, fixed: string): string {
  if (!fixed.includes('\n') || !original.includes('\r\n') || /(^|[^\r])\n/.test(original)) return fixed;
  return fixed.replace(/\r?\n/g, '\r\n');
}

/** A unified diff of one file, `a/` and `b/` prefixed as git writes them. */
export function unifiedDiff(name: string, before: string, after: string): string {
  const shown = name.split(path.sep).join('/');
  return createTwoFilesPatch(`a/${shown}`, `b/${shown}`, before, after, undefined, undefined, { context: 3 }).replace(/^=+\n/, '');
}
