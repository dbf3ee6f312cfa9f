// Growth guards: for each family of inputs that once made a step of the analysis super-linear, the
// time at size n and at 8n, in the same run. Linear work grows about 8 times; quadratic, 64 times.
// This is a complexity check, not a speed test: it fails only on a ratio far above linear, seen
// twice, so a noisy machine does not fail it. The measuring runs in a worker thread, so an
// exponential step fails its test at a deadline instead of hanging the run.
import test, { after } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { FAMILIES, type Growth } from './growth-measure';

/** Above this the growth is not linear: 8n costs more than 24 times n (quadratic would be 64). */
const MAX_RATIO = 24;
/** Linear families measure in well under a second; one still running after this has blown up. */
const DEADLINE_MS = 30_000;

let worker: Worker | undefined;
after(() => worker?.terminate());

function measured(index: number): Promise<Growth | 'timed out'> {
  // A young generation large enough that the inputs' garbage does not reach the old one: promotion
  // costs grow with the heap, which made linear steps look super-linear on some runs.
  worker ??= new Worker(path.join(__dirname, 'growth-worker.js'), { resourceLimits: { maxYoungGenerationSizeMb: 192 } });
  const current = worker;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      current.off('message', onMessage);
      // A worker stuck in a regular expression is stopped; the next family gets a new one.
      void current.terminate();
      worker = undefined;
      resolve('timed out');
    }, DEADLINE_MS);
    function onMessage(message: { index: number; growth: Growth }) {
      if (message.index !== index) return;
      clearTimeout(timer);
      current.off('message', onMessage);
      resolve(message.growth);
    }
    current.on('message', onMessage);
    current.once('error', reject);
    current.postMessage({ index, maxRatio: MAX_RATIO });
  });
}

FAMILIES.forEach((family, index) => {
  test(`growth: ${family.name}`, async (t) => {
    const growth = await measured(index);
    assert.notEqual(growth, 'timed out', `${family.name}: not measured within ${DEADLINE_MS / 1000} s: super-linear`);
    const { length, small, large, ratio } = growth as Growth;
    t.diagnostic(`${length} chars: ${small.toFixed(1)} ms; 8 times as many: ${large.toFixed(1)} ms (${ratio.toFixed(1)}×)`);
    assert.ok(ratio <= MAX_RATIO, `${family.name}: ${length} chars took ${small.toFixed(1)} ms, 8 times as many ${large.toFixed(1)} ms (${ratio.toFixed(1)}×)`);
  });
});
