#!/usr/bin/env node
// Imports control numbers and titles (ISO/IEC 27002, ISO/IEC 20000-1, COBIT 2019, ITIL 4, CMMI-SVC)
// from the source TSVs into data/controls/<key>.yaml, adding the one-line descriptions written by
// normref in data/controls/descriptions/<key>.yaml. Usage:
//   node scripts/import-controls.mjs [<tsv folder>] [--out <dir>] [--descriptions <dir>]
// Everything is read and checked before anything is written, so a bad row leaves the outputs untouched.
import fs from 'node:fs';
import path from 'node:path';
import { Document, isScalar, isSeq, parse, visit } from 'yaml';
import { InputError, failed, isMain, parseCommandLine, readArgs, repoRoot, shown, withoutBom, writeAtomically } from './lib/cli.mjs';

const USAGE = 'usage: npm run data:controls -- [<tsv folder>] [--out <dir>] [--descriptions <dir>]\n'
  + '  <tsv folder>     folder with the source TSVs; default: ../shared/data next to the repository\n'
  + '  --out            output folder; default: data/controls\n'
  + '  --descriptions   folder with <key>.yaml maps of id to description; default: data/controls/descriptions';
const MAX_DESCRIPTION = 140;

function parseArgs(argv) {
  const args = {
    source: path.resolve(repoRoot, '..', 'shared', 'data'),
    out: path.join(repoRoot, 'data', 'controls'),
    descriptions: path.join(repoRoot, 'data', 'controls', 'descriptions'),
  };
  readArgs(argv, args, { options: ['--out', '--descriptions'], value: 'folder name', positional: 'source', positionalName: 'source folder' });
  if (!fs.existsSync(args.source)) throw new InputError(`source folder not found: ${args.source}`);
  return args;
}

// ---- reading TSVs: every row is checked, and a problem names file:line ----

/**
 * Reads a TSV whose header must be exactly `columns`; returns rows as objects with their line number.
 * @param {string} folder @param {string} file @param {string[]} columns
 */
function readTsv(folder, file, columns) {
  const full = path.join(folder, file);
  if (!fs.existsSync(full)) throw new InputError(`${full}: file not found`);
  const name = shown(full);
  const lines = withoutBom(fs.readFileSync(full, 'utf8')).split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  const header = lines[0]?.split('\t') ?? [];
  if (header.join('\t') !== columns.join('\t')) {
    throw new InputError(`${name}:1: expected the columns ${columns.join(', ')}, found ${header.join(', ')}`);
  }
  const rows = [];
  lines.slice(1).forEach((line, index) => {
    const lineNo = index + 2;
    const cells = line.split('\t');
    if (cells.length !== columns.length) {
      throw new InputError(`${name}:${lineNo}: expected ${columns.length} tab-separated fields, found ${cells.length}`);
    }
    const row = { fail: (what) => { throw new InputError(`${name}:${lineNo}: ${what}`); } };
    columns.forEach((column, i) => { row[column] = cells[i].trim(); });
    rows.push(row);
  });
  if (!rows.length) throw new InputError(`${name}: no rows`);
  return rows;
}

/** Fails the row unless each named field is non-empty and matches its pattern (when given). */
function need(row, checks) {
  for (const [field, pattern] of Object.entries(checks)) {
    if (!row[field]) row.fail(`empty ${field}`);
    if (pattern && !pattern.test(row[field])) row.fail(`${field} "${row[field]}" does not match ${pattern}`);
  }
}

function unique(row, seen, id) {
  if (seen.has(id)) row.fail(`duplicate ${id}`);
  seen.add(id);
}

const slug = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

// ---- one builder per source; each returns a control set without descriptions ----

