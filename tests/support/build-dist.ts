import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The e2e tests run what the README's npm scripts run, the compiled entry points in dist/ (the bot, its
 * shards and reload workers, the CLI, deploy-commands, feedback): built once per run, before any of
 * them, so they test the sources as they are and not a stale build, and no process compiles TypeScript
 * as it starts.
 */
export default function setup(): void {
  execFileSync('npm', ['run', '--silent', 'build'], {
    cwd: join(import.meta.dirname, '..', '..'),
    stdio: 'inherit',
  });
}
