// The words around numbers, in the languages policies are written in: what a clause and a control
// are called, and Annex A. One place, so the scanner's readers and the table columns agree.

/** "clause", "Kapitel", "chapitre", "cláusula" … (and plurals): the numbers of a management-system standard. */
export const CLAUSE_WORD = '(?:[Cc]lauses?|[Kk]apitel|[Aa]bschnitte?|[Nn]ormkapitel|[Cc]hapitres?|[Aa]rticles?|[Cc]láusulas?|[Cc]lausulas?|[Cc]apítulos?|[Cc]apitulos?)';

/** "control", "Maßnahme", "mesure" … : the numbers of ISO/IEC 27001's Annex A. */
export const CONTROL_WORD = '(?:[Cc]ontrols?|[Cc]ontroles?|[Mm]aßnahmen?|[Mm]assnahmen?|[Mm]esures?|[Cc]ontrôles?|[Kk]ontrollen?|[Cc]ontrol(?:es)?)';

/** "Annex A", "Anhang A", "annexe A", "anexo A". */
export const ANNEX_WORD = '(?:[Aa]nnex|[Aa]nhang|[Aa]nnexe|[Aa]nexo)';

/** A table header that calls its numbers clauses. */
export const CLAUSE_WORDS = new RegExp(`(?<![\\p{L}])${CLAUSE_WORD}(?![\\p{L}])|§`, 'u');

/** A table header that calls its numbers controls: the words above, Annex A, or a number column ("Ref", "#", "No."). */
export const CONTROL_WORDS = new RegExp(
  `(?<![\\p{L}])(?:${CONTROL_WORD}|${ANNEX_WORD}[ ]?A|ref(?:erence)?s?|id|no\\.?|nr\\.?|n°|number|nummer|número)(?![\\p{L}])|#`,
  'iu',
);
