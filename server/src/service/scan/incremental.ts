// The scan of a text that is edited: the text is cut into blocks at its blank lines (blocks.ts),
// each block is scanned alone with what the text around it cites (context.ts), and what a block
// gave is kept for the next scan of the same document. After a keystroke only the block it
// touched is read again; the blocks before it are taken as they were, the blocks after it moved
// to their new offsets. The result is the one scanText gives for the whole text (the fuzz suite
// checks it).
//
// A block's result is kept in its own coordinates, with stand-ins where a reference takes one
// outside the block as its context; a scan copies it to document offsets and puts the references
// of this text in place of the stand-ins. A block after the edit that reads as it did keeps its
// copies, moved in place by the edit's length: the same objects from text to text, so what was
// worked out for them (their resolutions) holds. The references of an earlier text's scan are
// then those of this text; an earlier analysis is only read for what it knew by identity or by
// offset in its own text (analysis.ts), and a check still running over it is moot (server.ts).
import { CUT_ODDS, splitBlocks, type Blocks } from './blocks';
import type { ScanContext } from './context';
import { isIsmsStandard } from './control';
import { documentKey } from './format';
import { scanAnchors, scanNames, type ScannedText, type TextFormat } from './index';
import { withLineFeeds } from './line-ends';
import type { ControlVocabulary } from './names';
import { markdownBlockSpans, markdownCodeBlocks, proseMasks, type Span } from './prose';
import { NONE, type FrameworkReference, type Reference, type StandardReference } from './reference';
import type { Heading, Structure, Table } from './structure';
import { commonPrefix, commonSuffix, type TextEdit } from './text-diff';

type Role = keyof ScanContext;

/** One stand-in per role: a block scanned alone takes these as its context. */
const STAND_INS = new Map<object, Role>();
function standIn<R extends StandardReference | FrameworkReference>(role: Role, reference: R): R {
  STAND_INS.set(reference, role);
  return reference;
}
const standard = (): StandardReference => ({ kind: 'standard', start: -1, end: -1, text: '', id: { publishers: NONE, number: '27001', parts: NONE, supplements: NONE } });
const framework = (key: string): FrameworkReference => ({ kind: 'framework', start: -1, end: -1, text: '', id: { framework: key } });
const STAND_IN: Required<ScanContext> = {
  lastIsms: standIn('lastIsms', standard()),
  lastCobit: standIn('lastCobit', framework('cobit')),
  lastNumbered: standIn('lastNumbered', standard()),
  // Of these the scanner reads only the framework's key (a CMMI model, ITIL), which any stand-in of the role shares.
  lastCmmi: standIn('lastCmmi', framework('cmmi-svc')),
  lastItil: standIn('lastItil', framework('itil')),
  itilAfter: standIn('itilAfter', framework('itil')),
  firstIsms: standIn('firstIsms', standard()),
  ismsAfter: standIn('ismsAfter', standard()),
};
/** The roles the first pass takes (the scanner's), and the second (tables and names), one bit each. */
const ANCHOR_ROLES: readonly Role[] = ['lastIsms', 'lastCobit'];
const NAMED_ROLES: readonly Role[] = ['lastNumbered', 'lastCmmi', 'lastItil', 'itilAfter', 'firstIsms', 'ismsAfter'];

/** What a block cites, for the blocks after it. */
interface Cites {
  lastIsms?: StandardReference;
  lastCobit?: FrameworkReference;
  lastNumbered?: StandardReference;
  lastCmmi?: FrameworkReference;
  lastItil?: FrameworkReference;
  firstIsms?: StandardReference;
  firstItil?: FrameworkReference;
}

interface Named {
  references: Reference[];
  structure: Structure;
}

/** The first pass over a block with one context, in block coordinates, and the second passes after it. */
interface AnchorPass {
  references: Reference[];
  cites: Cites;
  named: Map<number, Named>;
}

/** A block's text between two line feeds, as the whole text has it around every block. */
interface BlockText {
  padded: string;
  /** By the block's spans (code, comments), in block coordinates: the passes read with them. */
  bySpans: Map<string, { spans: Span[]; passes: Map<number, AnchorPass> }>;
  /** The last scan that used it. */
  used: number;
}

