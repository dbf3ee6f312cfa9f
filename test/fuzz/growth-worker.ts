// Worker thread of the growth guards: measures the families it is sent, one message each.
import { parentPort } from 'node:worker_threads';
import { FAMILIES, measure } from './growth-measure';

parentPort!.on('message', ({ index, maxRatio }: { index: number; maxRatio: number }) => {
  parentPort!.postMessage({ index, growth: measure(FAMILIES[index], maxRatio) });
});
