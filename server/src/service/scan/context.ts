// What a part of a text takes from the rest of it. The scanner reads some references with what the
// document cites elsewhere: "control 5.15" only after ISO/IEC 27001, an area name only in a
// document that cites it, a COBIT id of the COBIT cited last. A whole text is scanned with an
// empty context; a block of it, scanned alone (incremental.ts), with what the text around it
// cites, so that it reads as it does in the whole.
import type { FrameworkReference, StandardReference } from './reference';

export interface ScanContext {
  /** The last citation of ISO/IEC 27001, 27002 or 17799 before the block: controls and themes are of it. */
  lastIsms?: StandardReference;
  /** The last COBIT reference before the block: its objectives are of it. */
  lastCobit?: FrameworkReference;
  /** The last standard with a numbering normref has, before the block: a table's bare numbers are of it. */
  lastNumbered?: StandardReference;
  /** The last CMMI reference before the block: process areas are of it. */
  lastCmmi?: FrameworkReference;
  /** The last ITIL reference before the block: practices at line starts are of it. */
  lastItil?: FrameworkReference;
  /** With no ITIL reference before the block or in it: the document's first, after it. */
  itilAfter?: FrameworkReference;
  /** The document's first citation of ISO/IEC 27001, 27002 or 17799, if before the block: area names are of it. */
  firstIsms?: StandardReference;
  /** With none before the block or in it: the document's first such citation, after it. */
  ismsAfter?: StandardReference;
}
