import { TermInverter } from './invert-terms.js';
import { PackedTerms } from './packed-terms.js';

/** Document frequencies of every index term, for rarity weights and for spotting unknown words. */
export interface Vocabulary {
  readonly passageCount: number;
  readonly df: ReadonlyMap<string, number>;
  /**
   * The same terms, walked as a trie so a typo finds its near terms without scanning them all. Only
   * the keys and distances are read.
   */
  readonly tree: FuzzyTerms;
}

/** What typo correction asks of a term tree: MiniSearch's SearchableMap and PackedTerms both answer it. */
export interface FuzzyTerms {
  fuzzyGet(term: string, maxDistance: number): Map<string, [unknown, number]>;
}

/**
 * Counts are one number array beside the sorted terms, looked up by binary search (PackedTerms): a
 * question looks up a few dozen terms, and a Map plus a radix tree of every term cost tens of MB on a
 * large base, and their building was a good part of a cached start.
 */
function packedVocabulary(parts: VocabularyParts): Vocabulary {
  const { terms, df } = parts;
  if (terms.length !== df.length) throw new Error('vocabulary: terms and counts differ in number');
  const packed = new PackedTerms(terms, (k) => df[k]!);
  // Typo correction's lookups read a by-length copy of the terms: made here, not in a question's time.
  packed.prepareFuzzy();
  const vocab = { passageCount: parts.passageCount, df: packed, tree: packed };
  partsOf.set(vocab, parts);
  return vocab;
}

// The arrays a packed vocabulary was made of: saving it again (a reload, a cache write) reuses them.
const partsOf = new WeakMap<Vocabulary, VocabularyParts>();

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The vocabulary of some term lists, counted as an index build counts it (`TermInverter`). */
export function buildVocabulary(termLists: Iterable<readonly string[]>): Vocabulary {
  const inverter = new TermInverter('text');
  for (const terms of termLists) inverter.add(terms);
  return packedVocabulary(inverter.finish().vocab);
}

/** A vocabulary as plain data, for the index cache: stored, so a cached start does not count terms again. */
export interface VocabularyParts {
  readonly passageCount: number;
  /** Sorted by code unit, so a load looks terms up by binary search (see PackedTerms). */
  readonly terms: readonly string[];
  readonly df: Uint32Array;
}

export function vocabularyParts(vocab: Vocabulary): VocabularyParts {
  const saved = partsOf.get(vocab);
  if (saved) return saved;
  const { df } = vocab;
  const terms = [...df.keys()].sort(byCodeUnit);
  return { passageCount: vocab.passageCount, terms, df: Uint32Array.from(terms, (t) => df.get(t)!) };
}

export function vocabularyFromParts(parts: VocabularyParts): Vocabulary {
  return packedVocabulary(parts);
}

/** BM25's idf: a term in every passage weighs near 0, an unknown term the most. */
export function idf(vocab: Vocabulary, term: string): number {
  const n = vocab.df.get(term) ?? 0;
  return Math.log(1 + (vocab.passageCount - n + 0.5) / (n + 0.5));
}

/**
 * The known terms closest to an unknown one (a likely typo), nearest first, most frequent on ties.
 * Short words are not corrected: at three letters almost everything is one edit from something.
 */
export function correctTerm(vocab: Vocabulary, term: string): string[] {
  if (term.length < 4 || /\d/.test(term)) return [];
  const max = term.length >= 8 ? 2 : 1;
  // The tree counts a swap of two neighbouring letters as two edits; typists make it as one.
  const swaps: string[] = [];
  for (let k = 0; k + 1 < term.length; k++) {
    const swapped = term.slice(0, k) + term.charAt(k + 1) + term.charAt(k) + term.slice(k + 2);
    if (swapped !== term && vocab.df.has(swapped)) swaps.push(swapped);
  }
  const found = new Map<string, number>();
  // Only the nearest are kept, so two edits are looked for only when one edit finds nothing: on a large
  // vocabulary the walk at distance 2 visits many times the terms the walk at distance 1 does.
  for (let d = 1; d <= max && found.size === 0 && (d === 1 || swaps.length === 0); d++) {
    for (const [known, [, distance]] of vocab.tree.fuzzyGet(term, d)) found.set(known, distance);
  }
  for (const swapped of swaps) found.set(swapped, 1);
  const ranked = [...found]
    .map(([known, distance]) => ({ known, distance, df: vocab.df.get(known) ?? 0 }))
    .sort((a, b) => a.distance - b.distance || b.df - a.df || (a.known < b.known ? -1 : 1));
  const nearest = ranked[0]?.distance;
  return ranked
    .filter((r) => r.distance === nearest)
    .slice(0, 3)
    .map((r) => r.known);
}
