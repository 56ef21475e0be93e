import type { SearchIndex } from '../search/build-index.js';
import type { Concept } from './concepts.js';
import { widenForRecall } from './recall-forms.js';

export interface Candidate {
  /** Passage number in the knowledge base. */
  readonly i: number;
  /** BM25 of the question's forms in the sentence (synonyms and corrections at their credit). */
  readonly score: number;
}

/**
 * The first stage's tuning, in one place. Every figure was chosen with `npm run bench` (recall of the
 * source sentence on verbatim, typo and paraphrased questions, and p99 latency on the two large bases).
 */
export const FIRST_STAGE = {
  /** Sentences handed to the reranker. */
  candidates: 40,
  /**
   * Most postings read per question. Concepts are read rarest first, so only a question made of
   * frequent words ("what did the state say about war") reaches it; the concepts left unread are still
   * credited on every candidate, so a sentence holding them is not lost, only not found through them.
   */
  postingsBudget: 60_000,
  /** Most candidates whose unread concepts are checked (by looking at their terms), best partial scores first. */
  completionPool: 2_000,
  /**
   * Checking one candidate's terms costs about as much as reading this many postings: reading stops
   * early only when checking the candidates that can still make the top is cheaper than reading on.
   */
  completionCost: 16,
  /** Of the candidates, how many may be the best by plain BM25 rather than by concept weight. */
  bm25Places: 10,
  /**
   * WordNet synonyms of each question word (senses of rank 1–2, two a word, half credit), read here but
   * not by the reranker: they bring a sentence that says the question in other words to it. On the
   * bench's paraphrases the source sentence was among the candidates for 88% of State of the Union
   * questions and 83% on the large base instead of 80% and 71%, verbatim and typo unchanged, and the
   * eval's answers did not fall. (The bench paraphrases with WordNet synonyms too, so its figure
   * flatters this: a user's other words need not be WordNet's.)
   */
  synonyms: { maxRank: 2, credit: 0.5, maxTerms: 2 },
  /** BM25 parameters, MiniSearch's defaults. */
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
} as const;

/**
 * Per-index working memory, reused by every question: a question touches a few thousand sentences at
 * most, and clearing arrays the size of the archive for each would cost more than the search. Entries
 * are valid only where `mark` holds the current question's number. Answering is synchronous, so one
 * set per index is never shared by two questions at once.
 */
interface Scratch {
  question: number;
  /**
   * Per sentence, side by side so one posting touches one cache line: MARK the question that last
   * touched it, HELD the concept weight found so far (the reranker's coverage before dividing by the
   * total), BM25, BY which concept last credited it (two forms of one concept count once), LEN its
   * number of distinct terms (BM25's length, as MiniSearch counts it), COUNT the concepts read in it.
   */
  readonly slots: Float64Array;
  readonly averageLength: number;
}

const SLOTS = 6;
const MARK = 0;
const HELD = 1;
const BM25 = 2;
const BY = 3;
const LEN = 4;
const COUNT = 5;

const scratches = new WeakMap<SearchIndex, Scratch>();

function scratchOf(index: SearchIndex): Scratch {
  let s = scratches.get(index);
  if (!s) {
    const n = index.passageCount;
    const slots = new Float64Array(n * SLOTS);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const length = index.distinctTerms(i);
      slots[i * SLOTS + LEN] = length;
      total += length;
    }
    s = { question: 0, slots, averageLength: n > 0 ? total / n : 1 };
    scratches.set(index, s);
  }
  return s;
}

interface Step {
  readonly concept: number;
  readonly weight: number;
  /** Forms the index knows, best credit first. */
  readonly forms: readonly (readonly [form: string, credit: number])[];
  readonly postings: number;
}

