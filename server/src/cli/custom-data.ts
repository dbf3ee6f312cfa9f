// Custom data on the command line: the files of --custom-data (relative to the working folder),
// then the `customData` of the configuration file that holds for a document (relative to that
// file's folder), each file once, the first definition winning as in the editor. A service is made
// for each distinct list of files when a document first needs it, and kept: documents under
// different configuration files share nothing but ISO's catalog, and alternating between them
// rebuilds nothing. A file's problems are said once each on standard error; a file with an error is
// left out (the bundled data and the other files are used), and the run ends with exit 2.
import * as path from 'node:path';
import { displayPath, type ConfigFile, type ConfigFiles } from '../config-files';
import { readText, type ReadResult } from './read-text';
import type { CustomDataProblem, NormrefService } from '../service';

export class CustomDataSets {
  private readonly services = new Map<string, NormrefService>();
  /** Each file is read once, whichever lists hold it. */
  private readonly reads = new Map<string, ReadResult>();
  /** The lines said, so that a file's problems are said once however many lists hold it. */
  private readonly said = new Set<string>();
  /** Whether a custom data file or a configuration file could not be used: the exit code is then 2. */
  failed = false;
  /** Called before a problem is said: a progress line on the same terminal clears itself. */
  beforeSay?: () => void;

  constructor(
    /** The files of --custom-data, as given. */
    private readonly flagged: readonly string[],
    /** A service with the bundled data alone; each call a new one. */
    private readonly create: () => NormrefService,
  ) {}

  /** The service for the documents under `config` (undefined or unusable: --custom-data alone). */
  serviceFor(config: ConfigFile | undefined): NormrefService {
    const files = this.filesFor(config);
    const key = files.join('\n');
    let service = this.services.get(key);
    if (!service) {
      service = this.create();
      if (files.length) this.load(service, files);
      this.services.set(key, service);
    }
    return service;
  }

  /**
   * For the commands that read a configuration file for its custom data alone (scan, lookup,
   * coverage): the configuration of `folder`; one that cannot be used is said, and not used.
   */
  serviceForFolder(configs: ConfigFiles, folder: string): NormrefService {
    const config = configs.forFolder(folder);
    if (config && 'problem' in config) this.problem(`normref: ${config.problem}\n`, 'error');
    return this.serviceFor(config);
  }

  private filesFor(config: ConfigFile | undefined): string[] {
    const configured = config && 'client' in config ? (config.client.customData ?? []).map((file) => path.resolve(path.dirname(config.file), file)) : [];
    return [...new Set([...this.flagged.map((file) => path.resolve(file)), ...configured])];
  }

  private load(service: NormrefService, files: readonly string[]): void {
    const listed = files.map((file) => {
      if (!this.reads.has(file)) this.reads.set(file, readText(file));
      return { source: displayPath(file), read: this.reads.get(file)! };
    });
    const problems = service.setCustomData(listed.flatMap(({ source, read }) => ('problem' in read ? [] : [{ source, text: read.text }])));
    // In the order the files are listed, as the first definition wins in that order.
    for (const { source, read } of listed) {
      // There is no line to point at in a file that cannot be read: the line names the file, as for a policy.
      if ('problem' in read) this.problem(`normref: ${source}: ${read.problem}\n`, 'error');
      for (const p of problems.get(source) ?? []) this.problem(problemLine(source, p), p.severity);
    }
  }

  private problem(line: string, severity: CustomDataProblem['severity']): void {
    if (severity === 'error') this.failed = true;
    if (this.said.has(line)) return;
    this.said.add(line);
    this.beforeSay?.();
    process.stderr.write(line);
  }
}

/** `normref: corp.yaml:4:5: message`, 1-based as the CLI's other positions; a warning says so. */
function problemLine(source: string, p: CustomDataProblem): string {
  const at = `${p.range.start.line + 1}:${p.range.start.character + 1}`;
  return `normref: ${source}:${at}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}\n`;
}
