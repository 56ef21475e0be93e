import { eng as ENGLISH_STOP_WORDS } from 'stopword';
import type { WordNet } from './wordnet.js';

/**
 * Benchmark questions made from the corpus itself, so recall can be checked: each comes from one
 * sentence (its source) and an engine found it when it returns that sentence. Three kinds per source:
 *
 * - `verbatim`: a question word fitting the sentence, then a run of its words holding 3–5 content words,
 *   as written ("When the Congress declared war upon Germany?");
 * - `typo`: the same with one edit (a swap, a dropped, doubled or changed letter) in one content word;
 * - `paraphrase`: the same with about half the content words (at least one) replaced by a WordNet
 *   synonym of their most frequent sense.
 *
 * Content words are judged with the `stopword` package's English list, not Casefile's own stop words,
 * so the questions do not lean on what the answerer already ignores.
 */
export type QuestionKind = 'verbatim' | 'typo' | 'paraphrase';
export const QUESTION_KINDS: readonly QuestionKind[] = ['verbatim', 'typo', 'paraphrase'];

export interface BenchQuestion {
  readonly kind: QuestionKind;
  readonly question: string;
  /** Passage number of the source sentence in the loaded knowledge base. */
  readonly source: number;
}

const STOP = new Set(ENGLISH_STOP_WORDS.map((w) => w.toLowerCase()));

/** Deterministic pseudo-random numbers (mulberry32): the same corpus always yields the same questions. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const bare = (w: string): string => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
const isContent = (w: string): boolean => w.length >= 3 && /\p{L}/u.test(w) && !STOP.has(w.toLowerCase());

const MONTH = /^(January|February|March|April|May|June|July|August|September|October|November|December)$/;
const TIME_UNIT = /^(years?|months?|weeks?|days?|hours?|minutes?|seconds?)$/i;
const CURRENCY = /^(dollars?|pounds?|euros?|cents?)$/i;
/** A figure as written: "35", "1,200", "3.5", "90%", "$12" (not an ordinal such as "11th"). */
const FIGURE = /^[$€£]?\d[\d,.]*%?$/;

/**
 * The question word a person would use for something the sentence says besides the run the question
 * repeats: a year or a day of a month ("When"), a figure of time ("How long"), of money ("How much"),
 * any other figure ("How many"), a capitalised word after the first ("Who"), else "What". Judged by these
 * patterns of English alone, never by Casefile's tagger, and the same question goes to every engine. A
 * question that already holds what it asks for ("When … opened in 1830 …?" of a sentence whose only
 * year is 1830) asks for nothing the sentence adds, so a reader, or an engine that checks the asked
 * type, is right to look elsewhere: such a question would measure the bench rather than the engine.
 */
export function questionWord(words: readonly string[], from: number, to: number): string {
  const outside = words.flatMap((w, k) => (k < from || k > to ? [{ raw: w, word: bare(w), k }] : []));
  const after = (k: number): string => bare(words[k + 1] ?? '');
  const before = (k: number): string => bare(words[k - 1] ?? '');
  const figures = outside.filter((w) => FIGURE.test(w.raw.replace(/[,;:.)]+$/, '')));
  const isDay = (k: number): boolean => MONTH.test(before(k)) || MONTH.test(after(k));
  if (figures.some((w) => /^(1\d{3}|20\d{2})$/.test(w.word) || isDay(w.k))) return 'When';
  if (figures.some((w) => TIME_UNIT.test(after(w.k)))) return 'How long';
  if (figures.some((w) => /^[$€£]/.test(w.raw) || CURRENCY.test(after(w.k)))) return 'How much';
  if (figures.length > 0) return 'How many';
  return outside.some((w) => w.k > 0 && /^\p{Lu}\p{Ll}+$/u.test(w.word)) ? 'Who' : 'What';
}

/** One edit a typist makes, never at the first letter (people rarely get that wrong). */
export function addTypo(word: string, next: () => number): string {
  const at = 1 + Math.floor(next() * (word.length - 1));
  const letter = 'etaoinshrdlu'[Math.floor(next() * 12)]!;
  switch (Math.floor(next() * 4)) {
    case 0:
      return at + 1 < word.length
        ? word.slice(0, at) + word.charAt(at + 1) + word.charAt(at) + word.slice(at + 2)
        : word.slice(0, at);
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    case 2:
      return word.slice(0, at) + word.charAt(at) + word.slice(at);
    default: {
      const other = letter === word[at] ? 'y' : letter;
      return word.slice(0, at) + other + word.slice(at + 1);
    }
  }
}

export interface Source {
  readonly text: string;
}

/**
 * `count` sources picked at random among sentences with at least four content words, each giving one
 * question of every kind (a source with no WordNet synonym gives no paraphrase; another source is drawn
 * until `count` paraphrases exist), so all kinds have the same number of questions.
 */
export function generateQuestions(
  passages: readonly Source[],
  count: number,
  wordnet: WordNet,
  seed = 1,
): BenchQuestion[] {
  const next = random(seed);
  const out: BenchQuestion[] = [];
  let made = 0;
  for (let tries = 0; made < count && tries < count * 200; tries++) {
    const source = Math.floor(next() * passages.length);
    const words = passages[source]!.text.split(/\s+/).filter((w) => bare(w) !== '');
    const content = words.map((w, k) => (isContent(bare(w)) ? k : -1)).filter((k) => k >= 0);
    if (content.length < 4) continue;
    const take = Math.min(content.length, 3 + Math.floor(next() * 3));
    const first = Math.floor(next() * (content.length - take + 1));
    const picked = content.slice(first, first + take);
    const run = words.slice(picked[0], picked.at(-1)! + 1).map(bare);
    const contentAt = picked.map((k) => k - picked[0]!);
    const wh = questionWord(words, picked[0]!, picked.at(-1)!);

    const synonyms = contentAt.map((k) => wordnet.synonym(run[k]!));
    const replaceable = contentAt.filter((_, j) => synonyms[j] !== undefined);
    if (replaceable.length === 0) continue;
    const paraphrased = [...run];
    const chosen = replaceable.filter(() => next() < 0.5);
    for (const k of chosen.length > 0 ? chosen : [replaceable[Math.floor(next() * replaceable.length)]!]) {
      paraphrased[k] = synonyms[contentAt.indexOf(k)]!;
    }
    const long = contentAt.filter((k) => run[k]!.length >= 5);
    const typoAt = long.length > 0 ? long[Math.floor(next() * long.length)]! : contentAt[0]!;
    const typoed = [...run];
    typoed[typoAt] = addTypo(run[typoAt]!, next);

    const ask = (ws: readonly string[]): string => `${wh} ${ws.join(' ')}?`;
    out.push(
      { kind: 'verbatim', question: ask(run), source },
      { kind: 'typo', question: ask(typoed), source },
      { kind: 'paraphrase', question: ask(paraphrased), source },
    );
    made++;
  }
  return out;
}