function iso27002of2022(folder) {
  const rows = readTsv(folder, 'iso27002-2022-controls.tsv', ['control', 'annex_a_id', 'theme_no', 'theme', 'title', 'new_in_2022']);
  const groups = new Map();
  const seen = new Set();
  const items = rows.map((row) => {
    need(row, { control: /^[5-8]\.\d{1,2}$/, annex_a_id: null, theme_no: /^[5-8]$/, theme: null, title: null });
    unique(row, seen, row.control);
    if (row.annex_a_id !== `A.${row.control}`) row.fail(`annex_a_id ${row.annex_a_id} is not A.${row.control}`);
    if (!row.control.startsWith(`${row.theme_no}.`)) row.fail(`control ${row.control} is not in theme ${row.theme_no}`);
    if (row.new_in_2022 !== '' && row.new_in_2022 !== 'yes') row.fail(`new_in_2022 must be empty or "yes", not "${row.new_in_2022}"`);
    const group = groups.get(row.theme_no);
    if (group && group.title !== row.theme) row.fail(`theme ${row.theme_no} is "${group.title}" on an earlier line`);
    if (!group) groups.set(row.theme_no, { id: row.theme_no, title: row.theme, kind: 'theme' });
    return { id: row.control, title: row.title, group: row.theme_no, ...(row.new_in_2022 === 'yes' ? { new: true } : {}) };
  });
  return {
    key: 'iso27002-2022', name: 'ISO/IEC 27002:2022 controls', document: 'ISO/IEC 27002', edition: '2022',
    annexA: 'ISO/IEC 27001:2022', kind: 'control', groups: [...groups.values()], items,
  };
}

function iso27002of2013(folder) {
  const rows = readTsv(folder, 'iso27002-2013-controls.tsv',
    ['level', 'number', 'annex_a_id', 'clause', 'clause_title', 'objective', 'objective_title', 'title']);
  const groups = [];
  const clauses = new Map();
  const objectives = new Map();
  const seen = new Set();
  const items = [];
  for (const row of rows) {
    need(row, { level: /^(clause|objective|control)$/, number: /^\d{1,2}(\.\d{1,2}){0,2}$/, annex_a_id: null,
      clause: /^\d{1,2}$/, clause_title: null, title: null });
    unique(row, seen, row.number);
    if (row.annex_a_id !== `A.${row.number}`) row.fail(`annex_a_id ${row.annex_a_id} is not A.${row.number}`);
    const depth = row.number.split('.').length;
    if (depth !== { clause: 1, objective: 2, control: 3 }[row.level]) row.fail(`a ${row.level} cannot be numbered ${row.number}`);
    if (!row.number.startsWith(`${row.clause}.`) && row.number !== row.clause) row.fail(`${row.number} is not in clause ${row.clause}`);
    if (row.level === 'clause') {
      if (row.title !== row.clause_title) row.fail(`title differs from clause_title`);
      clauses.set(row.number, row.title);
      groups.push({ id: row.number, title: row.title, kind: 'clause' });
      continue;
    }
    if (clauses.get(row.clause) !== row.clause_title) row.fail(`clause ${row.clause} "${row.clause_title}" is not defined above with that title`);
    need(row, { objective: /^\d{1,2}\.\d{1,2}$/, objective_title: null });
    if (row.level === 'objective') {
      if (row.objective !== row.number || row.title !== row.objective_title) row.fail('objective and objective_title must repeat number and title');
      objectives.set(row.number, row.title);
      continue;
    }
    if (!row.number.startsWith(`${row.objective}.`)) row.fail(`${row.number} is not in objective ${row.objective}`);
    if (objectives.get(row.objective) !== row.objective_title) row.fail(`objective ${row.objective} "${row.objective_title}" is not defined above with that title`);
    items.push({ id: row.number, title: row.title, group: row.objective });
  }
  // Document order: each clause followed by its objectives.
  const ordered = groups.flatMap((clause) => [clause, ...[...objectives]
    .filter(([id]) => id.startsWith(`${clause.id}.`))
    .map(([id, title]) => ({ id, title, kind: 'objective', parent: clause.id }))]);
  return {
    key: 'iso27002-2013', name: 'ISO/IEC 27002:2013 controls', document: 'ISO/IEC 27002', edition: '2013',
    annexA: 'ISO/IEC 27001:2013', kind: 'control', groups: ordered, items,
  };
}