/** A block as a scan placed it in its text: what it read, and its references at document offsets. */
interface Placed {
  from: number;
  to: number;
  block: BlockText;
  spansKey: string;
  spans: Span[];
  /** What the text before the block cites; with what the text after it cites first, where a name needs it. */
  context: ScanContext;
  pass: AnchorPass;
  /** The copies of the first pass's references at document offsets, by the kept reference. */
  copies?: Map<object, Reference>;
  /** The same for the references only the second pass found (names, tables), for its context. */
  namedCopies?: Map<object, Reference>;
  named?: Named;
  references: Reference[];
  structure: Structure;
}

/**
 * Blocks kept beyond those of the current text before a sweep. Few: each keystroke makes a new
 * variant of the block it edits, and keeping hundreds of them (with their references) grew the
 * server's heap by ~47 KB a keystroke until the sweep; undo still finds the blocks around it.
 */
const SPARE_BLOCKS = 32;

export class IncrementalScan {
  /** Block texts by padded text. */
  private readonly blocks = new Map<string, BlockText>();
  /** The last text, its placed blocks, and what the passes before placing found in it. */
  private last?: { written: string; placed: Placed[]; codeBlocks: readonly Span[]; spans: readonly Span[]; blocks: Blocks };
  private generation = 0;

  constructor(
    readonly format: TextFormat,
    private readonly vocabulary: ControlVocabulary,
    /** How rarely a paragraph ends a block (blocks.ts); 1 cuts at every blank line. */
    private readonly cutOdds = CUT_ODDS,
  ) {}

  scan(written: string): ScannedText {
    try {
      return this.scanAfter(written);
    } catch (error) {
      // The blocks after the edit may be moved already: the next scan reads the text whole.
      this.last = undefined;
      throw error;
    }
  }

  private scanAfter(written: string): ScannedText {
    this.generation++;
    const text = withLineFeeds(written);
    const last = this.last;
    // Where the text differs from the last one: the passes below read again only around it.
    const prefix = last ? commonPrefix(last.written, written) : 0;
    const edit = last && { lengthBefore: last.written.length, prefix, suffix: commonSuffix(last.written, written, prefix) };
    const codeBlocks = this.format === 'markdown' ? markdownCodeBlocks(text, last && edit && { spans: last.codeBlocks, edit }) : NO_SPANS;
    const spans = this.format === 'markdown' ? markdownBlockSpans(text) : NO_SPANS;
    const split = splitBlocks(text, spans, this.cutOdds, last && edit && { blocks: last.blocks, spans: last.spans, edit });
    const { blocks, blankLines } = split;
    const { placed, kept } = this.place(written, text, spans, blocks, edit);
    readAfter(placed);

    const references: Reference[] = [];
    const structure: Structure = { headings: [], tables: [], breaks: [], items: [] };
    let blank = 0;
    placed.forEach((p, i) => {
      const named = this.namedPass(p, bitsOf(NAMED_ROLES, p.context));
      const previous = kept[i];
      p.named = named;
      if (previous && previous.named === named && previous.copies === p.copies) {
        // place() moved the copies; the structure is moved here, where it is taken.
        p.namedCopies = previous.namedCopies;
        if (sameRoles(ANCHOR_ROLES, previous.context, p.context) && sameRoles(NAMED_ROLES, previous.context, p.context)) p.references = previous.references;
        else {
          const namedCopies = (p.namedCopies ??= new Map());
          pointAt(namedCopies, p.context);
          p.references = named.references.map((r) => copied(r, p.from - 1, p.copies ?? NO_COPIES, p.context, namedCopies));
        }
        p.structure = moved(previous.structure, p.from - previous.from);
      } else if (named.references.length || named.structure !== NO_STRUCTURE) {
        const copies = p.copies ?? NO_COPIES;
        const namedCopies = (p.namedCopies = new Map());
        p.references = named.references.map((r) => copied(r, p.from - 1, copies, p.context, namedCopies));
        if (text !== written) for (const r of p.references) r.text = written.slice(r.start, r.end);
        p.structure = shifted(named.structure, p.from - 1);
      }
      for (const r of p.references) references.push(r);
      while (blank < blankLines.length && blankLines[blank] < p.from) structure.breaks.push(blankLines[blank++]);
      addStructure(structure, p.structure);
    });
    while (blank < blankLines.length) structure.breaks.push(blankLines[blank++]);
    this.last = { written, placed, codeBlocks, spans, blocks: split };
    this.sweep(blocks.length);
    return { text, references, structure, ...(last && edit ? { before: last.written, edit } : {}) };
  }

