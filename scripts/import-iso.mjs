#!/usr/bin/env node
// Imports ISO Open Data's deliverables file (JSONL, optionally gzipped) into data/iso-deliverables.json,
// the compact table the catalog loads. Usage:
//   node scripts/import-iso.mjs <deliverables.jsonl[.gz]> [--committees <tsv>] [--out <file>]
// Node built-ins only, so it runs on the official daily download without installing anything.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { InputError, failed, isMain, parseCommandLine, readArgs, repoRoot, shown, withoutBom, writeAtomically } from './lib/cli.mjs';

const SOURCE = 'ISO Open Data (deliverables), licensed under ODC-By 1.0';
const FIELDS = ['isoId', 'reference', 'type', 'supplement', 'publishers', 'number', 'parts', 'year', 'title',
  'published', 'edition', 'stage', 'committee', 'replaces', 'replacedBy', 'titleFr'];
const USAGE = 'usage: npm run data:import -- <deliverables.jsonl[.gz]> [--committees <tsv>] [--out <file>]\n'
  + '  <deliverables>  ISO Open Data deliverables file, JSON Lines, gzipped or not\n'
  + '  --committees    committee titles (TSV with reference and title_en columns);\n'
  + '                  default: iso-committees.tsv next to the input, when present\n'
  + '  --out           output file; default: data/iso-deliverables.json';

// Organisations that appear in the publisher block of ISO references.
const PUBLISHERS = new Set(['ISO', 'IEC', 'IEEE', 'ASTM', 'ASME', 'HL7', 'UNDP', 'SAE', 'CIE', 'OIML', 'OECD']);
// Deliverable types written in the reference; ISP, R and DATA are legacy kinds filed as IS by ISO.
const TYPE_WORDS = new Set(['TR', 'TS', 'PAS', 'Guide', 'IWA', 'ISP', 'R', 'DATA', 'TTA']);
// Draft stages written in the reference; a draft type (DTR, DGuide) is a stage plus a type.
const STAGE_WORDS = new Set(['PWI', 'NP', 'AWI', 'WD', 'CD', 'DIS', 'FDIS', 'PRF']);
const DRAFT_TYPE = /^F?D(TR|TS|PAS|Guide|IWA)$/;
const SUPPLEMENT_TYPES = { Amd: 'Amd', Cor: 'Cor', Add: 'Add', Suppl: 'Suppl', Ext: 'Ext',
  DAM: 'Amd', PDAM: 'Amd', FDAM: 'Amd', DCOR: 'Cor', FDCOR: 'Cor', DCor: 'Cor', DAD: 'Add', FDAD: 'Add' };

// <prefix> <number>[-<parts>][.<draft iteration>][:<year>][/<supplement>...]
const HEAD = /^(?:([A-Za-z0-9/ ]*?)[ /])?(\d+)((?:-[0-9A-Z][0-9A-Za-z]*)*)(?:\.\d+)?(?::(\d{4}))?((?:\/.*)?)$/;
const SUPPLEMENT = /^(?:([A-Z]+) )?([A-Za-z]+)(?: ?(\d+))?(?:\.\d+)?(?::(\d{4}))?$/;

/**
 * Splits an ISO reference into its parts, or returns a string saying why it cannot.
 * @param {string} reference e.g. 'ISO/IEC TR 20000-4:2010', 'ISO/IEC 27002:2013/Cor 1:2014'
 */
export function parseReference(reference) {
  const head = HEAD.exec(reference);
  if (!head) return 'no document number';
  const [, prefix = '', number, partsText, yearText, rest] = head;
  const publishers = [];
  let typeWord = null;
  let afterPublishers = false;
  for (const token of prefix.split(/[ /]/).filter(Boolean)) {
    if (PUBLISHERS.has(token)) {
      if (afterPublishers) return `publisher ${token} after a type or stage`;
      publishers.push(token);
      continue;
    }
    afterPublishers = true;
    if (TYPE_WORDS.has(token)) {
      typeWord = token;
    } else if (DRAFT_TYPE.test(token)) {
      typeWord = DRAFT_TYPE.exec(token)[1];
    } else if (!STAGE_WORDS.has(token)) {
      return `unknown word "${token}" before the number`;
    }
  }
  let supplement = null;
  for (const text of rest.split('/').slice(1)) {
    const m = SUPPLEMENT.exec(text);
    if (!m || !SUPPLEMENT_TYPES[m[2]] || (m[1] && !STAGE_WORDS.has(m[1]))) return `unknown supplement "${text}"`;
    supplement = [SUPPLEMENT_TYPES[m[2]], m[3] ?? '', m[4] ? Number(m[4]) : null];
  }
  return {
    publishers: publishers.join('/'),
    typeWord,
    number,
    parts: partsText.slice(1),
    year: yearText ? Number(yearText) : null,
    supplement,
  };
}

