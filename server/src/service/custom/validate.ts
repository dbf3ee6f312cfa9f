// Validates a custom data file against data/schema/custom-data.schema.json, the schema the YAML
// extension also validates it with, and says each error in words with the path of the value it is
// about. The schema refers to the bundled data's schemas by file name, as an editor resolves them
// beside it; ajv is given them under those names. Compiled on first use: most sessions have no
// custom data.
import * as l10n from '@vscode/l10n';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import customData from '../../../../data/schema/custom-data.schema.json';
import controlSet from '../../../../data/schema/control-set.schema.json';
import frameworks from '../../../../data/schema/frameworks.schema.json';
import summaries from '../../../../data/schema/summaries.schema.json';

export interface SchemaError {
  /** Keys and indexes from the document's root to the value. */
  path: Array<string | number>;
  /** The error is about this key of the object at `path` (an unknown or misspelt property). */
  key?: string;
  message: string;
}

let validate: ValidateFunction | undefined;

function compiled(): ValidateFunction {
  if (!validate) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    for (const [name, schema] of [['frameworks', frameworks], ['control-set', controlSet], ['summaries', summaries]] as const) {
      ajv.addSchema({ ...schema, $id: `${name}.schema.json` });
    }
    validate = ajv.compile(customData);
  }
  return validate;
}

export function schemaErrors(value: unknown): SchemaError[] {
  const check = compiled();
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
