// The workspace of the file system, for Node: the policy files under some folders, found as
// `normref check` finds them (policy extensions, .gitignore, no node_modules or .git), read and
// decoded as the CLI reads them; `-` is standard input. The CLI's coverage report and the server's index (for clients
// that cannot list their workspace for it) use it; a file that cannot be read is reported once.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileUri, readInput, STDIN, STDIN_URI } from './cli/inputs';
import { policyFiles } from './cli/policy-files';
import { readText } from './cli/read-text';
import { languageOfPath, type PolicyDocument, type Workspace } from './service';

export class FileWorkspace implements Workspace {
  constructor(
    private readonly roots: readonly string[],
    /** Told of each file that could not be listed or read, with why. */
    private readonly onProblem: (file: string, problem: string) => void = () => {},
  ) {}

  async list(): Promise<string[]> {
    const uris: string[] = [];
    let slice = Date.now();
    for (const found of policyFiles(this.roots)) {
      if ('problem' in found) this.onProblem(found.file, found.problem);
      else uris.push(found.file === STDIN ? STDIN_URI : fileUri(path.resolve(found.file)));
      // A tree of many thousand files takes a while to walk: the server answers requests meanwhile.
      if (Date.now() - slice >= 8) {
        await new Promise((resolve) => setImmediate(resolve));
        slice = Date.now();
      }
    }
    return uris;
  }

  async read(uri: string): Promise<PolicyDocument | undefined> {
    if (uri === STDIN_URI) return this.standardInput();
    if (!uri.startsWith('file:')) return undefined;
    const file = fileURLToPath(uri);
    const read = readText(file);
    if ('problem' in read) {
      this.onProblem(file, read.problem);
      return undefined;
    }
    return TextDocument.create(uri, languageOfPath(file), 1, read.text);
  }

  private async standardInput(): Promise<PolicyDocument | undefined> {
    const input = await readInput(STDIN);
    if ('problem' in input) {
      this.onProblem(STDIN, input.problem);
      return undefined;
    }
    return input.document;
  }
}
