import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writeOut } from '../../src/cli/safe-output.js';

/** A pipe whose reader takes each chunk only after a pause, like `--jsonl | slow-consumer`. */
function slowReader(highWaterMark: number) {
  let taken = 0;
  const stream = new Writable({
    highWaterMark,
    write(_chunk, _encoding, done) {
      taken++;
      setTimeout(done, 1);
    },
  });
  return { stream, taken: () => taken };
}

describe('CLI output to a slow reader (issue 8: --jsonl ignored backpressure)', () => {
  it('GIVEN 200 lines written to a reader that is behind THEN what waits in memory stays within one line of the buffer size', async () => {
    const reader = slowReader(64);
    const line = `${JSON.stringify({ id: 'q', answer: 'x'.repeat(40) })}\n`;
    let mostBuffered = 0;
    for (let k = 0; k < 200; k++) {
      await writeOut(reader.stream, line);
      mostBuffered = Math.max(mostBuffered, reader.stream.writableLength);
    }
    // Without waiting for 'drain' all 200 lines (about 12 KB) would be queued before the first is read.
    expect(mostBuffered).toBeLessThanOrEqual(64 + line.length);
    expect(reader.taken()).toBeGreaterThan(150);
  });

  it('GIVEN a reader that keeps up THEN a write does not wait at all', async () => {
    const reader = slowReader(1024 * 1024);
    let resolved = false;
    const written = writeOut(reader.stream, 'one line\n').then(() => (resolved = true));
    await Promise.resolve();
    expect(resolved).toBe(true);
    await written;
  });
});
