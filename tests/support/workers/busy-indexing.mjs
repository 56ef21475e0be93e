// A load worker stuck in its own computation (never yielding), as a pathological input could make it.
import { parentPort } from 'node:worker_threads';

parentPort.postMessage({ progress: { stage: 'reading' } });
parentPort.postMessage({ progress: { stage: 'indexing' } });
for (;;);