function iso27002of2005(folder) {
  const rows = readTsv(folder, 'iso27002-2005-clauses.tsv', ['clause', 'title', 'security_categories', 'controls']);
  const seen = new Set();
  const items = rows.map((row) => {
    need(row, { clause: /^\d{1,2}$/, title: null, security_categories: /^\d+$/, controls: /^\d+$/ });
    unique(row, seen, row.clause);
    return { id: row.clause, title: row.title, categories: Number(row.security_categories), controls: Number(row.controls) };
  });
  return {
    key: 'iso27002-2005', name: 'ISO/IEC 27002:2005 control areas', document: 'ISO/IEC 27002', edition: '2005',
    kind: 'clause', groups: [], items,
  };
}

/** Clauses that a source file leaves out, written by normref as facts (numbers and titles), by source file name. */
const EXTRA_CLAUSES = path.join(repoRoot, 'data', 'controls', 'extra');

/** "9.2.1" before "10": clause numbers in their order in the standard. */
function byClause(a, b) {
  const x = a.clause.split('.').map(Number);
  const y = b.clause.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
  return 0;
}

/**
 * A management-system standard's clauses from a TSV of clause and title, with the clauses of
 * data/controls/extra/<file> where the source lists only some: each top-level clause a group too.
 */
function clausesOf(folder, file, set) {
  const extra = fs.existsSync(path.join(EXTRA_CLAUSES, file)) ? readTsv(EXTRA_CLAUSES, file, ['clause', 'title']) : [];
  const rows = [...readTsv(folder, file, ['clause', 'title']), ...extra].sort(byClause);
  const groups = [];
  const seen = new Set();
  const items = rows.map((row) => {
    need(row, { clause: /^\d{1,2}(\.\d{1,2}){0,2}$/, title: null });
    unique(row, seen, row.clause);
    const top = row.clause.split('.')[0];
    const parent = row.clause.split('.').slice(0, -1).join('.');
    if (row.clause === top) groups.push({ id: top, title: row.title, kind: 'clause' });
    else if (!seen.has(parent)) row.fail(`${row.clause} comes before its parent ${parent}`);
    return { id: row.clause, title: row.title, group: top };
  });
  return { ...set, kind: 'clause', groups, items };
}

function iso20000of2018(folder) {
  return clausesOf(folder, 'iso20000-1-2018-clauses.tsv', { key: 'iso20000-1-2018', name: 'ISO/IEC 20000-1:2018 clauses', document: 'ISO/IEC 20000-1', edition: '2018' });
}

function iso9001of2015(folder) {
  return clausesOf(folder, 'iso9001-2015-clauses.tsv', { key: 'iso9001-2015', name: 'ISO 9001:2015 clauses', document: 'ISO 9001', edition: '2015' });
}

function iso20000of2005(folder) {
  const rows = readTsv(folder, 'iso20000-1-2005-sections.tsv', ['section', 'title']);
  const seen = new Set();
  const items = rows.map((row) => {
    need(row, { section: /^\d{1,2}$/, title: null });
    unique(row, seen, row.section);
    return { id: row.section, title: row.title };
  });
  return {
    key: 'iso20000-1-2005', name: 'ISO/IEC 20000-1:2005 sections', document: 'ISO/IEC 20000-1', edition: '2005',
    kind: 'section', groups: [], items,
  };
}

function cobit2019(folder) {
  const rows = readTsv(folder, 'cobit2019-objectives.tsv', ['id', 'domain', 'domain_name', 'name']);
  const groups = new Map();
  const seen = new Set();
  const items = rows.map((row) => {
    need(row, { id: /^(EDM|APO|BAI|DSS|MEA)\d{2}$/, domain: /^(EDM|APO|BAI|DSS|MEA)$/, domain_name: null, name: null });
    unique(row, seen, row.id);
    if (!row.id.startsWith(row.domain)) row.fail(`${row.id} is not in domain ${row.domain}`);
    const group = groups.get(row.domain);
    if (group && group.title !== row.domain_name) row.fail(`domain ${row.domain} is "${group.title}" on an earlier line`);
    if (!group) groups.set(row.domain, { id: row.domain, title: row.domain_name, kind: 'domain' });
    return { id: row.id, title: row.name, group: row.domain };
  });
  return {
    key: 'cobit2019', name: 'COBIT 2019 governance and management objectives', document: 'cobit', edition: '2019',
    kind: 'objective', groups: [...groups.values()], items,
  };
}