/** The k-th largest of `score` over `ids` (k ≥ 1), or -Infinity when there are fewer: quickselect, O(n). */
function kthLargest(ids: readonly number[], score: (i: number) => number, k: number): number {
  if (ids.length < k) return -Infinity;
  const v = new Float64Array(ids.length);
  for (let j = 0; j < ids.length; j++) v[j] = score(ids[j]!);
  let lo = 0;
  let hi = v.length - 1;
  const want = k - 1; // position in descending order
  while (lo < hi) {
    const pivot = v[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (v[i]! > pivot) i++;
      while (v[j]! < pivot) j--;
      if (i <= j) {
        const t = v[i]!;
        v[i] = v[j]!;
        v[j] = t;
        i++;
        j--;
      }
    }
    if (want <= j) hi = j;
    else if (want >= i) lo = i;
    else break;
  }
  return v[want]!;
}

/** The `k` ids with the largest scores, best first, ties by id: a threshold first, so only a few are sorted. */
function topBy(ids: readonly number[], score: (i: number) => number, k: number): number[] {
  if (ids.length <= k) return [...ids].sort((x, y) => score(y) - score(x) || x - y);
  const threshold = kthLargest(ids, score, k);
  return ids
    .filter((i) => score(i) >= threshold)
    .sort((x, y) => score(y) - score(x) || x - y)
    .slice(0, k);
}

/**
 * First stage: the sentences holding most of the question's concepts (rarity-weighted, synonyms and
 * corrections at their credit), BM25 breaking ties; the same measure the reranker's coverage uses, so
 * what it would rank first is not dropped here, widened by WordNet synonyms (`FIRST_STAGE.synonyms`) so
 * a sentence saying the question in other words reaches the reranker too.
 *
 * How it stays fast on a large archive (term-at-a-time MaxScore over MiniSearch's postings):
 * concepts are read rarest first, adding each one's weight to the sentences that hold it. Once the
 * `candidates`-th best sentence already holds more weight than all unread concepts together (plus the
 * largest possible tie-break), no unseen sentence can enter the top and reading stops. Unread concepts
 * are then credited on the best partial candidates by looking at their own terms. A postings budget
 * bounds the worst case (a question of only frequent words).
 */