function parseArgs(argv) {
  const args = { input: null, committees: null, out: path.join(repoRoot, 'data', 'iso-deliverables.json') };
  readArgs(argv, args, { options: ['--committees', '--out'], value: 'file name', positional: 'input', positionalName: 'input file' });
  if (!args.input) throw new InputError('no input file given');
  if (!fs.existsSync(args.input)) throw new InputError(`input file not found: ${args.input}`);
  if (args.committees === null) {
    const sibling = path.join(path.dirname(args.input), 'iso-committees.tsv');
    if (fs.existsSync(sibling)) args.committees = sibling;
  } else if (!fs.existsSync(args.committees)) {
    throw new InputError(`committees file not found: ${args.committees}`);
  }
  return args;
}

function isGzip(file) {
  const fd = fs.openSync(file, 'r');
  try {
    const magic = Buffer.alloc(2);
    return fs.readSync(fd, magic, 0, 2, 0) === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    fs.closeSync(fd);
  }
}

function openLines(file) {
  const raw = fs.createReadStream(file);
  const stream = file.endsWith('.gz') || isGzip(file) ? raw.pipe(zlib.createGunzip()) : raw;
  raw.on('error', (e) => stream.destroy(e));
  return readline.createInterface({ input: stream, crlfDelay: Infinity });
}

function readCommittees(file) {
  const titles = new Map();
  if (!file) return titles;
  const lines = withoutBom(fs.readFileSync(file, 'utf8')).split(/\r?\n/);
  const header = lines[0].split('\t');
  const refCol = Math.max(header.indexOf('reference'), 0);
  const titleCol = header.indexOf('title_en') >= 0 ? header.indexOf('title_en') : header.length - 1;
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const cols = line.split('\t');
    if (cols[refCol] && cols[titleCol]) titles.set(cols[refCol], cols[titleCol]);
  }
  return titles;
}

const idList = (value) => (Array.isArray(value) ? value : []);

/** A supplement is dated by its own year ("/Amd 1:2024"); the source gives most of them their base's date. */
function publishedOf(record, parsed) {
  const own = parsed.supplement?.[2];
  const given = record.publicationDate ?? null;
  return own && !(given ?? '').startsWith(String(own)) ? String(own) : given;
}

/** ISO's title in a language, with the separator the source writes "--" as the dash ISO prints. */
function titleOf(record, language = 'en') {
  return record.title?.[language]?.replace(/ -- /g, ' — ') ?? null;
}

/** The French title, for hovers in French; null where it is the English one, which the row holds already. */
function frenchTitleOf(record) {
  const fr = titleOf(record, 'fr');
  return fr && fr !== titleOf(record) ? fr : null;
}

function toRow(record, parsed) {
  return [
    record.id,
    record.reference,
    parsed.typeWord ?? record.deliverableType ?? 'IS',
    parsed.supplement,
    parsed.publishers,
    parsed.number,
    parsed.parts,
    parsed.year,
    titleOf(record),
    publishedOf(record, parsed),
    record.edition ?? null,
    record.currentStage ?? null,
    record.ownerCommittee ?? null,
    idList(record.replaces),
    idList(record.replacedBy),
    frenchTitleOf(record),
  ];
}

