import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Tests that run the README's npm scripts (`npm run ask`, …) run the compiled CLI in dist/: build it
 * once per run, before any of them, so they test the sources as they are and not a stale build.
 */
export default function setup(): void {
  execFileSync('npm', ['run', '--silent', 'build'], {
    cwd: join(import.meta.dirname, '..', '..'),
    stdio: 'inherit',
  });
}
