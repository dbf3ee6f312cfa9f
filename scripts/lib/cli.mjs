// What the data import scripts (import-iso.mjs, import-controls.mjs) share: the command line (path options,
// one positional argument, usage on exit code 2), errors in the input (exit code 1, no stack trace) and
// writing outputs atomically. Node built-ins only: import-iso.mjs must run without installing anything.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A problem with the command line or the input: reported as its message alone, not as a crash. */
export class InputError extends Error {}

/** file relative to the working directory, for messages. */
export function shown(file) {
  return path.relative(process.cwd(), file) || file;
}

/**
 * Reads argv into args: each of `options` ('--out', …) takes a path, stored resolved under its name
 * without dashes; the one positional argument is stored resolved under `positional`. Throws InputError
 * for -h/--help (empty message), an unknown option, a missing option value or a second positional.
 * @param {string[]} argv @param {Record<string, string | null>} args
 * @param {{ options: string[], value: string, positional: string, positionalName: string }} spec
 *   value names what an option takes ('folder name'), positionalName what the positional is ('input file')
 */
export function readArgs(argv, args, { options, value, positional, positionalName }) {
  let positionalGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (options.includes(arg)) {
      const given = argv[++i];
      if (!given) throw new InputError(`${arg} needs a ${value}`);
      args[arg.slice(2)] = path.resolve(given);
    } else if (arg === '-h' || arg === '--help') {
      throw new InputError('');
    } else if (arg.startsWith('-')) {
      throw new InputError(`unknown option ${arg}`);
    } else if (positionalGiven) {
      throw new InputError(`more than one ${positionalName}: ${args[positional]}, ${arg}`);
    } else {
      args[positional] = path.resolve(arg);
      positionalGiven = true;
    }
  }
  return args;
}

/**
 * Returns parse(argv), or undefined after writing the InputError it threw (prefixed with tool) and the
 * usage to stderr: the caller then exits with code 2.
 */
export function parseCommandLine(tool, usage, parse, argv) {
  try {
    return parse(argv);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    process.stderr.write(`${e.message ? `${tool}: ${e.message}\n` : ''}${usage}\n`);
    return undefined;
  }
}

/**
 * Writes an InputError's message to stderr and returns the exit code 1. Any other error is rethrown,
 * or, given describe, written to stderr as describe(error) with the exit code 1 as well.
 */
export function failed(e, describe) {
  if (!(e instanceof InputError) && !describe) throw e;
  process.stderr.write(`${e instanceof InputError ? e.message : describe(e)}\n`);
  return 1;
}

/** The text without the byte-order mark an editor may have put at its start. */
export function withoutBom(text) {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Writes text to file through a temporary file in the same folder, so that file is never half written. */
export function writeAtomically(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temp, text);
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
}

/** Whether the module at moduleUrl (its import.meta.url) is the script node was started with. */
export function isMain(moduleUrl) {
  return Boolean(process.argv[1]) && path.resolve(process.argv[1]) === fileURLToPath(moduleUrl);
}