  /**
   * The blocks of the text with their first pass, block after block, each with what the blocks
   * before it cite; `kept`: for each, the last scan's placing of it where it reads as it did,
   * before the edit or after it, whose copies hold (moved by the edit's length).
   */
  private place(written: string, text: string, spans: readonly Span[], blocks: readonly Span[], edit: TextEdit | undefined): { placed: Placed[]; kept: Array<Placed | undefined> } {
    const last = this.last;
    // Blocks wholly before the first changed character, or wholly after the last, are the texts
    // they were: found by position, without reading them.
    const prefix = edit?.prefix ?? 0;
    const suffix = edit?.suffix ?? 0;
    const delta = written.length - (last?.written.length ?? 0);
    const old = last?.placed ?? [];
    let before = 0;
    let after = 0;
    const spanCursor = { next: 0 };
    const placed: Placed[] = [];
    const kept: Array<Placed | undefined> = [];
    const cited: Cites = {};
    let context: ScanContext = {};
    for (const [from, to] of blocks) {
      const inBlock = blockSpans(spans, spanCursor, from, to);
      const spansKey = inBlock.length ? inBlock.map(([s, e]) => `${s - from},${e - from}`).join(';') : '';
      let same: Placed | undefined;
      let block: BlockText | undefined;
      if (to <= prefix) {
        while (before < old.length && old[before].from < from) before++;
        const o = old[before];
        if (o && o.from === from && o.to === to) block = (same = o).block;
      } else if (from >= written.length - suffix) {
        while (after < old.length && old[after].from < from - delta) after++;
        const o = old[after];
        if (o && o.from === from - delta && o.to === to - delta) block = (same = o).block;
      }
      block ??= this.blockOf(`\n${text.slice(from, to)}\n`);
      block.used = this.generation;
      const variant = spansVariant(block, spansKey, inBlock, from);
      const pass = this.anchorPass(block, variant, bitsOf(ANCHOR_ROLES, context));
      // The same pass is of the same roles; the references in them may be others (the edited
      // block's): the copies are pointed at this text's.
      const reused = same && same.spansKey === spansKey && same.pass === pass ? same : undefined;
      let copies = reused?.copies;
      if (reused && reused.from !== from) {
        if (copies) move(copies, from - reused.from);
        if (reused.namedCopies) move(reused.namedCopies, from - reused.from);
      }
      if (copies && reused && !sameRoles(ANCHOR_ROLES, reused.context, context)) pointAt(copies, context);
      if (!reused && pass.references.length) {
        copies = new Map();
        for (const r of pass.references) copied(r, from - 1, copies, context);
      }
      placed.push({ from, to, block, spansKey, spans: variant.spans, context, pass, copies, references: NO_REFERENCES, structure: NO_STRUCTURE });
      kept.push(reused);
      // The blocks after this one read with what it cites; most cite nothing and share a context.
      if (copies && noteCites(cited, pass.cites, copies)) {
        const { lastIsms, lastCobit, lastNumbered, lastCmmi, lastItil, firstIsms } = cited;
        context = { lastIsms, lastCobit, lastNumbered, lastCmmi, lastItil, firstIsms };
      }
    }
    return { placed, kept };
  }

  private blockOf(padded: string): BlockText {
    let block = this.blocks.get(padded);
    if (!block) this.blocks.set(padded, (block = { padded, bySpans: new Map(), used: 0 }));
    return block;
  }

  private anchorPass(block: BlockText, variant: { spans: Span[]; passes: Map<number, AnchorPass> }, bits: number): AnchorPass {
    let pass = variant.passes.get(bits);
    if (!pass) {
      const { padded } = block;
      const references = scanAnchors(padded, proseMasks(padded, this.format, variant.spans), this.vocabulary, contextOf(ANCHOR_ROLES, bits));
      pass = { references, cites: this.citesOf(references), named: new Map() };
      variant.passes.set(bits, pass);
    }
    return pass;
  }

