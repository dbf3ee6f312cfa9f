// normref.customData in the server: which files it names (paths relative to the first workspace
// folder, or absolute file URIs), reading them through the workspace (the client's, or the disk),
// handing them to the service, and publishing each file's problems as its diagnostics. They are
// read again when the setting or one of the files changes. In Restricted Mode nothing is read:
// custom data is the workspace's own, and the user has not trusted it; the server says so once.
import * as l10n from '@vscode/l10n';
import type { Connection } from 'vscode-languageserver';
import { customDataDiagnostics, MAX_CUSTOM_DATA_LENGTH, type NormrefService, type Workspace } from './service';

export class CustomDataFiles {
  /** The URIs the setting names, in its order (the first definition wins). */
  private uris: string[] = [];
  /** Files whose problems are published, to clear them when they are fixed or left out. */
  private readonly published = new Set<string>();
  private toldRestricted = false;

  constructor(
    private readonly connection: Connection,
    private readonly workspace: Workspace | undefined,
    private readonly folder: string | undefined,
    /** false in Restricted Mode (the client says so in initializationOptions.trusted). */
    private readonly trusted: boolean,
  ) {}

  /** Whether a changed file is one of the custom data files. */
  has(uri: string): boolean {
    return this.uris.includes(uri);
  }

  /**
   * Takes the setting's value; reads the files when it names others than before, or when `force`
   * (a file changed). Returns whether the service's data changed.
   */
  async update(service: NormrefService, setting: unknown, force = false): Promise<boolean> {
    const paths = Array.isArray(setting) ? setting.filter((p): p is string => typeof p === 'string' && p.trim() !== '') : [];
    if (paths.length && !this.trusted) {
      if (!this.toldRestricted) {
        this.toldRestricted = true;
        void this.connection.window.showInformationMessage(`normref: ${l10n.t('Restricted Mode: the custom data of normref.customData is not read until you trust this workspace; the bundled data is used.')}`);
      }
      return false;
    }
    const uris = paths.map((p) => this.uriOf(p)).filter((u): u is string => !!u);
    if (!force && uris.join('\n') === this.uris.join('\n')) return false;
    this.uris = uris;
    const files: Array<{ source: string; text: string }> = [];
    for (const uri of uris) {
      const text = await this.read(uri);
      if (text !== undefined) files.push({ source: uri, text });
    }
    const problems = service.setCustomData(files);
    for (const uri of this.published) if (!problems.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.published.clear();
    for (const [uri, list] of problems) {
      void this.connection.sendDiagnostics({ uri, diagnostics: customDataDiagnostics(list) });
      this.published.add(uri);
    }
    const count = [...problems.values()].filter((list) => !list.some((p) => p.severity === 'error')).length;
    this.connection.console.info(`normref: custom data: ${count} of ${uris.length} file(s) loaded`);
    return true;
  }

  private uriOf(path: string): string | undefined {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return path;
    if (path.startsWith('/')) return `file://${path.split('/').map(encodeURIComponent).join('/')}`;
    if (!this.folder) {
      this.connection.console.warn(`normref: normref.customData: ${path} is relative, and there is no workspace folder to read it from`);
      return undefined;
    }
    return `${this.folder.replace(/\/$/, '')}/${path.replace(/^\.\//, '').split('/').map(encodeURIComponent).join('/')}`;
  }

  private async read(uri: string): Promise<string | undefined> {
    const document = await this.workspace?.read(uri).catch(() => undefined);
    if (!document) {
      this.connection.console.warn(`normref: normref.customData: ${uri} could not be read`);
      return undefined;
    }
    const text = document.getText();
    // Oversize files are reported by the parser, at their first line, as a diagnostic.
    return text.length > MAX_CUSTOM_DATA_LENGTH * 4 ? text.slice(0, MAX_CUSTOM_DATA_LENGTH + 1) : text;
  }
}
