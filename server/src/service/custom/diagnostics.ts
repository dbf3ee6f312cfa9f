// A custom data file's problems as the LSP diagnostics of that file.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { CustomDataProblem } from './data';

export function customDataDiagnostics(problems: readonly CustomDataProblem[]): Diagnostic[] {
  return problems.map((p) => ({
    range: p.range,
    severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: 'normref',
    code: 'custom-data',
    message: p.message,
  }));
}
