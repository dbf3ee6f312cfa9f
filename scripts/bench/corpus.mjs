// Deterministic generator of realistic policy prose in Markdown, for the benchmark: headings,
// paragraphs, lists, tables, fenced code, inline code, links, and references to standards and
// frameworks (with false friends: "ISO 400", "ISO image") at about one per 300–600 characters.

/** mulberry32: a small, fast, seeded PRNG. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REFERENCES = [
  'ISO/IEC 27001:2022', 'ISO/IEC 27002:2022', 'ISO 27002', 'ISO 27001', 'ISO/IEC 27001', 'ISO/IEC 27005:2022',
  'ISO/IEC 20000-1 and -2', 'ISO/IEC 27001, 27002 and 27005', 'ISO 22301:2019', 'ISO 31000', 'ISO 9001:2015',
  'ISO/IEC 27701:2019', 'ISO/IEC TS 27006-2', 'IEC 62443-3-3', 'ISO/IEC 27001:2022/Amd 1:2024', 'EN ISO/IEC 27001:2017',
  'ISO/IEC 27017', 'ISO/IEC 27018:2019', 'ISO/IEC 27035-1', 'ISO/IEC 20000-1:2018', 'ISO/IEC/IEEE 42010',
  'ISO Guide 73', 'ISO/IEC 17799:2005', 'BS 7799-2', 'ISO 14001', 'ISO/IEC 38500', 'ISO/IEC 42001:2023',
  'COBIT 2019', 'COBIT 5', 'ITIL 4', 'ITIL v3', 'CMMI-SVC', 'MOF 4.0', 'ISO/IEC 29100', 'ISO 27799',
];
const FALSE_FRIENDS = [
  'ISO 400', 'ISO image', 'ISO 800 film', 'the ISO file', 'ISO-certified suppliers', 'an ISO audit',
  'the IEC plug', 'ISOs', 'Run SAP workloads', 'ISO certification',
];
const SUBJECTS = [
  'The information security officer', 'Each asset owner', 'The service desk', 'Management', 'All staff',
  'The change advisory board', 'Every supplier', 'The risk committee', 'System administrators', 'Internal audit',
  'The data protection officer', 'Project managers', 'The IT operations team', 'Human resources',
];
const VERBS = [
  'shall review', 'must document', 'is responsible for maintaining', 'should assess', 'approves',
  'monitors', 'shall report on', 'maintains', 'records and tracks', 'evaluates at least annually',
];
const OBJECTS = [
  'the access control policy', 'the inventory of information assets', 'all security incidents',
  'the business continuity plans', 'supplier agreements and their security clauses', 'the risk treatment plan',
  'the statement of applicability', 'privileged access rights', 'backup and restore procedures',
  'the configuration baseline of production systems', 'logging and monitoring arrangements',
  'the classification of information', 'cryptographic key management', 'capacity and availability targets',
];
const CITING = [
  'in line with REF', 'as required by REF', 'following the guidance of REF', 'to remain consistent with REF',
  'so that the controls of REF are met', 'using the process described in REF', 'with reference to REF',
];
const PLAIN = [
  'and the results are kept for three years', 'with the support of the system owners', 'for every production system', 'before the end of each quarter', 'whenever a significant change occurs',
  'and escalates deviations to the CISO', 'taking legal and contractual requirements into account',
];
const HEADINGS = [
  'Purpose', 'Scope', 'Roles and responsibilities', 'Access control', 'Asset management', 'Incident management',
  'Business continuity', 'Supplier relationships', 'Change management', 'Cryptography', 'Logging and monitoring',
  'Compliance', 'Risk assessment', 'Physical security', 'Service level management', 'Review and approval',
];
const CODE = [
  ['```yaml', 'control: A.5.15', 'standard: ISO/IEC 27001:2022', 'owner: it-security', '```'],
  ['```sh', 'mount -o loop ubuntu.iso /mnt/iso', 'sha256sum ISO-27001-evidence.tar.gz', '```'],
  ['~~~json', '{ "framework": "COBIT 2019", "domain": "APO13" }', '~~~'],
];

export function createGenerator(seed = 42) {
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  let section = 0;

  // About one sentence in five cites something; with tables and links that makes one reference
  // per ~400 characters of Markdown, as in real policies.
  function sentence() {
    let tail;
    const r = random();
    if (r < 0.17) tail = pick(CITING).replace('REF', pick(REFERENCES));
    else if (r < 0.19) tail = pick(CITING).replace('REF', pick(FALSE_FRIENDS));
    else if (r < 0.21) tail = `${pick(PLAIN)}; see [${pick(REFERENCES)}](https://www.iso.org/standard/${27000 + Math.floor(random() * 999)}.html)`;
    else if (r < 0.23) tail = `${pick(PLAIN)}, not the \`${pick(REFERENCES)}\` sample`;
    else if (r < 0.25) tail = `${pick(PLAIN)}, whatever ${pick(FALSE_FRIENDS)} says`;
    else tail = pick(PLAIN);
    return `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${tail}.`;
  }

  function paragraph(lines) {
    const count = 2 + Math.floor(random() * 4);
    let line = '';
    for (let i = 0; i < count; i++) {
      const s = sentence();
      if (line.length + s.length > 100) {
        if (line) lines.push(line);
        line = s;
      } else line = line ? `${line} ${s}` : s;
    }
    if (line) lines.push(line);
  }

  /** Appends one block (heading, paragraph, list, table or code) to `lines`. */
  function block(lines) {
    const r = random();
    if (r < 0.08) {
      section++;
      lines.push(`## ${section}. ${pick(HEADINGS)}`, '');
    } else if (r < 0.55) {
      paragraph(lines);
      lines.push('');
    } else if (r < 0.75) {
      const n = 2 + Math.floor(random() * 5);
      for (let i = 0; i < n; i++) lines.push(`${random() < 0.5 ? '-' : `${i + 1}.`} ${sentence()}`);
      lines.push('');
    } else if (r < 0.88) {
      lines.push('| Control | Reference | Owner |', '| --- | --- | --- |');
      const n = 2 + Math.floor(random() * 4);
      for (let i = 0; i < n; i++) lines.push(`| ${pick(OBJECTS)} | ${random() < 0.3 ? pick(REFERENCES) : 'internal procedure'} | ${pick(SUBJECTS)} |`);
      lines.push('');
    } else if (r < 0.94) {
      lines.push(...pick(CODE), '');
    } else {
      lines.push(`> Note: ${sentence()}`, '');
    }
  }

  return { block, sentence, random, pick };
}

