// Inputs for the fuzz suite, built from what policy documents are made of: reference fragments
// in every form normref reads, the Markdown structure around them (front matter, fences, tables,
// lists, comments, links), awkward Unicode, and the pieces of inputs that once made normref hang
// or crash, repeated.
import fc from 'fast-check';

/** References and near misses, as people write them. */
export const FRAGMENTS = [
  'ISO/IEC 27001:2022', 'ISO 27001', 'ISO27001', 'ISO-IEC 27001', 'ISO/IEC 27002:2013', 'ISO/IEC 17799:2005',
  'ISO/IEC 20000-1:2018', 'ISO/IEC 20000-1 and -2', 'ISO/IEC 27001, 27002 and 27005', 'ISO 27001/27002',
  'ISO/IEC 27001:2022/Amd 1:2024', 'ISO/IEC 27002:2013/Cor 1:2014', 'EN ISO/IEC 27001:2017', 'BS 7799-2',
  'ISO 9001-2015', 'ISO 9001 (2015)', 'ISO/IEC TR 20000-4', 'ISO/IEC DIS 27001', 'ISO27k', 'ISO/IEC 27000 series',
  'IEC 62443-3-3', 'ISO/IEC/IEEE 42010', 'ISO Guide 73', 'IWA 4', 'FprISO 10993-1', 'ISO 400', 'ISO image',
  'A.5.15', 'A 9.2.3', 'Annex A 8.2', 'Annex A.12.6.1', 'control 5.15', 'controls 5.15–5.18', 'A.5.1, A.5.2 and A.5.3',
  'clause 6.1.2', 'clause 6.1.2 of ISO/IEC 27001', '§ 8.6.1', '27002:2022 8.28', '27001 9.2', 'ISO/IEC 27002 5.15',
  'COBIT 2019', 'COBIT 5', 'APO13', 'DSS05.04', 'ITIL 4', 'ITIL v3', 'ITIL 4 incident management',
  'ITIL 4 practices: Incident management, Problem management and Change enablement', 'CMMI-SVC', 'CMMI-SVC IRP',
  'Incident Resolution and Prevention', 'MOF 4.0', 'Microsoft Operations Framework', 'Run SAP Like a Factory',
  'Access control', 'A.9 Access control', 'Organizational controls', 'Supplier relationships', '5.15', '9.2.3',
  // Ids of the custom data fixture (test/fixtures/custom-data) and of its costliest allowed pattern, and near misses.
  'POL-AC-01', 'POL-XY-99', 'POL-AC-012', 'XPOL-AC-01', 'NEN 7510-2:2017', 'TISAX 6', 'AAAAAAAAAAAAAAAAAAA-1', 'AAAAAAAAAAAAAAAAAAA',
];

/** Pieces of inputs that were once pathological, and the structure characters around references. */
export const ATOMS = [
  'ISO/', '-IEC', ' /IEC', '/IEC', 'ISO', 'IEC', ', 27002', ' and ', ', A.5.2', ', Problem management', '|', '| ', ' |',
  '---', '|---', ':-:', '```', '~~~', '<!--', '-->', '`', '``', '](', '[', ']', ')', '(', '<', '>', ': ', '\n', '\n\n',
  '\r\n', '\r', '    ', '\t', '# ', '## ', '- ', '* ', '1. ', '> ', 'normref:', '  edition: 2013', 'edition: 2022',
  '<!-- normref edition: 2013 -->', '<!-- normref-disable-next-line withdrawm -->', '<!-- normref as-of: 2021-13 -->', ' # normref-disabel ', '---\n', '+++\n', '...\n', 'https://www.iso.org/standard/27001', 'www.', '-2015',
  '/Amd 1', ':2022', ' DTR', 'Annex', 'A.', 'control ', 'clause ', ' of ', 'the ', '§', 'x', ' ', 'POL-', 'NEN 7510', '-1',
];

/** Characters that break naive text handling. */
const ODD_CHARS = [
  '\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\u0301', '\u00A0', '\u202F', '\u2010', '\u2011', '\u2013', '\u2014',
  '\uFEFF', '\u200B', '\u202E', '\u2028', '\u2029', '😀', 'ü', 'ß', 'Ⅸ', '٣', '\u000B', '\u000C', '\u0085',
];

const oddString = fc.string({ unit: fc.constantFrom(...ODD_CHARS), maxLength: 6 });
const anyString = fc.string({ unit: 'binary', maxLength: 12 });