// A renamed practice carries its earlier name as a note: 'Change enablement (originally "Change control")'.
const RENAMED = /^(.*?) \(originally "([^"]+)"\)$/;

function itil4(folder) {
  const rows = readTsv(folder, 'itil4-practices.tsv', ['id', 'category', 'name']);
  const groups = new Map();
  const seen = new Set();
  const items = rows.map((row) => {
    need(row, { id: /^ITIL4-[A-Z]+-\d{2}$/, category: / management$/, name: null });
    const [, name, formerName] = RENAMED.exec(row.name) ?? [null, row.name, null];
    unique(row, seen, name);
    const groupId = slug(row.category.replace(/ management$/, ''));
    if (!groups.has(groupId)) groups.set(groupId, { id: groupId, title: row.category, kind: 'category' });
    return { id: name, title: name, group: groupId, ...(formerName ? { aliases: [formerName] } : {}) };
  });
  return {
    key: 'itil4', name: 'ITIL 4 management practices', document: 'itil', edition: '4',
    kind: 'practice', groups: [...groups.values()], items,
  };
}

function cmmiSvc13(folder) {
  const rows = readTsv(folder, 'cmmi-svc-1.3-process-areas.tsv', ['acronym', 'name', 'maturity_level', 'category']);
  const categories = new Set();
  const seen = new Set();
  const items = rows.map((row) => {
    need(row, { acronym: /^[A-Z]{2,5}$/, name: null, maturity_level: /^[2-5]$/, category: null });
    unique(row, seen, row.acronym);
    categories.add(row.category);
    return { id: row.acronym, title: row.name, group: slug(row.category), level: Number(row.maturity_level) };
  });
  // The model presents its four categories alphabetically; the TSV lists process areas by level.
  const groups = [...categories].sort().map((title) => ({ id: slug(title), title, kind: 'category' }));
  return {
    key: 'cmmi-svc-1.3', name: 'CMMI for Services v1.3 process areas', document: 'cmmi-svc', edition: '1.3',
    kind: 'process-area', groups, items,
  };
}

/** Pairs each 2013 control with its 2022 control(s), checking ids and titles against both sets. */
function correspondence(folder, from, to) {
  const rows = readTsv(folder, 'iso27002-2013-to-2022.tsv', ['iso2013', 'title2013', 'iso2022', 'title2022']);
  const fromTitles = new Map(from.items.map((item) => [item.id, item.title]));
  const toTitles = new Map(to.items.map((item) => [item.id, item.title]));
  const pairs = new Map();
  for (const row of rows) {
    need(row, { iso2013: null, title2013: null, iso2022: null, title2022: null });
    if (fromTitles.get(row.iso2013) !== row.title2013) row.fail(`${row.iso2013} "${row.title2013}" is not a ${from.key} control`);
    if (toTitles.get(row.iso2022) !== row.title2022) row.fail(`${row.iso2022} "${row.title2022}" is not a ${to.key} control`);
    const targets = pairs.get(row.iso2013) ?? [];
    if (targets.includes(row.iso2022)) row.fail(`duplicate pair ${row.iso2013} → ${row.iso2022}`);
    pairs.set(row.iso2013, [...targets, row.iso2022]);
  }
  // Ordered as the 2013 controls are.
  const ordered = from.items.filter((item) => pairs.has(item.id)).map((item) => ({ from: item.id, to: pairs.get(item.id) }));
  return { from: from.key, to: to.key, pairs: ordered };
}

// ---- descriptions ----

