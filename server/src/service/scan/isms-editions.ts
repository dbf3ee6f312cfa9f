// The editions of ISO/IEC 27001/27002 whose control numbers normref has: what a document may
// declare (`normref edition: 2013`, read by the scanner) and what the model dates numbers in. A leaf
// module, so that the scanner and the editor's client can have it without the rest.

/** Newest first, as the editor offers them. */
export const EDITIONS = ['2022', '2013', '2005'] as const;
