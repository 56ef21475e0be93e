import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/** Runs the real npm script, as the README documents it, with `input` on stdin (dist/ is built by
 * tests/support/build-dist.ts, the e2e project's global setup). */
function npmAsk(
  args: string[],
  input: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'ask', '--', ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('ask --jsonl', () => {
  it('GIVEN questions and a malformed line on stdin THEN stdout holds exactly one JSON line per input line, in order', async () => {
    const input = [
      JSON.stringify({ id: 'a', question: 'who detained Levashov and where' }),
      '{not json',
      JSON.stringify({ id: 'b', question: 'what is the capital of France' }),
      JSON.stringify({ id: 7 }),
      JSON.stringify({ id: 'c', question: 'Which botnet did Levashov run?' }),
    ].join('\n');
    const { code, stdout } = await npmAsk(['--jsonl', '--kb', 'knowledge'], `${input}\n`);
    expect(code).toBe(0);
    const lines = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({ id: 'a', question: 'who detained Levashov and where', answered: true });
    expect(lines[0]!.answer).toMatch(/Spain.*\[1\]/);
    const citation = (lines[0]!.citations as Array<Record<string, unknown>>)[0]!;
    expect(Object.keys(citation).sort()).toEqual(['documentId', 'location', 'n', 'passage', 'title']);
    expect(citation.passage).toMatch(/^Russian programmer Pyotr Levashov, detained in Spain/);
    expect(lines[1]).toEqual({ line: 2, error: expect.any(String) });
    expect(lines[2]).toMatchObject({ id: 'b', answered: false, citations: [] });
    expect(lines[3]).toEqual({ line: 4, error: expect.any(String) });
    expect(lines[4]).toMatchObject({ id: 'c', answered: true });
  }, 30_000);

  it('GIVEN a knowledge folder with a broken file THEN it prints the file and reason on stderr and exits 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'casefile-kb-'));
    await writeFile(join(dir, 'good.md'), 'A good sentence about the case.\n');
    await writeFile(join(dir, 'bad.md'), '---\ntitel: typo\n---\nText.\n');
    const { code, stdout, stderr } = await npmAsk(['--jsonl', '--kb', dir], '');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('bad.md:2: unknown front matter key "titel"');
  }, 30_000);
});
