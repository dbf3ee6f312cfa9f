// Reads one file named to the CLI as text, as an editor would: only regular files (a FIFO or a
// device would block or never end), UTF-8 with or without a byte-order mark, UTF-16 LE or BE with
// one. The mark is not part of the text, so columns count from the first character.
import * as fs from 'node:fs';
import { MAX_DOCUMENT_LENGTH } from '../service/limits';

/** How a file's bytes spell its text: what `--fix` writes back with. */
export type Encoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';

/**
 * A file's text, or one line saying why it has none. `exact`: the bytes were valid in their
 * encoding, so writing the text back changes nothing but the edits (else a fix would replace
 * undecodable bytes with U+FFFD).
 */
export type ReadResult = { text: string; encoding: Encoding; exact: boolean; stat: fs.Stats } | { problem: string };

/** UTF-16 needs up to two bytes per code unit: a larger file is too large whatever it holds. */
const MAX_BYTES = MAX_DOCUMENT_LENGTH * 2;

export function readText(file: string): ReadResult {
  let fd: number;
  try {
    // Non-blocking, so that opening a named pipe returns at once, and fstat then says what it is.
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (error) {
    return { problem: describeError(error) };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { problem: `not a regular file (${kindOf(stat)})` };
    if (stat.size > MAX_BYTES) return { problem: `skipped: larger than ${MAX_BYTES / 1024 / 1024} MB` };
    try {
      // Node's native UTF-8 read, the common case, without a buffer in between; it puts U+FFFD
      // for what is not UTF-8, and a UTF-16 byte-order mark is not: those texts are read again as bytes.
      const text = fs.readFileSync(fd, 'utf8');
      if (!text.includes('\uFFFD')) return text.charCodeAt(0) === 0xfeff ? { text: text.slice(1), encoding: 'utf8-bom', exact: true, stat } : { text, encoding: 'utf8', exact: true, stat };
      return { ...decode(readBytes(fd, stat.size)), stat };
    } catch (error) {
      return { problem: `cannot read: ${describeError(error)}` };
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** The bytes of an open file from its start, whatever has been read of it; `size` is a first guess. */
function readBytes(fd: number, size: number): Buffer {
  const chunks: Buffer[] = [];
  for (let position = 0; ; ) {
    const chunk = Buffer.allocUnsafe(Math.max(size - position, 64 * 1024));
    const read = fs.readSync(fd, chunk, 0, chunk.length, position);
    if (read === 0) return Buffer.concat(chunks);
    chunks.push(chunk.subarray(0, read));
    position += read;
  }
}

/** Text from bytes: the byte-order mark says the encoding and is dropped; without one, UTF-8. */
export function decode(bytes: Uint8Array): { text: string; encoding: Encoding; exact: boolean } {
  const encoding = encodingOf(bytes);
  const body = encoding === 'utf8' ? bytes : encoding === 'utf8-bom' ? bytes.subarray(3) : encoding === 'utf16le' ? bytes.subarray(2) : swapBytes(bytes.subarray(2));
  const decoders = encoding.startsWith('utf8') ? UTF8 : UTF16LE;
  try {
    return { text: decoders.strict.decode(body), encoding, exact: true };
  } catch {
    return { text: decoders.lenient.decode(body), encoding, exact: false };
  }
}

/** The bytes of `text` in `encoding`, with its byte-order mark: the inverse of decode for exact texts. */
export function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  }
}

function encodingOf(bytes: Uint8Array): Encoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf8-bom';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf16be';
  return 'utf8';
}

const UTF8 = { strict: new TextDecoder('utf-8', { ignoreBOM: true, fatal: true }), lenient: new TextDecoder('utf-8', { ignoreBOM: true }) };
const UTF16LE = { strict: new TextDecoder('utf-16le', { ignoreBOM: true, fatal: true }), lenient: new TextDecoder('utf-16le', { ignoreBOM: true }) };

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