  private namedPass({ pass, block, spans }: Placed, bits: number): Named {
    let named = pass.named.get(bits);
    if (!named) {
      const { padded } = block;
      named = scanNames(padded, proseMasks(padded, this.format, spans), spans, pass.references, this.vocabulary, contextOf(NAMED_ROLES, bits));
      // The padding's first line is no paragraph break of the text's.
      named.structure.breaks.shift();
      if (isEmpty(named.structure)) named.structure = NO_STRUCTURE;
      pass.named.set(bits, named);
    }
    return named;
  }

  private citesOf(references: readonly Reference[]): Cites {
    const cites: Cites = {};
    for (const r of references) {
      if (r.kind === 'standard') {
        if (isIsmsStandard(r)) {
          cites.lastIsms = r;
          cites.firstIsms ??= r;
        }
        // As a table takes the standard before it (tables.ts).
        if (this.vocabulary.numberedStandards?.has(documentKey(r.id.number, r.id.parts))) cites.lastNumbered = r;
      } else if (r.kind === 'framework') {
        if (r.id.framework === 'cobit') cites.lastCobit = r;
        else if (r.id.framework === 'itil') {
          cites.lastItil = r;
          cites.firstItil ??= r;
        } else if (r.id.framework.startsWith('cmmi')) cites.lastCmmi = r;
      }
    }
    return cites;
  }

  /** Forgets the blocks no longer in the text once there are many: hostile edits may make any number. */
  private sweep(current: number): void {
    if (this.blocks.size <= current + SPARE_BLOCKS) return;
    for (const [padded, block] of this.blocks) if (block.used !== this.generation) this.blocks.delete(padded);
  }
}

const NO_STRUCTURE: Structure = { headings: [], tables: [], breaks: [], items: [] };

function isEmpty(structure: Structure): boolean {
  return !structure.headings.length && !structure.tables.length && !structure.breaks.length && !structure.items.length;
}
const NO_REFERENCES: Reference[] = [];

/**
 * What the text after each block cites first, for a block before the document's first ITIL or
 * ISO/IEC 27001/27002 reference: it reads some names with it. Such a block gets a context of its own.
 */
function readAfter(placed: Placed[]): void {
  let ismsAfter: StandardReference | undefined;
  let itilAfter: FrameworkReference | undefined;
  for (let i = placed.length - 1; i >= 0; i--) {
    const p = placed[i];
    const { firstItil, firstIsms } = p.pass.cites;
    const after: ScanContext = {
      ...(!p.context.lastItil && !firstItil && itilAfter ? { itilAfter } : {}),
      ...(!p.context.firstIsms && !firstIsms && ismsAfter ? { ismsAfter } : {}),
    };
    if (after.itilAfter || after.ismsAfter) p.context = { ...p.context, ...after };
    if (firstItil) itilAfter = p.copies!.get(firstItil) as FrameworkReference;
    if (firstIsms) ismsAfter = p.copies!.get(firstIsms) as StandardReference;
  }
}

function spansVariant(block: BlockText, key: string, spans: readonly Span[], from: number): { spans: Span[]; passes: Map<number, AnchorPass> } {
  let variant = block.bySpans.get(key);
  if (!variant) block.bySpans.set(key, (variant = { spans: spans.map(([s, e]) => [s - from + 1, e - from + 1]), passes: new Map() }));
  return variant;
}

function bitsOf(roles: readonly Role[], context: ScanContext): number {
  let bits = 0;
  for (let k = 0; k < roles.length; k++) if (context[roles[k]]) bits |= 1 << k;
  return bits;
}

function contextOf(roles: readonly Role[], bits: number): ScanContext {
  const context: ScanContext = {};
  roles.forEach((role, k) => {
    if (bits & (1 << k)) (context as Record<Role, Reference>)[role] = STAND_IN[role];
  });
  return context;
}

function sameRoles(roles: readonly Role[], a: ScanContext, b: ScanContext): boolean {
  return roles.every((role) => a[role] === b[role]);
}