/** One piece of inline text. */
const piece = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 5, arbitrary: fc.constantFrom(...ATOMS) },
  { weight: 2, arbitrary: oddString },
  { weight: 1, arbitrary: anyString },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 99999 }).map(String) },
);

/** A run of inline pieces; sometimes one piece repeated many times, as the hostile inputs were. */
export const inline = fc.oneof(
  { weight: 4, arbitrary: fc.array(piece, { maxLength: 24 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.tuple(piece, fc.integer({ min: 2, max: 400 })).map(([p, n]) => p.repeat(n)) },
);

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

/** Markdown blocks around the inline text. */
const block = fc.oneof(
  inline,
  inline.map((t) => `# ${t}`),
  fc.array(inline, { minLength: 1, maxLength: 5 }).map((items) => items.map((i) => `- ${i}`).join('\n')),
  fc.array(inline, { minLength: 1, maxLength: 5 }).map((items) => items.map((i, n) => `${n + 1}. ${i}`).join('\n')),
  fc.tuple(fc.array(inline, { minLength: 1, maxLength: 4 }), fc.array(fc.array(inline, { maxLength: 4 }), { maxLength: 6 })).map(
    ([header, rows]) => [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n'),
  ),
  fc.tuple(fc.constantFrom('```', '~~~', '````'), inline, fc.boolean()).map(([fence, body, closed]) => `${fence}\n${body}${closed ? `\n${fence}` : ''}`),
  inline.map((t) => `<!-- ${t} -->`),
  inline.map((t) => `    ${t}`),
  inline.map((t) => `> ${t}`),
  fc.tuple(inline, inline).map(([label, target]) => `[${label}](${target})`),
);

const frontMatter = fc.oneof(
  fc.constant(''),
  fc.constantFrom('2005', '2013', '2022', 'x').map((e) => `---\nnormref: { edition: ${e} }\n---\n`),
  fc.tuple(fc.constantFrom('2013', '2022'), fc.integer({ min: 0, max: 30 })).map(([e, n]) => `---\nnormref:\n${'    x\n'.repeat(n)}  edition: ${e}\n---\n`),
  inline.map((t) => `---\n${t}\n---\n`),
  inline.map((t) => `---\n${t}`),
);

/** A policy document: optional front matter, then blocks separated by line breaks of any kind. */
export const policyText = fc
  .tuple(frontMatter, fc.array(block, { maxLength: 12 }), fc.constantFrom('\n', '\n\n', '\r\n', '\r'))
  .map(([front, blocks, eol]) => front + blocks.join('\n\n').replace(/\n/g, eol));

/** A document and a language to read it in. */
export const policyDocument = fc.record({ text: policyText, format: fc.constantFrom('markdown' as const, 'plaintext' as const) });

/** An edit to a text of some length: a range and the text put there. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

export const edits = fc.array(
  fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 0, max: 40 }), text: fc.oneof(piece, fc.constant(''), block) }),
  { minLength: 1, maxLength: 30 },
);

/**
 * What an edit at a block's edge puts there: blank lines that cut a block or join two, fences
 * and comments that open or close, front matter, table rows, headings that date a section, and
 * citations that change what the blocks after them read with.
 */
const BOUNDARY_TEXTS = [
  '', '\n', '\n\n', '\n \t\n', '\r\n\r\n', '\r', '```\n', '\n```\n', '~~~', '<!--', '-->', '<!-- x -->\n\n', '---\n', '---\nnormref: { edition: 2013 }\n---\n',
  '| Control | ISO/IEC 27002:2013 |\n| --- | --- |\n', '| 5.15 | 9.1.1 |\n', '| REQM | PP |\n', '# ISO/IEC 27001:2013\n\n', '## Annex A (2022)\n', '    ',
  '- ', '1. ', 'ISO/IEC 27001:2022\n\n', 'ISO 27002\n\n', 'ITIL 4\n\n', 'CMMI-SVC\n\n', 'COBIT 2019\n\n', 'ISO/IEC 20000-1\n\n', 'control 5.15\n\n',
  'Incident management\n', 'Organizational controls\n', 'Incident Resolution and Prevention\n', '#### 6.1.2 Segregation of duties\n', 'Run SAP ',
];

/** Edits at and across block edges, mixed with edits of any kind. */
export const boundaryEdits = fc.array(
  fc.oneof(
    fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 0, max: 3 }), text: fc.constantFrom(...BOUNDARY_TEXTS) }),
    fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 0, max: 40 }), text: fc.oneof(piece, fc.constant(''), block) }),
  ),
  { minLength: 1, maxLength: 20 },
);
