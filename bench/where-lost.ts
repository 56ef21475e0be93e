/**
 * Where Casefile loses the source sentence of the bench's questions: for every question kind, how many
 * sources it cites, and of the rest, whether it abstained (with the source among the first two closest
 * passages it shows, or not), whether the source was not among the first stage's candidates, or whether
 * it ranked below the sentence cited instead (and whether the source then held an answer of the asked
 * type, and whether the cited sentence holds the verbatim question's run of words too). Last, how often
 * the source is among the first two of the answerer's ranking, as a baseline shows its top two.
 *
 *   node --max-old-space-size=6000 --import tsx bench/where-lost.ts --kb DIR --questions FILE [--ablate a,b]
 *
 * The question file is one `npm run bench` wrote (`.cache/bench/questions/NAME.json`) for that base.
 * `--ablate` switches answerer steps off as `npm run eval -- --ablate` does, to see which of them a
 * source is lost to.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { answer, buildIndex, loadKnowledgeBase, type Ablation, type Check } from '../src/core/index.js';
import { SHOWN } from './engines.js';
import type { BenchQuestion } from './questions.js';

const { values } = parseArgs({
  options: { kb: { type: 'string' }, questions: { type: 'string' }, ablate: { type: 'string' } },
});
const ablate = new Set((values.ablate?.split(',') ?? []) as Ablation[]);
if (!values.kb || !values.questions) throw new Error('usage: where-lost --kb DIR --questions FILE');
const questions = JSON.parse(await readFile(values.questions, 'utf8')) as BenchQuestion[];
const loaded = await loadKnowledgeBase(values.kb);
if (!loaded.ok) throw new Error(`${values.kb}: ${loaded.error[0]?.message ?? 'cannot load'}`);
const kb = loaded.value;
const index = buildIndex(kb);
const number = new Map(kb.passages.map((p, i) => [p.id, i]));
const words = (s: string): string =>
  ` ${s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;

const tally = new Map<string, Map<string, number>>();
/** Per kind, how often the source is among the ranking's first two, shown or not (a baseline shows its top two). */
const rankedTwo = new Map<string, number>();
for (const q of questions) {
  const isSource = (i: number): boolean =>
    i === q.source || kb.passages[i]!.text === kb.passages[q.source]!.text;
  let ranked: readonly Check[] = [];
  const a = answer(index, q.question, {
    ablate,
    onRanked: (part, r) => (part === 0 ? (ranked = r) : undefined),
  });
  const shown = (a.answered ? a.citations : a.related).slice(0, SHOWN).map((c) => number.get(c.passageId)!);
  const source = ranked.find((c) => isSource(c.i));
  if (ranked.slice(0, SHOWN).some((c) => isSource(c.i)))
    rankedTwo.set(q.kind, (rankedTwo.get(q.kind) ?? 0) + 1);
  let where: string;
  if (a.answered && shown.some(isSource)) where = 'cited';
  else if (!a.answered) {
    where = shown.some(isSource)
      ? 'abstained, source among the closest passages shown'
      : source
        ? 'abstained, source not shown'
        : 'abstained, source not a candidate';
  } else if (!source) where = 'not a candidate';
  else {
    const run = words(q.question.replace(/^(How \w+|\w+) /, '').replace(/\?$/, ''));
    const tie = q.kind === 'verbatim' && shown.some((i) => words(kb.passages[i]!.text).includes(run));
    where = `ranked below the cited sentence${source.typed ? '' : ', source without an answer of the asked type'}${tie ? ', cited sentence holds the run too' : ''}`;
  }
  const kind = tally.get(q.kind) ?? new Map<string, number>();
  kind.set(where, (kind.get(where) ?? 0) + 1);
  tally.set(q.kind, kind);
}
for (const [kind, counts] of tally) {
  process.stdout.write(`${kind}\n`);
  for (const [where, n] of [...counts].sort((x, y) => y[1] - x[1]))
    process.stdout.write(`  ${n}\t${where}\n`);
  process.stdout.write(
    `  (${rankedTwo.get(kind) ?? 0}\tsource among the ranking's first two, shown or not)\n`,
  );
}
