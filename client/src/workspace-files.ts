// The workspace as the server indexes it, listed and read by VS Code on the server's behalf (as
// VS Code's Markdown extension does for its server): VS Code knows files.exclude, remote and
// virtual file systems (github.dev) and the web, where the server has no disk.
import picomatch from 'picomatch';
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { LIST_FILES, READ_FILE } from '../../server/src/protocol';
import { MARKDOWN_EXTENSIONS, TEXT_EXTENSIONS } from '../../server/src/service/workspace/workspace';


/** The policy files by extension: the default of normref.files.include. */
export const POLICY_GLOB = `**/*.{${[...MARKDOWN_EXTENSIONS, ...TEXT_EXTENSIONS].map((e) => e.slice(1)).join(',')}}`;

/** Most files listed: a workspace larger than this is indexed in part, and the log says so. */
const MAX_FILES = 50_000;

function globs(): { include: string[]; exclude: string[] } {
  const config = vscode.workspace.getConfiguration('normref.files');
  return { include: config.get<string[]>('include', [POLICY_GLOB]), exclude: config.get<string[]>('exclude', ['**/node_modules/**', '**/.git/**']) };
}

/** Answers the server's requests to list and read the workspace. */
export function serveWorkspaceFiles(client: BaseLanguageClient): vscode.Disposable[] {
  return [
    client.onRequest(LIST_FILES, async () => {
      const { include, exclude } = globs();
      const excluded = picomatch(exclude, { dot: true });
      const found = new Map<string, vscode.Uri>();
      // findFiles applies files.exclude when no exclude is given; ours is applied after.
      for (const glob of include) for (const uri of await vscode.workspace.findFiles(glob, undefined, MAX_FILES)) found.set(uri.toString(), uri);
      return [...found.values()].filter((uri) => !excluded(vscode.workspace.asRelativePath(uri, false))).map((uri) => uri.toString());
    }),
    client.onRequest(READ_FILE, async (params: { uri: string }) => {
      try {
        return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(params.uri)));
      } catch {
        return null;
      }
    }),
  ];
}

/** File events for the server: a policy file created, changed or deleted outside the editor. */
export function policyFileWatcher(): vscode.FileSystemWatcher {
  return vscode.workspace.createFileSystemWatcher(POLICY_GLOB);
}
