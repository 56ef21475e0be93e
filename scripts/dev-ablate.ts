import { runAblate } from '../src/cli/calibrate.js';
process.exitCode = await runAblate(process.argv[2] ?? '../shared/eval', 'knowledge', 5_000_000);
