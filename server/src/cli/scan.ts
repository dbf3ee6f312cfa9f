// `normref scan`: every reference of the documents, as `file:line:column kind text → resolved`
// lines or as one JSON array, a document at a time.
import { JsonArrayWriter } from './formats/json';
import { printableName } from './formats/report';
import { readInput } from './inputs';
import type { ConfigFiles } from '../config-files';
import type { CustomDataSets } from './custom-data';
import { EXIT, type Output } from './output';
import { policyFiles } from './policy-files';
import { summarize, type Resolution, type ResolvedSummary, type Settings } from '../service';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export interface JsonReference {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
  kind: string;
  id: string;
  resolved: ResolvedSummary | null;
}

/** `configs`: where a document's custom data is found (scan reads its configuration file for nothing else). */
export async function scan(targets: readonly string[], json: boolean, settings: Settings, customData: CustomDataSets, configs: ConfigFiles, output: Output): Promise<number> {
  let problems = 0;
  const unread = (file: string, problem: string) => {
    process.stderr.write(`normref: ${printableName(file)}: ${problem}\n`);
    problems++;
  };
  const array = json ? new JsonArrayWriter(output) : undefined;
  for (const found of policyFiles(targets)) {
    const input = 'problem' in found ? found : await readInput(found.file);
    if ('problem' in input) {
      unread(found.file, input.problem);
      continue;
    }
    const service = customData.serviceForFolder(configs, input.folder);
    const analysis = service.analyze(input.document, settings);
    if (analysis.skipped) {
      unread(found.file, `skipped: ${analysis.skipped}`);
      service.forget(input.document.uri);
      continue;
    }
    // Each reference is written as it is resolved: neither the references of a large document nor the output of a tree are held whole.
    const shown = printableName(input.name);
    for (const r of analysis.resolveEach()) {
      if (array) array.add(toJson(input.name, input.document, r));
      else output.write(`${toLine(shown, input.document, r)}\n`);
      await output.ready();
    }
    service.forget(input.document.uri);
    await output.drained();
  }
  array?.end();
  return problems ? EXIT.io : EXIT.ok;
}

function toJson(file: string, document: TextDocument, r: Resolution): JsonReference {
  return {
    file,
    range: { start: document.positionAt(r.reference.start), end: document.positionAt(r.reference.end) },
    text: r.reference.text,
    kind: r.reference.kind,
    id: r.id,
    resolved: summarize(r),
  };
}

function toLine(file: string, document: TextDocument, r: Resolution): string {
  const at = document.positionAt(r.reference.start);
  const resolved = summarize(r);
  const found = resolved ? `${resolved.reference} (${resolved.status})` : 'not in catalog';
  // A name may wrap across lines; the listing keeps one reference to a line.
  const text = r.reference.text.replace(/\s*[\r\n]\s*/g, ' ');
  return `${file}:${at.line + 1}:${at.character + 1}\t${r.reference.kind}\t${text}\t→ ${found}`;
}