export function retrieveCandidates(
  index: SearchIndex,
  questionConcepts: readonly Concept[],
  questionForms: ReadonlyMap<string, number>,
): Candidate[] {
  const { df } = index.vocabulary;
  const { concepts, conceptOf } = widenForRecall(questionConcepts, questionForms, df, FIRST_STAGE.synonyms);
  const steps: Step[] = [];
  concepts.forEach((c, concept) => {
    const forms = [...c.forms]
      .filter(([form]) => df.has(form) && conceptOf.get(form) === concept)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    if (forms.length === 0) return;
    steps.push({ concept, weight: c.weight, forms, postings: forms.reduce((n, [f]) => n + df.get(f)!, 0) });
  });
  if (steps.length === 0) return [];
  steps.sort((a, b) => a.postings - b.postings || a.concept - b.concept);

  const s = scratchOf(index);
  const q = ++s.question;
  const postings = index.postings();
  const { k, b, d } = FIRST_STAGE.bm25;
  const n = index.passageCount;
  const K = FIRST_STAGE.candidates;
  const touched: number[] = [];
  const done = new Uint8Array(concepts.length);
  let unread = steps.reduce((sum, st) => sum + st.weight, 0);
  let unreadPostings = steps.reduce((sum, st) => sum + st.postings, 0);
  let readWeight = 0;
  let read = 0;
  // The least score a sentence needs to make the top, once reading stops early; -Infinity if it did not.
  let threshold = -Infinity;

  for (const step of steps) {
    if (read > 0 && read + step.postings > FIRST_STAGE.postingsBudget) continue;
    // MaxScore: a sentence not seen yet holds at most the unread weight, plus 1 for the tie-break. When
    // the K-th best already beats that, the rest need not be read, only credited on the sentences that
    // can still make the top; that is done only when it costs less than reading on.
    if (touched.length >= K && readWeight > unread + 1) {
      const kth = kthLargest(touched, (i) => s.slots[i * SLOTS + HELD]!, K);
      if (kth > unread + 1) {
        let eligible = 0;
        for (const i of touched) if (s.slots[i * SLOTS + HELD]! + unread + 1 >= kth) eligible++;
        if (eligible * FIRST_STAGE.completionCost < unreadPostings) {
          threshold = kth;
          break;
        }
      }
    }
    const stamp = q * 64 + (step.concept % 64);
    for (const [form, credit] of step.forms) {
      const f = df.get(form)!;
      const idf = Math.log(1 + (n - f + 0.5) / (f + 0.5));
      postings.forEach(form, (i, tf) => {
        if (s.slots[i * SLOTS + MARK] !== q) {
          s.slots[i * SLOTS + MARK] = q;
          s.slots[i * SLOTS + HELD] = 0;
          s.slots[i * SLOTS + BM25] = 0;
          s.slots[i * SLOTS + BY] = -1;
          s.slots[i * SLOTS + COUNT] = 0;
          touched.push(i);
        }
        if (s.slots[i * SLOTS + BY] === stamp) return;
        s.slots[i * SLOTS + BY] = stamp;
        s.slots[i * SLOTS + COUNT] = s.slots[i * SLOTS + COUNT]! + 1;
        s.slots[i * SLOTS + HELD] = s.slots[i * SLOTS + HELD]! + step.weight * credit;
        const norm = 1 - b + (b * s.slots[i * SLOTS + LEN]!) / s.averageLength;
        s.slots[i * SLOTS + BM25] =
          s.slots[i * SLOTS + BM25]! + credit * idf * (d + (tf * (k + 1)) / (tf + k * norm));
      });
    }
    read += step.postings;
    unread -= step.weight;
    unreadPostings -= step.postings;
    readWeight += step.weight;
    done[step.concept] = 1;
  }

  // Credit the concepts left unread (stopped early, or over budget) on the sentences that can still
  // make the top, by looking at their own terms.
  let pool = touched;
  if (unreadPostings > 0) {
    if (threshold > -Infinity)
      pool = touched.filter((i) => s.slots[i * SLOTS + HELD]! + unread + 1 >= threshold);
    if (pool.length > FIRST_STAGE.completionPool)
      pool = topBy(pool, (i) => s.slots[i * SLOTS + HELD]!, FIRST_STAGE.completionPool);
    const credit = new Float64Array(concepts.length);
    for (const i of pool) {
      credit.fill(0);
      for (const t of index.terms(i)) {
        const c = conceptOf.get(t);
        if (c === undefined || done[c] === 1) continue;
        credit[c] = Math.max(credit[c]!, concepts[c]!.forms.get(t)!);
      }
      for (let c = 0; c < concepts.length; c++) {
        if (credit[c]! > 0)
          s.slots[i * SLOTS + HELD] = s.slots[i * SLOTS + HELD]! + concepts[c]!.weight * credit[c]!;
      }
    }
  }

  let top = 0;
  for (const i of pool) top = Math.max(top, s.slots[i * SLOTS + BM25]!);
  const rank = (i: number): number =>
    s.slots[i * SLOTS + HELD]! + (top > 0 ? s.slots[i * SLOTS + BM25]! / top : 0);
  // A few places go to the best by plain BM25 times the concepts matched (MiniSearch's own ranking):
  // a short sentence repeating one word of the question can be what was meant, though it holds less
  // of the question's weight than longer ones.
  const byWeight = topBy(pool, rank, K);
  const byBm25 = topBy(
    touched,
    (i) => s.slots[i * SLOTS + BM25]! * s.slots[i * SLOTS + COUNT]!,
    FIRST_STAGE.bm25Places,
  );
  const chosen = new Set(byWeight.slice(0, K - FIRST_STAGE.bm25Places));
  for (const i of [...byBm25, ...byWeight]) if (chosen.size < K) chosen.add(i);
  return [...chosen].map((i) => ({ i, score: s.slots[i * SLOTS + BM25]! }));
}
