// `--format text`: `file:line:column severity code message` per finding (1-based, as editors and
// terminals link them), then one summary line. Colour only on a terminal, as NO_COLOR and
// FORCE_COLOR say (https://no-color.org, https://force-color.org).
import type { Severity } from '../../service';
import type { Output } from '../output';
import { oneLine, printableName, type CheckedFile, type Reporter, type Summary } from './report';

const SGR = { red: 31, yellow: 33, blue: 34, gray: 90, bold: 1, dim: 2 } as const;
const SEVERITY_COLOUR: Record<Severity, keyof typeof SGR> = { error: 'red', warning: 'yellow', information: 'blue', hint: 'gray' };

/** Whether to write colour to `stream`: FORCE_COLOR wins, then NO_COLOR, then whether it is a terminal. */
export function useColour(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR) return false;
  return !!stream.isTTY && env.TERM !== 'dumb';
}

export class TextReporter implements Reporter {
  constructor(
    private readonly output: Output,
    private readonly colour: boolean,
  ) {}

  private paint(colour: keyof typeof SGR, text: string): string {
    return this.colour ? `\x1b[${SGR[colour]}m${text}\x1b[0m` : text;
  }

  async file({ name, document, findings }: CheckedFile): Promise<void> {
    const shown = printableName(name);
    for (const f of findings) {
      const at = document.positionAt(f.start);
      const place = this.paint('bold', `${shown}:${at.line + 1}:${at.character + 1}`);
      this.output.write(`${place} ${this.paint(SEVERITY_COLOUR[f.severity], f.severity)} ${this.paint('dim', f.code)} ${oneLine(f.message)}\n`);
      await this.output.ready();
    }
  }

  end(summary: Summary): void {
    this.output.write(`${summaryLine(summary)}\n`);
  }
}

/** "3 problems (1 error, 2 warnings) in 2 of 5 files; 2 can be fixed with --fix", "No problems in 5 files; 1 file could not be fixed". */
export function summaryLine({ files, filesWithFindings, counts, fixable, problems }: Summary): string {
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const ofFiles = plural(files, 'file');
  // A file checked but not fixed is among the files checked: it is not also one that could not be.
  const unfixed = problems.filter((p) => p.checked).length;
  const unchecked = problems.length - unfixed;
  const unread = `${unchecked ? `; ${plural(unchecked, 'file')} could not be checked` : ''}${unfixed ? `; ${plural(unfixed, 'file')} could not be fixed` : ''}`;
  if (total === 0) return `No problems in ${ofFiles}${unread}`;
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), `${counts.information.toLocaleString('en')} information`, plural(counts.hint, 'hint')];
  const nonZero = parts.filter((p) => !p.startsWith('0 '));
  const fixes = fixable ? `; ${fixable.toLocaleString('en')} can be fixed with --fix` : '';
  return `${plural(total, 'problem')} (${nonZero.join(', ')}) in ${filesWithFindings.toLocaleString('en')} of ${ofFiles}${fixes}${unread}`;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}
