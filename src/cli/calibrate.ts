import { readFile } from 'node:fs/promises';
import {
  type Ablation,
  answer,
  calibrate,
  CONFIDENCE_SIGNS,
  type CandidateGroup,
  type Check,
  computeMetrics,
  type ConfidenceModel,
  type Decision,
  type EvalQuestion,
  FEATURE_SIGNS,
  featuresOf,
  fitRanking,
  judge,
  type LinearModel,
  type Metrics,
  parseQuestionFile,
  type Sample,
  type SearchIndex,
  TUNING,
} from '../core/index.js';
import { findEvalSets, type EvalSet } from './dev-sets.js';
import { loadIndexOrReport } from './load-index.js';

export interface LoadedSet {
  readonly set: EvalSet;
  readonly index: SearchIndex;
  readonly questions: readonly EvalQuestion[];
}

export async function loadSets(
  root: string,
  defaultKb: string,
  maxFileBytes: number,
): Promise<LoadedSet[] | undefined> {
  const out: LoadedSet[] = [];
  for (const set of await findEvalSets(root, defaultKb)) {
    const index = await loadIndexOrReport({ dir: set.kb, maxFileBytes });
    if (!index) return undefined;
    out.push({
      set,
      index,
      questions: parseQuestionFile(await readFile(set.questions, 'utf8'), set.questions).questions,
    });
  }
  return out;
}

interface Collected {
  /** Every candidate of every one-part answerable question: does the sentence hold the answer? */
  readonly rankGroups: CandidateGroup[];
  readonly samples: Sample[];
  readonly decisions: Decision[];
}

/** Answers with every verified sentence let through, recording what the models are fitted on. */
function collect(sets: readonly LoadedSet[], ablate: ReadonlySet<Ablation>, rank?: LinearModel): Collected {
  const open: ConfidenceModel = { bias: 0, weights: [], threshold: 0 };
  const rankGroups: CandidateGroup[] = [];
  const samples: Sample[] = [];
  const decisions: Decision[] = [];
  for (const { set, index, questions } of sets) {
    for (const q of questions) {
      const bests: { x: number[]; i: number }[] = [];
      let parts = 0;
      const ranked: Check[] = [];
      const a = answer(index, q.q, {
        ablate,
        model: open,
        ...(rank ? { rank } : {}),
        onRanked: (_, all) => {
          parts++;
          ranked.push(...all);
        },
        onCheck: (_, best, passed) => {
          if (passed && best) bests.push({ x: featuresOf(best), i: best.i });
        },
      });
      const holds = (i: number): boolean =>
        !q.impossible && judge(q, { ...a, answered: true, text: index.passage(i).text }).correct;
      if (parts === 1 && !q.impossible && ranked.some((c) => holds(c.i))) {
        rankGroups.push({
          set: set.name,
          x: ranked.map((c) => c.features),
          y: ranked.map((c) => (holds(c.i) ? 1 : 0)),
        });
      }
      const [best] = bests;
      if (bests.length === 1 && best && a.answered) {
        samples.push({ set: set.name, x: best.x, y: holds(best.i) ? 1 : 0 });
      }
      decisions.push({
        set: set.name,
        impossible: q.impossible === true,
        ...(bests[0] ? { x: bests[0].x } : {}),
        right: judge(q, a).correct,
      });
    }
  }
  return { rankGroups, samples, decisions };
}

interface Models {
  readonly rank: LinearModel;
  readonly model: ConfidenceModel;
}

/** Fits the ranking model on the candidates, then the confidence model on the best sentences it picks. */
function fitModels(
  sets: readonly LoadedSet[],
  ablate: ReadonlySet<Ablation>,
  first: Collected,
  leaveOut?: string,
): Models {
  const keep = (s: { set: string }): boolean => s.set !== leaveOut;
  const rank = fitRanking(first.rankGroups.filter(keep), FEATURE_SIGNS);
  const again = collect(
    sets.filter((s) => s.set.name !== leaveOut),
    ablate,
    rank,
  );
  return {
    rank,
    model: calibrate(again.samples, again.decisions, TUNING.lostAnswersBudget, CONFIDENCE_SIGNS),
  };
}

const run = (loaded: LoadedSet, m: Models, ablate: ReadonlySet<Ablation>): Metrics =>
  computeMetrics(loaded.questions.map((q) => judge(q, answer(loaded.index, q.q, { ...m, ablate }))));

export interface CrossValidated {
  /** Fitted on all sets, measured on each. */
  readonly training: ReadonlyMap<string, Metrics>;
  /** Each set measured with the models fitted on the others. */
  readonly heldOut: ReadonlyMap<string, Metrics>;
  readonly models: Models;
  /** The models fitted without each set. */
  readonly folds: ReadonlyMap<string, Models>;
}

