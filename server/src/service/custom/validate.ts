// Validates a custom data file against data/schema/custom-data.schema.json, the schema the YAML
// extension also validates it with, and says each error in words with the path of the value it is
// about. The schema is compiled at build time (scripts/custom-data-validator.mjs): compiling it
// here would put ajv's compiler in every bundle and run `new Function`, which a strict Content
// Security Policy refuses in the web worker.
import * as l10n from '@vscode/l10n';
import type { ErrorObject } from 'ajv';
import { validate } from './schema-validate.generated';

export interface SchemaError {
  /** Keys and indexes from the document's root to the value. */
  path: Array<string | number>;
  /** The error is about this key of the object at `path` (an unknown or misspelt property). */
  key?: string;
  message: string;
}

/** The generated code is untyped: this is what ajv's standalone validators are. */
const check = validate as ((value: unknown) => boolean) & { errors?: ErrorObject[] | null };

export function schemaErrors(value: unknown): SchemaError[] {
  if (check(value)) return [];
  const errors = check.errors ?? [];
  // A bad property name also fails each branch of the anyOf that says what it may be: the
  // propertyNames error says it once, with the name.
  const badNames = new Set(errors.filter((e) => e.keyword === 'propertyNames').map((e) => e.instancePath));
  const found = new Map<string, SchemaError>();
  for (const e of errors) {
    if (badNames.has(e.instancePath) && e.keyword !== 'propertyNames') continue;
    const error = described(e);
    if (!error) continue;
    const key = `${error.path.join('/')}|${error.key ?? ''}`;
    if (!found.has(key)) found.set(key, error);
  }
  return [...found.values()];
}

function described(e: ErrorObject): SchemaError | undefined {
  const path = e.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const where = path.length ? `${path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '')}: ` : '';
  if (e.keyword === 'propertyNames') {
    const name = String(e.params.propertyName);
    return { path, key: name, message: `${where}${l10n.t('"{0}" is neither an undated designation ("ISO/IEC 27001") nor a framework key ("cobit")', name)}` };
  }
  if (path.length === 0 && (e.keyword === 'type' || e.keyword === 'minProperties')) {
    return { path, message: l10n.t('A custom data file is a YAML mapping with one or more of frameworks, controlSets, summaries, links and internal.') };
  }
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String(e.params.additionalProperty);
      return { path, key: name, message: `${where}${l10n.t('unknown property "{0}"', name)}` };
    }
    case 'required':
      return { path, message: `${where}${l10n.t('"{0}" is missing', String(e.params.missingProperty))}` };
    case 'enum':
      return { path, message: `${where}${l10n.t('must be one of {0}', (e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', '))}` };
    case 'if':
    case 'anyOf':
      // Their branches' errors say what is wrong.
      return undefined;
    default:
      return { path, message: `${where}${e.message ?? l10n.t('invalid')}` };
  }
}