async function readDeliverables(file) {
  const name = shown(file);
  const rows = [];
  const unparsed = [];
  const seen = new Set();
  let lineNo = 0;
  for await (const raw of openLines(file)) {
    lineNo++;
    // A byte-order mark some editors write at the start is not part of the first record.
    const line = lineNo === 1 ? withoutBom(raw) : raw;
    if (!line.trim()) continue;
    let record;
    try {
      record = JSON.parse(line);
    } catch (e) {
      throw new InputError(`${name}:${lineNo}: malformed JSON: ${e.message}`);
    }
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      throw new InputError(`${name}:${lineNo}: expected a JSON object`);
    }
    if (!Number.isInteger(record.id)) throw new InputError(`${name}:${lineNo}: record has no integer "id"`);
    if (typeof record.reference !== 'string' || !record.reference) {
      throw new InputError(`${name}:${lineNo}: record ${record.id} has no "reference"`);
    }
    if (seen.has(record.id)) throw new InputError(`${name}:${lineNo}: duplicate id ${record.id}`);
    seen.add(record.id);
    const parsed = parseReference(record.reference);
    if (typeof parsed === 'string') unparsed.push(`${name}:${lineNo}: ${record.reference}: ${parsed}`);
    else rows.push(toRow(record, parsed));
  }
  if (unparsed.length) {
    throw new InputError(`${unparsed.join('\n')}\n${unparsed.length} reference(s) could not be parsed`);
  }
  // An empty download must not replace the catalog with an empty one.
  if (seen.size === 0) throw new InputError(`${name}: no records (the file is empty or blank); the catalog is left as it was`);
  return { rows, read: seen.size };
}

/** data/catalog-corrections.yaml, read without a YAML library: a list of "reference" and "by: [...]" pairs. */
function readCorrections(file = path.join(repoRoot, 'data', 'catalog-corrections.yaml')) {
  if (!fs.existsSync(file)) return [];
  const corrections = [];
  for (const line of withoutBom(fs.readFileSync(file, 'utf8')).split(/\r?\n/)) {
    const reference = /^\s*- reference: (.+?)\s*$/.exec(line);
    const by = /^\s*by: \[(.+)\]\s*$/.exec(line);
    if (reference) corrections.push({ reference: reference[1], by: [] });
    else if (by && corrections.length) corrections.at(-1).by = by[1].split(',').map((x) => x.trim());
  }
  return corrections;
}

/** Adds the replacements the source leaves out, both ways, where both documents are in the input. */
function applyCorrections(rows, corrections) {
  const byReference = new Map(rows.map((row) => [row[1], row]));
  for (const { reference, by } of corrections) {
    const old = byReference.get(reference);
    for (const next of by.map((later) => byReference.get(later))) {
      if (!old || !next) continue;
      if (!old[14].includes(next[0])) old[14].push(next[0]);
      if (!next[13].includes(old[0])) next[13].push(old[0]);
    }
  }
}

function render(input, rows, committeeTitles) {
  const owned = [...new Set(rows.map((row) => row[12]).filter(Boolean))].sort();
  const committees = owned.filter((c) => committeeTitles.has(c))
    .map((c) => `    ${JSON.stringify(c)}: ${JSON.stringify(committeeTitles.get(c))}`);
  return [
    '{',
    `  "source": ${JSON.stringify(SOURCE)},`,
    `  "generatedFrom": ${JSON.stringify(path.basename(input))},`,
    `  "records": ${rows.length},`,
    committees.length ? `  "committees": {\n${committees.join(',\n')}\n  },` : '  "committees": {},',
    `  "fields": ${JSON.stringify(FIELDS)},`,
    '  "deliverables": [',
    rows.map((row) => `    ${JSON.stringify(row)}`).join(',\n'),
    '  ]',
    '}',
    '',
  ].join('\n');
}

async function main(argv) {
  const args = parseCommandLine('import-iso', USAGE, parseArgs, argv);
  if (!args) return 2;
  try {
    const { rows, read } = await readDeliverables(args.input);
    rows.sort((a, b) => a[0] - b[0]);
    applyCorrections(rows, readCorrections());
    writeAtomically(args.out, render(args.input, rows, readCommittees(args.committees)));
    process.stdout.write(`import-iso: read ${read} records, wrote ${rows.length} deliverables to ${shown(args.out)}\n`);
    return 0;
  } catch (e) {
    return failed(e, (error) => `${args.input}: ${error.message}`);
  }
}

if (isMain(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
