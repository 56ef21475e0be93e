import { runCalibrate } from '../src/cli/calibrate.js';
process.exitCode = await runCalibrate(process.argv[2] ?? '../shared/eval', 'knowledge', 5_000_000);