/** A Markdown corpus of at least `minChars` characters. */
export function corpus(minChars, seed = 42) {
  const g = createGenerator(seed);
  const chunks = ['# Information Security Management Policies', ''];
  let length = 0;
  while (length < minChars) {
    const lines = [];
    for (let i = 0; i < 200; i++) g.block(lines);
    const chunk = lines.join('\n') + '\n';
    chunks.push(chunk);
    length += chunk.length;
  }
  return chunks.join('\n');
}

/**
 * A Markdown policy of exactly `lineCount` lines. Every `completionEvery`-th line ends with a
 * completion prefix ("… ISO/IEC 2700"); their line numbers and prefixes are returned.
 */
export function policy(lineCount, seed = 7, completionEvery = 50) {
  const g = createGenerator(seed);
  const prefixes = ['ISO/IEC 2700', 'ISO/IEC 270', 'ISO 900', 'ISO/IEC 20000-', 'IEC 62443-3-', 'ISO/IEC 2', 'COBIT ', 'ISO '];
  const lines = ['# Information Security Policy', ''];
  const completions = [];
  let next = completionEvery;
  while (lines.length < lineCount) {
    g.block(lines);
    if (lines.length >= next) {
      const prefix = prefixes[completions.length % prefixes.length];
      lines.push(`${g.pick(SUBJECTS)} ${g.pick(VERBS)} ${g.pick(OBJECTS)} as required by ${prefix}`, '');
      completions.push({ line: lines.length - 2, prefix });
      next += completionEvery;
    }
  }
  lines.length = lineCount;
  return { text: lines.join('\n') + '\n', completions: completions.filter((c) => c.line < lineCount) };
}

const CONTROLS = ['A.5.15', 'A.8.2', 'A.9.2.3', 'Annex A 5.23', 'control 8.28', 'clause 6.1.2', 'APO13', 'DSS05.04'];

/**
 * A Markdown document of at least `minChars` characters that cites as densely as a Statement of
 * Applicability or a crosswalk: about one reference per 75 characters, standards, controls and
 * frameworks mixed, in lines, list items and table rows.
 */
export function densePolicy(minChars, seed = 11) {
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const lines = ['# Statement of Applicability and crosswalk', ''];
  let length = 0;
  while (length < minChars) {
    const r = random();
    const line =
      r < 0.4 ? `- ${pick(OBJECTS)}: ${pick(REFERENCES)} ${pick(CONTROLS)}, see ${pick(REFERENCES)}.`
        : r < 0.7 ? `| ${pick(CONTROLS)} | ${pick(OBJECTS)} | ${pick(REFERENCES)} | yes |`
          : `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} as required by ${pick(REFERENCES)} and ${pick(REFERENCES)}.`;
    lines.push(line);
    length += line.length + 1;
  }
  return `${lines.join('\n')}\n`;
}