/** Leave one set out: fit on the rest, measure on it; then fit on all for the shipped models. */
export function crossValidate(
  sets: readonly LoadedSet[],
  ablate: ReadonlySet<Ablation> = new Set(),
): CrossValidated {
  const first = collect(sets, ablate);
  const models = fitModels(sets, ablate, first);
  const training = new Map<string, Metrics>();
  const heldOut = new Map<string, Metrics>();
  const folds = new Map<string, Models>();
  for (const loaded of sets) {
    const name = loaded.set.name;
    training.set(name, run(loaded, models, ablate));
    const fold = fitModels(sets, ablate, first, name);
    folds.set(name, fold);
    heldOut.set(name, run(loaded, fold, ablate));
  }
  return { training, heldOut, models, folds };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

export function metricsTable(cv: CrossValidated): string {
  const rows = [...cv.training].flatMap(([name, t]) => {
    const h = cv.heldOut.get(name);
    if (!h) return [];
    return `| ${name} | ${pct(t.answer_correct)} / ${pct(h.answer_correct)} | ${pct(t.cited_correct)} / ${pct(h.cited_correct)} | ${pct(t.false_abstain)} / ${pct(h.false_abstain)} | ${pct(t.abstain_correct)} / ${pct(h.abstain_correct)} | ${t.mean_answer_chars.toFixed(0)} / ${h.mean_answer_chars.toFixed(0)} |`;
  });
  const mean = (m: ReadonlyMap<string, Metrics>, f: (x: Metrics) => number): string =>
    pct([...m.values()].reduce((sum, x) => sum + f(x), 0) / Math.max(1, m.size));
  const balanced = (x: Metrics): number => (x.answer_correct + x.abstain_correct) / 2;
  rows.push(
    `| mean of sets | ${mean(cv.training, (x) => x.answer_correct)} / ${mean(cv.heldOut, (x) => x.answer_correct)} | | ${mean(cv.training, (x) => x.false_abstain)} / ${mean(cv.heldOut, (x) => x.false_abstain)} | ${mean(cv.training, (x) => x.abstain_correct)} / ${mean(cv.heldOut, (x) => x.abstain_correct)} | balanced ${mean(cv.training, balanced)} / ${mean(cv.heldOut, balanced)} |`,
  );
  return [
    '| set (training / held out) | answer_correct | cited_correct | false_abstain | abstain_correct | mean chars |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** `eval --calibrate DIR`: fits the confidence model, prints it (for `tuning.ts`) and the figures. */
export async function runCalibrate(root: string, defaultKb: string, maxFileBytes: number): Promise<number> {
  const sets = await loadSets(root, defaultKb, maxFileBytes);
  if (!sets) return 2;
  const cv = crossValidate(sets);
  process.stdout.write(`${metricsTable(cv)}\n\nfitted on all sets: ${JSON.stringify(cv.models)}\n`);
  process.stdout.write(`shipped: ${JSON.stringify({ rank: TUNING.rank, model: TUNING.confidence })}\n`);
  for (const [name, fold] of cv.folds)
    process.stdout.write(`without ${name}: threshold ${fold.model.threshold}\n`);
  return 0;
}

const ABLATIONS: readonly Ablation[] = [
  'tags',
  'typed-check',
  'focus-check',
  'event-check',
  'negation',
  'implicit-subject',
  'parts',
  'runner-up',
  'disagreement',
  'quoted-run',
];

/**
 * Held-out answer_correct and abstain_correct of one set from recorded decisions: each question is
 * answered when the fold's model gives its best sentence at least the fold's threshold, and is then right
 * as recorded. Used by the ablation, which would otherwise re-answer every set once per fold and step.
 */
function simulate(
  decisions: readonly Decision[],
  model: ConfidenceModel,
): { answerCorrect: number; abstainCorrect: number } {
  const p = (x: readonly number[]): number =>
    1 / (1 + Math.exp(-x.reduce((z, v, k) => z + v * (model.weights[k] ?? 0), model.bias)));
  const answerable = decisions.filter((d) => !d.impossible);
  const impossible = decisions.filter((d) => d.impossible);
  const answered = (d: Decision): boolean => d.x !== undefined && p(d.x) >= model.threshold;
  return {
    answerCorrect: answerable.filter((d) => answered(d) && d.right).length / Math.max(1, answerable.length),
    abstainCorrect: impossible.filter((d) => !answered(d)).length / Math.max(1, impossible.length),
  };
}

/**
 * `eval --ablate DIR`: each step switched off in turn. The ranking model stays the shipped one; the
 * confidence model and threshold are fitted without the set they are measured on (leave one set out).
 */
export async function runAblate(root: string, defaultKb: string, maxFileBytes: number): Promise<number> {
  const sets = await loadSets(root, defaultKb, maxFileBytes);
  if (!sets) return 2;
  const names = sets.map((s) => s.set.name);
  const lines = [`| switched off | ${names.join(' | ')} |`, `|---|${names.map(() => '---').join('|')}|`];
  for (const step of [undefined, ...ABLATIONS]) {
    const ablate = new Set<Ablation>(step ? [step] : []);
    const { samples, decisions } = collect(sets, ablate, TUNING.rank);
    const cells = names.map((n) => {
      const fold = calibrate(
        samples.filter((s) => s.set !== n),
        decisions.filter((d) => d.set !== n),
        TUNING.lostAnswersBudget,
        CONFIDENCE_SIGNS,
      );
      const h = simulate(
        decisions.filter((d) => d.set === n),
        fold,
      );
      return `${pct(h.answerCorrect)} · ${pct(h.abstainCorrect)}`;
    });
    lines.push(`| ${step ?? 'nothing (as shipped)'} | ${cells.join(' | ')} |`);
    process.stderr.write(`${step ?? 'as shipped'}: done\n`);
  }
  process.stdout.write(
    `Held out (leave one set out): answer_correct · abstain_correct\n\n${lines.join('\n')}\n`,
  );
  return 0;
}
