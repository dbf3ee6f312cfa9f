// Reads one file named to the CLI as text, as an editor would: only regular files (a FIFO or a
// device would block or never end), UTF-8 with or without a byte-order mark, UTF-16 LE or BE with
// one. The mark is not part of the text, so columns count from the first character.
import * as fs from 'node:fs';
import { MAX_DOCUMENT_LENGTH } from '../service/limits';

/** A file's text, or one line saying why it has none. */
export type ReadResult = { text: string } | { problem: string };

/** UTF-16 needs up to two bytes per code unit: a larger file is too large whatever it holds. */
const MAX_BYTES = MAX_DOCUMENT_LENGTH * 2;

export function readText(file: string): ReadResult {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    return { problem: describeError(error) };
  }
  if (!stat.isFile()) return { problem: `not a regular file (${kindOf(stat)})` };
  if (stat.size > MAX_BYTES) return { problem: `skipped: larger than ${MAX_BYTES / 1024 / 1024} MB` };
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { problem: `cannot read: ${describeError(error)}` };
  }
  return { text: decode(bytes) };
}

/** Text from bytes: the byte-order mark says the encoding and is dropped; without one, UTF-8. */
export function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8.decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16le.decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16le.decode(swapBytes(bytes.subarray(2)));
  return utf8.decode(bytes);
}

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { ignoreBOM: true });

/** UTF-16 BE as LE: each pair of bytes swapped (an odd last byte is dropped, as a decoder would). */
function swapBytes(bytes: Uint8Array): Uint8Array {
  const swapped = new Uint8Array(bytes.length & ~1);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1];
    swapped[i + 1] = bytes[i];
  }
  return swapped;
}

function kindOf(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  if (stat.isDirectory()) return 'a folder';
  return 'not a file';
}

const MESSAGES: Record<string, string> = {
  ENOENT: 'no such file or folder',
  ELOOP: 'a loop of symbolic links',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a folder',
  ENAMETOOLONG: 'the name is too long',
  EISDIR: 'is a folder',
  EIO: 'input/output error',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
};

/** A file-system error as the user should read it: "permission denied", not an errno dump. */
export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code && MESSAGES[code]) return MESSAGES[code];
  return code ?? (error instanceof Error ? error.message : String(error));
}
