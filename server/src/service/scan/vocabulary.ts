// The words of ISO's reference grammar, as people write them, mapped to one canonical spelling.

/** Organisations that publish jointly with ISO or IEC, written after a slash: ISO/IEC, ISO/IEEE. */
export const CO_PUBLISHERS: ReadonlyMap<string, string> = new Map([
  ['ISO', 'ISO'], ['IEC', 'IEC'], ['CEI', 'IEC'], ['IEEE', 'IEEE'], ['ASTM', 'ASTM'], ['CIE', 'CIE'],
  ['SAE', 'SAE'], ['HL7', 'HL7'], ['IDF', 'IDF'], ['OECD', 'OECD'], ['UNDP', 'UNDP'], ['ASME', 'ASME'],
]);

/** Deliverable types other than an International Standard. */
export const TYPES: ReadonlyMap<string, string> = new Map([
  ['TR', 'TR'], ['TS', 'TS'], ['PAS', 'PAS'], ['Guide', 'Guide'], ['GUIDE', 'Guide'], ['IWA', 'IWA'],
  ['R', 'R'], ['ISP', 'ISP'], ['TTA', 'TTA'], ['DIR', 'DIR'], ['DATA', 'DATA'],
]);

/** Stages of a draft; the value is the canonical spelling. */
export const STAGES: ReadonlyMap<string, string> = new Map([
  ['NP', 'NP'], ['NWIP', 'NP'], ['PWI', 'PWI'], ['AWI', 'AWI'], ['WD', 'WD'], ['CD', 'CD'], ['CD2', 'CD'],
  ['CD3', 'CD'], ['preCD', 'CD'], ['PreCD', 'CD'], ['PreCD3', 'CD'], ['DP', 'DP'], ['DIS', 'DIS'], ['FDIS', 'FDIS'],
  ['FCD', 'FCD'], ['FD', 'FDIS'], ['PRF', 'PRF'],
]);

/** Stage and type in one word: ISO/DTR 22126-3, ISO/IEC PDTS 27008. */
export const STAGED_TYPES: ReadonlyMap<string, { stage: string; type: string }> = new Map([
  ['DTR', { stage: 'DTR', type: 'TR' }], ['DTS', { stage: 'DTS', type: 'TS' }], ['DPAS', { stage: 'DPAS', type: 'PAS' }],
  ['FDTR', { stage: 'FDTR', type: 'TR' }], ['FDTS', { stage: 'FDTS', type: 'TS' }],
  ['PDTR', { stage: 'CD', type: 'TR' }], ['PDTS', { stage: 'CD', type: 'TS' }],
  ['DGUIDE', { stage: 'DGuide', type: 'Guide' }], ['DGuide', { stage: 'DGuide', type: 'Guide' }],
  ['FDGuide', { stage: 'FDGuide', type: 'Guide' }], ['DISP', { stage: 'DISP', type: 'ISP' }],
]);

/** Supplement words after a slash, with the stage some of them carry: /Amd 1, /DAM 2, /FDCOR 1. */
export const SUPPLEMENTS: ReadonlyMap<string, { type: string; stage?: string }> = new Map([
  ['Amd', { type: 'Amd' }], ['AMD', { type: 'Amd' }], ['Cor', { type: 'Cor' }], ['COR', { type: 'Cor' }],
  ['Add', { type: 'Add' }], ['ADD', { type: 'Add' }], ['Suppl', { type: 'Suppl' }], ['Ext', { type: 'Ext' }],
  ['DAM', { type: 'Amd', stage: 'DAmd' }], ['DAmd', { type: 'Amd', stage: 'DAmd' }],
  ['FDAM', { type: 'Amd', stage: 'FDAmd' }], ['FDAmd', { type: 'Amd', stage: 'FDAmd' }],
  ['PDAM', { type: 'Amd', stage: 'CD' }], ['FPDAM', { type: 'Amd', stage: 'DAmd' }],
  ['DCOR', { type: 'Cor', stage: 'DCor' }], ['DCor', { type: 'Cor', stage: 'DCor' }],
  ['FDCOR', { type: 'Cor', stage: 'FDCor' }], ['FDCor', { type: 'Cor', stage: 'FDCor' }],
  ['FCOR', { type: 'Cor', stage: 'FDCor' }], ['pDCOR', { type: 'Cor', stage: 'CD' }], ['PDCOR', { type: 'Cor', stage: 'CD' }],
  ['DAD', { type: 'Add', stage: 'DAD' }], ['DSuppl', { type: 'Suppl', stage: 'DSuppl' }],
]);

/**
 * ISO film speeds. "Shot at ISO 400" is a camera setting, not ISO 400; an undated, unparted "ISO n"
 * with one of these numbers is left alone.
 */
export const FILM_SPEEDS: ReadonlySet<string> = new Set([
  '100', '200', '400', '800', '1600', '3200', '6400', '12800', '25600', '51200', '102400',
]);
