// The server's collection between keystrokes (idle-collection.ts): a minor collection some
// milliseconds after the work is done, none while work keeps coming in.
import test from 'node:test';
import assert from 'node:assert/strict';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { IdleCollection } from '../../server/src/idle-collection';

/** The minor collections the program asked for (not those V8 made on its own) while `run` runs. */
async function minorCollections(run: () => Promise<void>): Promise<number> {
  let count = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const detail = (entry as unknown as { detail?: { kind: number; flags: number } }).detail;
      if (detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR && detail.flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) count++;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  await run();
  // Entries are delivered after the collection, in a later turn.
  await sleep(20);
  observer.disconnect();
  return count;
}

test('Node lends its collector: the server collects the young generation once it has been idle', async () => {
  const collection = IdleCollection.start();
  assert.ok(collection, 'IdleCollection.start() gave no collector in Node');
  const collected = await minorCollections(async () => {
    collection.idle();
    await sleep(30);
  });
  assert.ok(collected >= 1, `no minor collection after idle(): ${collected}`);
});

test('work that comes in before the quiet time is over cancels the collection', async () => {
  const collection = IdleCollection.start()!;
  const collected = await minorCollections(async () => {
    collection.idle();
    collection.busy();
    await sleep(30);
  });
  assert.equal(collected, 0);
});
