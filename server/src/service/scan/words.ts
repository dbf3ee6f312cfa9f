// The words around numbers, in the languages policies are written in: what a clause and a control
// are called, and Annex A. One place, so the scanner's readers and the table columns agree.

import { alternation, bothCases } from './alternation';

/** "clause", "Kapitel", "chapitre", "cláusula" … (and plurals): the numbers of a management-system standard. */
export const CLAUSE_NAMES = bothCases([
  'clause', 'clauses', 'kapitel', 'abschnitt', 'abschnitte', 'normkapitel', 'chapitre', 'chapitres', 'article', 'articles',
  'cláusula', 'cláusulas', 'clausula', 'clausulas', 'capítulo', 'capítulos', 'capitulo', 'capitulos',
]);

/** "control", "Maßnahme", "mesure" … : the numbers of ISO/IEC 27001's Annex A. */
export const CONTROL_NAMES = bothCases([
  'control', 'controls', 'controle', 'controles', 'maßnahme', 'maßnahmen', 'massnahme', 'massnahmen',
  'mesure', 'mesures', 'contrôle', 'contrôles', 'kontrolle', 'kontrollen',
]);

/** "Annex A", "Anhang A", "annexe A", "anexo A". */
export const ANNEX_NAMES = bothCases(['annex', 'annexe', 'anhang', 'anexo']);

/** The same words as patterns, for the expressions that read what follows them. */
const pattern = (words: readonly string[]) => `(?:${alternation(words.map((word) => ({ word })))})`;
export const CLAUSE_WORD = pattern(CLAUSE_NAMES);
export const CONTROL_WORD = pattern(CONTROL_NAMES);
export const ANNEX_WORD = pattern(ANNEX_NAMES);

/** A table header that calls its numbers clauses. */
export const CLAUSE_WORDS = new RegExp(`(?<![\\p{L}])${CLAUSE_WORD}(?![\\p{L}])|§`, 'u');

/** A table header that calls its numbers controls: the words above, Annex A, or a number column ("Ref", "#", "No."). */
export const CONTROL_WORDS = new RegExp(
  `(?<![\\p{L}])(?:${CONTROL_WORD}|${ANNEX_WORD}[ ]?A|ref(?:erence)?s?|id|no\\.?|nr\\.?|n°|number|nummer|número)(?![\\p{L}])|#`,
  'iu',
);
