// Helpers of the diagnostics tests: documents with a fresh uri each (the service caches an
// analysis per uri), settings that must be valid, findings as [code, text written] pairs, and a
// finding in the format of test/fixtures/diagnostics/*.expected.json.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { settingsFrom, type ClientSettings, type Finding, type Settings } from '../../server/src/service';
import { bundledService } from './catalog';

export const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/diagnostics');

let count = 0;
export function documentOf(text: string, languageId: 'markdown' | 'plaintext' = 'markdown'): TextDocument {
  count++;
  return TextDocument.create(`file:///diagnostics/${count}.${languageId === 'markdown' ? 'md' : 'txt'}`, languageId, 1, text);
}

/** The settings a client section means; the section must have no problem. */
export function settingsOf(client: ClientSettings = {}, asOf?: string): Settings {
  const { settings, problems } = settingsFrom(client, asOf);
  assert.deepEqual(problems, []);
  return settings;
}

/** [code, text the finding covers] of every finding of a text. */
export function found(text: string, client: ClientSettings = {}, languageId: 'markdown' | 'plaintext' = 'markdown', asOf?: string): Array<[string, string]> {
  const document = documentOf(text, languageId);
  const findings = bundledService().findings(document, settingsOf(client, asOf));
  bundledService().forget(document.uri);
  return findings.map((f) => [f.code, text.slice(f.start, f.end)]);
}

/** The codes found on the reference `needle` (its first occurrence). */
export function codesAt(text: string, needle: string, client: ClientSettings = {}, languageId: 'markdown' | 'plaintext' = 'markdown', asOf?: string): string[] {
  return found(text, client, languageId, asOf)
    .filter(([, written]) => written === needle)
    .map(([code]) => code);
}

export interface Expected {
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  severity: string;
  code: string;
  /** The text the finding covers, for the reader of the file (and checked). */
  text: string;
  message: string;
  related?: Array<{ line: number; character: number; endLine: number; endCharacter: number; message: string }>;
  /** Titles of the fixes, "(safe)" after those that fix all applies. */
  fixes?: string[];
}

export function asExpected(document: TextDocument, f: Finding): Expected {
  const span = (x: { start: number; end: number }) => {
    const start = document.positionAt(x.start);
    const end = document.positionAt(x.end);
    return { line: start.line, character: start.character, endLine: end.line, endCharacter: end.character };
  };
  return {
    ...span(f),
    severity: f.severity,
    code: f.code,
    text: document.getText().slice(f.start, f.end),
    message: f.message,
    ...(f.related.length ? { related: f.related.map((r) => ({ ...span(r), message: r.message })) } : {}),
    ...(f.fixes.length ? { fixes: f.fixes.map((x) => `${x.title}${x.safe ? ' (safe)' : ''}`) } : {}),
  };
}
