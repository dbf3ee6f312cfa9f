// The JSON Schema of a normref configuration file (.normrefrc.json, normref.config.json, --config),
// made from package.json's contributes.configuration, so that each setting, its type and its
// values are written once: `normref.diagnostics.withdrawn` there is `{"diagnostics": {"withdrawn":
// …}}` here. The build compiles it with ajv into dist/config-validate.js (standalone code), which
// the CLI loads only when it reads a configuration file: the bundle carries no schema compiler.
import * as fs from 'node:fs';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

/** The schema of the `normref` settings section written as nested objects. */
export function configSchema(packageJson) {
  const root = { type: 'object', additionalProperties: false, properties: { $schema: { type: 'string' } } };
  for (const [key, property] of Object.entries(packageJson.contributes.configuration.properties)) {
    const names = key.split('.').slice(1);
    let at = root;
    for (const name of names.slice(0, -1)) {
      at.properties[name] ??= { type: 'object', additionalProperties: false, properties: {} };
      at = at.properties[name];
    }
    at.properties[names.at(-1)] = valueSchema(property);
  }
  return root;
}

/** What a value may be: the parts of a VS Code setting that JSON Schema checks, without its prose. */
function valueSchema({ type, enum: values, items }) {
  return { type, ...(values ? { enum: values } : {}), ...(items ? { items: valueSchema(items) } : {}) };
}

export function writeConfigValidator(out = 'dist/config-validate.js') {
  const packageJson = JSON.parse(fs.readFileSync('package.json', 'utf8'));
  const ajv = new Ajv({ code: { source: true }, strict: true });
  const validate = ajv.compile(configSchema(packageJson));
  fs.writeFileSync(`${out}.tmp`, standaloneCode(ajv, validate));
  fs.renameSync(`${out}.tmp`, out);
}
