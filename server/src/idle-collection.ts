// Garbage collection while the user is not typing (Node only), as browsers collect in idle time.
//
// Why: a keystroke in a large policy analyses it again and leaves the analysis before it as
// garbage, some megabytes. V8 collects the young generation when it is full, which is during a
// keystroke every second or third one, and copying the live analysis then adds 5-10 ms to it:
// most of the slowest keystrokes were those. Collected a few milliseconds after the last check is
// done, unless a message from the client comes first (node.ts tells), the young generation is
// empty when the next keystroke starts. Only the young generation: collecting the old one takes
// longer than the gap between two keystrokes, and V8 does that incrementally anyway.
//
// A collection right after each check finds that check's analysis alive, every time: V8 takes
// that as the sign that what those allocation sites make lives long, and makes it in the old
// generation from then on (allocation-site pretenuring). There an analysis that the next
// keystroke replaces is garbage only a full collection takes, and the old generation grew by
// about 0.37 MB a keystroke, a full collection every 40-odd keystrokes, the slowest ones. So the
// collector that collects in idle time also turns pretenuring off: the analyses stay young and
// die young (0.13 MB a keystroke).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Collect = (options: { type: 'minor' | 'major' }) => void;

/** How long the server must have had nothing to do before it collects. */
const QUIET_MS = 4;

export class IdleCollection {
  private timer?: ReturnType<typeof setTimeout>;

  private constructor(private readonly collect: Collect) {}

  /** The collector, or undefined where V8 does not lend its collector to the program. */
  static start(): IdleCollection | undefined {
    // Where V8's flags are frozen after start-up, setting one is a fatal error, not an exception.
    if ([...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((a) => /^--freeze[-_]flags[-_]after[-_]init$/.test(a))) return undefined;
    try {
      // The flag makes V8 put `gc` in contexts made after it, as in Jest's leak detector.
      setFlagsFromString('--expose-gc');
      const collect = runInNewContext('gc') as unknown;
      if (typeof collect !== 'function') return undefined;
      setFlagsFromString('--no-allocation-site-pretenuring');
      return new IdleCollection(collect as Collect);
    } catch {
      return undefined;
    }
  }

  /** A message came in: a collection now would delay its answer. */
  busy(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** The server's work is done: collect if nothing comes within QUIET_MS. */
  idle(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.collect({ type: 'minor' });
    }, QUIET_MS);
    // A pending collection never keeps the process alive.
    this.timer.unref?.();
  }
}
