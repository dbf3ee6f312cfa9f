// Reads every document of a workspace into the citation index, one at a time, giving the event
// loop back between documents so that an editor's requests (a hover on the document just opened)
// are answered while a large workspace is read.
import type { PolicyDocument } from '../analysis';
import { isLarge, LARGE_DOCUMENT_LENGTH } from '../limits';
import { NEVER_CANCELLED, type Cancellation, type Workspace } from './workspace';

export interface IndexProgress {
  done: number;
  total: number;
}

export interface IndexOptions {
  token?: Cancellation;
  onProgress?: (progress: IndexProgress) => void;
  /** Documents the adapter has newer text of (open in the editor): indexed from that, not read. */
  skip?: (uri: string) => boolean;
  /**
   * Reads documents over LARGE_DOCUMENT_LENGTH too (the CLI, which reads every file whole). The
   * server leaves them out, as it does their diagnostics: one would hold its event loop for seconds.
   */
  large?: boolean;
  /** Told of each document left out, with why. */
  onSkipped?: (uri: string, why: string) => void;
}

/** Most time spent indexing between two turns of the event loop. */
const SLICE_MS = 8;

/** Indexes each listed document with `index`; returns how many were read. */
export async function indexWorkspace(workspace: Workspace, index: (document: PolicyDocument) => void, options: IndexOptions = {}): Promise<number> {
  const token = options.token ?? NEVER_CANCELLED;
  const uris = (await workspace.list()).sort();
  let done = 0;
  let sliceStart = Date.now();
  for (const uri of uris) {
    if (token.isCancellationRequested) break;
    if (!options.skip?.(uri)) {
      const document = await workspace.read(uri);
      // Opened while it was read: the editor's text is indexed (as it changes), not the file's.
      if (options.skip?.(uri)) {
        done++;
        continue;
      }
      if (document && !options.large && isLarge(document.getText())) options.onSkipped?.(uri, `larger than ${LARGE_DOCUMENT_LENGTH / 1024 / 1024} MB`);
      else if (document) index(document);
    }
    done++;
    if (Date.now() - sliceStart >= SLICE_MS) {
      options.onProgress?.({ done, total: uris.length });
      await nextTurn();
      sliceStart = Date.now();
    }
  }
  options.onProgress?.({ done, total: uris.length });
  return done;
}

/** A macrotask turn, in Node and in a browser worker: queued requests are read before we go on. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
