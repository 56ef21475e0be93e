// Preloaded into a timed process (node --import): reports its peak resident set size as it exits.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\nBENCH_PEAK_RSS_MB=${(process.resourceUsage().maxRSS / 1024).toFixed(1)}\n`);
});
