/**
 * Chooses the lexicon's sense restriction and credits by leaving one development set out at a time:
 * `npx tsx scripts/lexicon/tune.ts ../shared/eval ranks|credits`. For every setting of the grid it runs the answerer on
 * the six sets (seed-dev, case-dev, each SQuAD article); then, for each set, it picks the setting that is
 * best on the other five and reports that setting's figures on the held-out set beside its training mean.
 * Score of a set: the mean of answer_correct and abstain_correct, so that relating more words only
 * counts as a gain when it does not make the answerer answer what the documents don't say.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { answer, loadIndex, type SearchIndex } from '../../src/core/index.js';
import { computeMetrics, judge, type Metrics } from '../../src/core/eval/metrics.js';
import { parseQuestionFile, type EvalQuestion } from '../../src/core/eval/question-file.js';
import { clearRelatedCache } from '../../src/core/lexicon/related.js';
import { clearSynonymCache } from '../../src/core/answer/synonyms.js';
import { LEXICON_TUNING } from '../../src/core/lexicon/tuning.js';

type Tuning = typeof LEXICON_TUNING;
interface EvalSet {
  readonly name: string;
  readonly index: SearchIndex;
  readonly questions: readonly EvalQuestion[];
}

const root = process.argv[2] ?? '../shared/eval';
const SQUAD = ['1973_oil_crisis', 'Harvard_University', 'Normans', 'Steam_engine'];

async function loadSet(name: string, kb: string, questions: string): Promise<EvalSet> {
  const loaded = await loadIndex(kb, { maxFileBytes: 10_000_000 });
  if (!loaded.ok) throw new Error(`cannot load ${kb}`);
  const parsed = parseQuestionFile(await readFile(questions, 'utf8'), questions);
  return { name, index: loaded.value.index, questions: parsed.questions };
}

const sets: EvalSet[] = [
  await loadSet('seed-dev', 'knowledge', join(root, 'seed-dev.jsonl')),
  await loadSet('case-dev', join(root, 'case-dev/kb'), join(root, 'case-dev/questions.jsonl')),
  ...(await Promise.all(
    SQUAD.map((a) => loadSet(a, join(root, 'squad', a, 'kb'), join(root, 'squad', a, 'questions.jsonl'))),
  )),
];

const ORIGINAL: Tuning = structuredClone(LEXICON_TUNING);
const score = (m: Metrics): number => (m.answer_correct + m.abstain_correct) / 2;

function run(tuning: Tuning): Metrics[] {
  Object.assign(LEXICON_TUNING, structuredClone(tuning));
  clearRelatedCache();
  clearSynonymCache();
  return sets.map((s) => computeMetrics(s.questions.map((q) => judge(q, answer(s.index, q.q)))));
}

type Link = 'synonym' | 'derivation' | 'pertainym' | 'similar' | 'hypernym';
type Setting = Partial<Record<Link, readonly [rank: number, credit: number]>> & { listed?: number };

/** Every combination of one setting per group: each link's sense-rank limit (0 = off) and credit. */
function combine(groups: readonly (readonly Setting[])[]): { label: string; tuning: Tuning }[] {
  let settings: Setting[] = [{}];
  for (const group of groups) settings = settings.flatMap((s) => group.map((g) => ({ ...s, ...g })));
  return settings.map((setting) => {
    const tuning = structuredClone(ORIGINAL);
    const label: string[] = [];
    const { listed, ...links } = setting;
    if (listed !== undefined) {
      tuning.expansion.credit.listed = listed;
      label.push(`listed@${listed}`);
    }
    for (const [link, [rank, credit]] of Object.entries(links) as [Link, readonly [number, number]][]) {
      tuning.expansion.maxRank[link] = rank;
      tuning.expansion.credit[link] = credit;
      label.push(`${link.slice(0, 3)}${rank}${rank > 0 ? `@${credit}` : ''}`);
    }
    return { label: label.join(' '), tuning };
  });
}

const GRIDS = {
  /** Which links to use and through how rare a sense, at one credit. */
  ranks: combine([
    [0, 1, 2].map((r) => ({ synonym: [r, 0.7] as const })),
    [0, 1, 3].map((r) => ({ derivation: [r, 0.7] as const })),
    [0, 3].map((r) => ({ pertainym: [r, 0.7] as const })),
    [0, 1].map((r) => ({ similar: [r, 0.7] as const })),
    [0, 1].map((r) => ({ hypernym: [r, 0.7] as const })),
  ]),
  /** How much each link is worth, around the best limits of the first grid. */
  credits: combine([
    [
      { synonym: [0, 0.7] as const },
      ...[1, 2].flatMap((r) => [0.4, 0.55, 0.7].map((c) => ({ synonym: [r, c] as const }))),
    ],
    [{ derivation: [1, 0.7] as const }, { derivation: [1, 0.9] as const }, { derivation: [3, 0.9] as const }],
    [{ pertainym: [3, 0.7] as const }, { pertainym: [3, 0.9] as const }],
    [{ similar: [0, 0.7] as const }, { similar: [1, 0.7] as const }],
    [{ hypernym: [0, 0.7] as const }],
  ]),
  /** Whether the hand-listed groups earn their place, with and without WordNet synonyms. */
  listed: combine([
    [{ listed: 0 }, { listed: 0.7 }],
    [{ synonym: [0, 0.7] as const }, { synonym: [1, 0.55] as const }],
    [{ derivation: [1, 0.7] as const }],
    [{ pertainym: [3, 0.7] as const }],
    [{ similar: [1, 0.7] as const }],
    [{ hypernym: [0, 0.7] as const }],
  ]),
};

const pct = (x: number): string => (100 * x).toFixed(1);
const GRID = GRIDS[(process.argv[3] ?? 'ranks') as keyof typeof GRIDS];
const results = GRID.map((g, i) => {
  const metrics = run(g.tuning);
  process.stderr.write(
    `${i + 1}/${GRID.length} ${g.label}: ${metrics.map((m) => pct(score(m))).join(' ')}\n`,
  );
  return { ...g, metrics };
});
const current = run(ORIGINAL);
process.stdout.write(
  `current LEXICON_TUNING: ${sets.map((s, i) => `${s.name} ${pct(current[i]!.answer_correct)}/${pct(current[i]!.abstain_correct)}`).join('  ')}\n`,
);
process.stdout.write(
  'held-out set | chosen on the other five | train score | held-out answer_correct / abstain_correct (score)\n',
);
for (let k = 0; k < sets.length; k++) {
  const trainScore = (m: Metrics[]): number =>
    m.reduce((s, x, i) => (i === k ? s : s + score(x)), 0) / (sets.length - 1);
  const best = results.reduce((a, b) => (trainScore(b.metrics) > trainScore(a.metrics) ? b : a));
  const held = best.metrics[k]!;
  process.stdout.write(
    `${sets[k]!.name} | ${best.label} | ${pct(trainScore(best.metrics))} | ${pct(held.answer_correct)} / ${pct(held.abstain_correct)} (${pct(score(held))}); current ${pct(score(current[k]!))}\n`,
  );
}
const overall = results.reduce((a, b) => {
  const mean = (m: Metrics[]): number => m.reduce((s, x) => s + score(x), 0) / m.length;
  return mean(b.metrics) > mean(a.metrics) ? b : a;
});
process.stdout.write(`best on all six: ${overall.label}\n`);