/** Adds what a block cites (at document offsets, in `copies`) to what the text so far cites; whether anything changed. */
function noteCites(cited: Cites, own: Cites, copies: Map<object, Reference>): boolean {
  let changed = false;
  for (const role of CITE_ROLES) {
    const r = own[role];
    if (!r || (cited[role] && (role === 'firstIsms' || role === 'firstItil'))) continue;
    (cited as Record<string, Reference>)[role] = copies.get(r)!;
    changed = true;
  }
  return changed;
}
const CITE_ROLES = ['lastIsms', 'lastCobit', 'lastNumbered', 'lastCmmi', 'lastItil', 'firstIsms', 'firstItil'] as const;

/** The spans of sorted `spans` that start in [from, to], walking them once for all blocks in order. */
function blockSpans(spans: readonly Span[], cursor: { next: number }, from: number, to: number): Span[] {
  if (cursor.next >= spans.length) return NO_SPANS;
  let inBlock = NO_SPANS;
  while (cursor.next < spans.length && spans[cursor.next][0] < from) cursor.next++;
  while (cursor.next < spans.length && spans[cursor.next][0] <= to) (inBlock === NO_SPANS ? (inBlock = []) : inBlock).push(spans[cursor.next++]);
  return inBlock;
}
const NO_SPANS: Span[] = [];

/**
 * A reference of a block's result at document offsets (`shift` added), made once per placing of
 * the block (`copies`; the second pass's own in `into`), with its context copied the same way
 * or, for a stand-in, the reference of this text in that role.
 */
function copied(r: Reference, shift: number, copies: Map<object, Reference>, context: ScanContext, into = copies): Reference {
  const role = STAND_INS.get(r);
  if (role) return context[role]!;
  let copy = copies.get(r) ?? into.get(r);
  if (copy) return copy;
  copy = { ...r, start: r.start + shift, end: r.end + shift } as Reference;
  into.set(r, copy);
  const id = r.id as { context?: Reference };
  if (id.context) (copy as { id: object }).id = { ...r.id, context: copied(id.context, shift, copies, context, into) };
  return copy;
}
const NO_COPIES = new Map<object, Reference>();

/** Points the copies whose context is a stand-in at the reference of this text in its role. */
function pointAt(copies: Map<object, Reference>, context: ScanContext): void {
  for (const [kept, copy] of copies) {
    const standIn = (kept as { id: { context?: Reference } }).id.context;
    const role = standIn && STAND_INS.get(standIn);
    if (role) (copy.id as { context?: Reference }).context = context[role];
  }
}

/** Moves a block's copies by `delta`, in place. */
function move(copies: Map<object, Reference>, delta: number): void {
  for (const copy of copies.values()) {
    copy.start += delta;
    copy.end += delta;
  }
}

/** A block's structure moved by `delta`, in place. */
function moved(structure: Structure, delta: number): Structure {
  if (delta === 0 || structure === NO_STRUCTURE) return structure;
  for (const h of structure.headings) {
    h.start += delta;
    h.end += delta;
    h.textStart += delta;
  }
  for (const t of structure.tables) {
    t.start += delta;
    t.end += delta;
    for (const cell of t.header) {
      cell[0] += delta;
      cell[1] += delta;
    }
    for (let i = 0; i < t.rows.length; i++) t.rows[i] += delta;
  }
  for (let i = 0; i < structure.breaks.length; i++) structure.breaks[i] += delta;
  for (let i = 0; i < structure.items.length; i++) structure.items[i] += delta;
  return structure;
}

function shifted(block: Structure, shift: number): Structure {
  if (isEmpty(block)) return NO_STRUCTURE;
  return {
    headings: block.headings.map((h): Heading => ({ start: h.start + shift, end: h.end + shift, textStart: h.textStart + shift, level: h.level })),
    tables: block.tables.map((t): Table => ({ start: t.start + shift, end: t.end + shift, header: t.header.map(([s, e]) => [s + shift, e + shift]), rows: t.rows.map((row) => row + shift) })),
    breaks: block.breaks.map((b) => b + shift),
    items: block.items.map((i) => i + shift),
  };
}

function addStructure(into: Structure, block: Structure): void {
  for (const h of block.headings) into.headings.push(h);
  for (const t of block.tables) into.tables.push(t);
  for (const b of block.breaks) into.breaks.push(b);
  for (const i of block.items) into.items.push(i);
}