function addDescriptions(set, folder) {
  const file = path.join(folder, `${set.key}.yaml`);
  const name = shown(file);
  if (!fs.existsSync(file)) throw new InputError(`${name}: file not found`);
  let descriptions;
  try {
    descriptions = parse(withoutBom(fs.readFileSync(file, 'utf8')));
  } catch (e) {
    throw new InputError(`${name}: ${e.message.split('\n')[0]}`);
  }
  if (!descriptions || typeof descriptions !== 'object' || Array.isArray(descriptions)) {
    throw new InputError(`${name}: expected a map of id to description`);
  }
  const ids = new Set(set.items.map((item) => item.id));
  const problems = Object.keys(descriptions).filter((id) => !ids.has(id)).map((id) => `${name}: ${id} is not an item of ${set.key}`);
  for (const item of set.items) {
    const text = descriptions[item.id];
    if (typeof text !== 'string' || !text.trim()) problems.push(`${name}: no description for ${item.id} (${item.title})`);
    else if (text.length > MAX_DESCRIPTION || text.includes('\n')) problems.push(`${name}: ${item.id}: description must be one line of at most ${MAX_DESCRIPTION} characters`);
    else item.description = text;
  }
  if (problems.length) throw new InputError(problems.join('\n'));
  return set;
}

// ---- output ----

function render(body, source) {
  const header = [`# Generated by scripts/import-controls.mjs from ${source}; do not edit.`,
    body.items ? `# Numbers and titles are facts of the source; descriptions come from descriptions/${body.key}.yaml.` : null]
    .filter(Boolean).map((line) => `${line}\n`).join('');
  const document = new Document(body);
  // Short lists of ids ("to", "aliases") read best on one line.
  visit(document, { Seq: (_, node) => { if (isSeq(node) && node.items.every(isScalar)) node.flow = true; } });
  return header + document.toString({ lineWidth: 0, flowCollectionPadding: false });
}

const SOURCES = {
  'iso27002-2022': ['iso27002-2022-controls.tsv', iso27002of2022],
  'iso27002-2013': ['iso27002-2013-controls.tsv', iso27002of2013],
  'iso27002-2005': ['iso27002-2005-clauses.tsv', iso27002of2005],
  'iso20000-1-2018': ['iso20000-1-2018-clauses.tsv', iso20000of2018],
  'iso20000-1-2005': ['iso20000-1-2005-sections.tsv', iso20000of2005],
  'iso9001-2015': ['iso9001-2015-clauses.tsv', iso9001of2015],
  cobit2019: ['cobit2019-objectives.tsv', cobit2019],
  itil4: ['itil4-practices.tsv', itil4],
  'cmmi-svc-1.3': ['cmmi-svc-1.3-process-areas.tsv', cmmiSvc13],
};

/** Builds every output file's text; throws InputError on the first bad row. */
export function buildControls(sourceFolder, descriptionsFolder) {
  const sets = Object.fromEntries(Object.entries(SOURCES)
    .map(([key, [, build]]) => [key, addDescriptions(build(sourceFolder), descriptionsFolder)]));
  const outputs = new Map(Object.entries(SOURCES).map(([key, [file]]) => [`${key}.yaml`, render(sets[key], file)]));
  const pairs = correspondence(sourceFolder, sets['iso27002-2013'], sets['iso27002-2022']);
  outputs.set('iso27002-2013-to-2022.yaml', render(pairs, 'iso27002-2013-to-2022.tsv'));
  return outputs;
}

function main(argv) {
  const args = parseCommandLine('import-controls', USAGE, parseArgs, argv);
  if (!args) return 2;
  let outputs;
  try {
    outputs = buildControls(args.source, args.descriptions);
  } catch (e) {
    return failed(e);
  }
  for (const [file, text] of outputs) writeAtomically(path.join(args.out, file), text);
  process.stdout.write(`import-controls: wrote ${[...outputs.keys()].join(', ')} to ${shown(args.out)}\n`);
  return 0;
}

if (isMain(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
