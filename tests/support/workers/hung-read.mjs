// A load worker whose read of one file never returns (a hung network share): it reports the reads
// it starts and finishes, as the real worker does, and then waits forever.
import { parentPort } from 'node:worker_threads';

const send = (progress) => parentPort.postMessage({ progress });
send({ stage: 'reading' });
for (const file of ['a.md', 'share/stuck.md', 'b.md']) send({ file, reading: true });
send({ file: 'a.md', reading: false });
send({ file: 'b.md', reading: false });
setInterval(() => undefined, 1 << 30);
