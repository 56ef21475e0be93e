import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'casefile-cli-hostile-'));
  made.push(dir);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The compiled CLI (dist/, built once per run by build-dist.ts), with `input` on stdin; `firstLineOnly` closes stdout like `| head -1`. */
function cli(args: string[], input = '', firstLineOnly = false): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/cli/main.js', ...args], {
      cwd: root,
      env: { ...process.env, INDEX_CACHE_DIR: 'off' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (firstLineOnly && stdout.includes('\n')) child.stdout.destroy();
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

const STACK_LINE = /^\s+at /m;

describe('the CLI under hostile input', () => {
  it('GIVEN a knowledge folder with a bad date and an alias bomb THEN exit 2 with file:line lines and no stack trace', async () => {
    const kb = await folder({
      'date.md': '---\ndate: 2017-13-45\n---\nText.',
      'bomb.md':
        '---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n---\nText.',
    });
    const run = await cli(['ask', 'when', '--kb', kb]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^ {2}bomb\.md:2: front matter expands too many YAML aliases/m);
    expect(run.stderr).toMatch(/^ {2}date\.md:2: front matter key "date": is not a real calendar date/m);
    expect(run.stderr).not.toMatch(STACK_LINE);
  }, 60_000);

  it('GIVEN --jsonl piped into `head -1` THEN it stops quietly with status 0, no EPIPE trace', async () => {
    const line = `${JSON.stringify({ id: 1, question: 'who detained Levashov and where' })}\n`;
    const run = await cli(['ask', '--jsonl', '--kb', 'knowledge'], line.repeat(3_000), true);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/EPIPE/);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(JSON.parse(run.stdout.split('\n')[0]!)).toMatchObject({ id: 1, answered: true });
  }, 60_000);

  it('GIVEN stdin that starts with a byte-order mark THEN line 1 is read as JSON', async () => {
    const run = await cli(
      ['ask', '--jsonl', '--kb', 'knowledge'],
      `\uFEFF${JSON.stringify({ id: 'a', question: 'Which botnet did Levashov run?' })}\n`,
    );
    expect(JSON.parse(run.stdout)).toMatchObject({ id: 'a', answered: true });
  }, 60_000);

  it('GIVEN a 1.2 MB sentence and terminal escapes in a document THEN every output mode stays within Discord limits and prints no escape', async () => {
    const sentence = (words: number): string =>
      `Levashov was detained in Spain on a warrant ${'and then more words '.repeat(words)}in April.`;
    const ansi =
      '# Red\n\nThe botnet Kelihos \u001B[31mwas \u001B]8;;http://evil.example\u0007red\u001B]8;;\u0007 and \u202Egnihtyreve.\n';
    const huge = await folder({ 'huge.md': `# Huge\n\n${sentence(60_000)}\n`, 'ansi.md': ansi });
    const jsonl = await cli(
      ['ask', '--jsonl', '--kb', huge],
      `${JSON.stringify({ id: 1, question: 'where was Levashov detained' })}\n${JSON.stringify({ id: 2, question: 'what colour was the Kelihos botnet' })}\n`,
    );
    expect(jsonl.stdout.length).toBeLessThan(20_000);
    expect(jsonl.stdout).toContain('Levashov was detained in Spain');
    // The other modes on a 300 KB sentence: over every cap, quicker to load.
    const large = await folder({ 'large.md': `# Large\n\n${sentence(15_000)}\n`, 'ansi.md': ansi });
    const outputs = [jsonl.stdout];
    for (const mode of [[], ['--json']]) {
      const run = await cli(['ask', 'where was Levashov detained', '--kb', large, ...mode]);
      expect(run.code).toBe(0);
      expect(run.stdout.length).toBeLessThan(20_000);
      expect(run.stdout).toContain('Levashov was detained in Spain');
      outputs.push((await cli(['ask', 'what colour was the Kelihos botnet', '--kb', large, ...mode])).stdout);
    }
    for (const out of outputs) expect(out).not.toMatch(/[\u001B\u0007\u009B\u202E]/);
  }, 120_000);
});
