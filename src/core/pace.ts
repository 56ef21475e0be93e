import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

/**
 * Lets long loops share the event loop: they call `due()` often (it is cheap) and `await pause()` when
 * it says so. The bot paces work on its main thread so questions keep being answered meanwhile; the
 * CLI and worker threads, which have nothing else to serve, run unpaced.
 */
export interface Pacer {
  due(): boolean;
  pause(): Promise<void>;
}

/** Never pauses: for code that owns its thread. */
export const UNPACED: Pacer = { due: () => false, pause: () => Promise.resolve() };

/**
 * Pauses once `sliceMs` of work has run since the last pause. Looks at the clock every `every` calls
 * (a power of two): 256 suits loops of cheap steps; 1 suits steps that may each take milliseconds.
 */
export function pacer(sliceMs: number, every = 256): Pacer {
  let calls = 0;
  const mask = every - 1;
  let sliceStart = performance.now();
  return {
    due() {
      if ((++calls & mask) !== 0) return false;
      return performance.now() - sliceStart >= sliceMs;
    },
    async pause() {
      await yieldToEventLoop();
      sliceStart = performance.now();
    },
  };
}
