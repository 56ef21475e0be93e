import { foldText, splitWords } from '../text/normalize.js';
import { STOP_WORDS } from '../text/stop-words.js';
import { termsOf } from '../text/terms.js';

/** What kind of thing would answer the question: the reranker looks for it in candidate sentences. */
/**
 * `named`: "which prison", "what court": a specific one of the named things, so the answer names it
 * ("the Madrid court"). `thing`: anything, no check.
 */
export type AnswerKind =
  'person' | 'place' | 'date' | 'number' | 'duration' | 'reason' | 'manner' | 'named' | 'thing';

export interface QuestionPart {
  readonly kind: AnswerKind;
  /** The term of the noun that named the kind ("country" in "what country"): the answer's type, not its topic. */
  readonly typeTerm?: string;
  /** Content terms of this part alone ("where" after "and" has none: it shares the first part's). */
  readonly terms: readonly string[];
}

export interface AnalysedQuestion {
  readonly parts: readonly QuestionPart[];
  readonly typeTerms: ReadonlySet<string>;
  /** Content terms of the whole question, in order, without repeats. */
  readonly terms: readonly string[];
}

const WH = new Set(['who', 'whom', 'whose', 'where', 'when', 'why', 'how', 'what', 'which']);

// Misspellings of question words seen in chat; a question word itself is never an index term.
const WH_TYPOS: Readonly<Record<string, string>> = {
  wat: 'what',
  wot: 'what',
  wht: 'what',
  whta: 'what',
  waht: 'what',
  wich: 'which',
  whic: 'which',
  wher: 'where',
  whre: 'where',
  whn: 'when',
  hw: 'how',
  whos: 'who',
  wen: 'when',
  y: 'why',
};

const KIND_OF_NOUN: ReadonlyArray<[RegExp, AnswerKind]> = [
  [/^(year|date|day|month|century|decade|time|era|period|season)s?$/, 'date'],
  [/^(term|sentence|duration|span|lifetime|tenure)s?$/, 'duration'],
  [
    /^(country|countries|city|cities|place|state|region|town|continent|location|area|island|river|nation|province|county|capital|site|building|street|port|sea|ocean|mountain)s?$/,
    'place',
  ],
  [
    /^(percentage|percent|number|amount|population|size|proportion|rate|price|cost|length|height|distance|total|fraction|score)s?$/,
    'number',
  ],
  [
    /^(person|man|woman|people|president|king|queen|leader|emperor|author|writer|founder|scientist|player|ruler|official|officer|agent|member|group|organi[sz]ation|company|agency|team|party|body|institution|court|university|government|individual|family|dynasty|tribe|ministry|department)s?$/,
    'person',
  ],
];

const CATEGORY_KINDS: ReadonlySet<AnswerKind> = new Set(['date', 'place', 'person']);

function kindOf(words: readonly string[], at: number): { kind: AnswerKind; typeWord?: string } {
  const wh = words[at];
  const next = words[at + 1] ?? '';
  switch (wh) {
    case 'who':
    case 'whom':
    case 'whose':
      return { kind: 'person' };
    case 'where':
      return { kind: 'place' };
    case 'when':
      return { kind: 'date' };
    case 'why':
      return { kind: 'reason' };
    case 'how':
      if (/^(many|much|far|big|large|tall|high|old|often|fast|long|wide|deep|heavy)$/.test(next)) {
        return { kind: next === 'long' ? 'duration' : 'number' };
      }
      return { kind: 'manner' };
    default: {
      // "what year", "which british organization": the first noun-like word after the question word names the kind.
      for (const w of words.slice(at + 1, at + 4)) {
        for (const [pattern, kind] of KIND_OF_NOUN) if (pattern.test(w)) return { kind, typeWord: w };
      }
      // "which prison" asks to pick out one; "what prison term" is as often a description, so only "which".
      if (wh === 'which' && next && !STOP_WORDS.has(next) && !/^\d/.test(next))
        return { kind: 'named', typeWord: next };
      return { kind: 'thing' };
    }
  }
}

/** Words that say how to ask ("how many", "mentioned", "describe") rather than what about. */
const ASKING_WORDS = new Set([
  'mention',
  'mentioned',
  'describe',
  'described',
  'explain',
  'list',
  'refer',
  'referred',
  'happen',
  'happened',
  'give',
  'tell',
  'me',
]);
const HOW_MODIFIERS = new Set(['many', 'much', 'long', 'often', 'far']);

function analysePart(words: readonly string[]): QuestionPart {
  const at = words.findIndex((w) => WH.has(w));
  const content = words.filter(
    (w, i) => !ASKING_WORDS.has(w) && !(i === at + 1 && words[at] === 'how' && HOW_MODIFIERS.has(w)),
  );
  const { kind, typeWord } = at < 0 ? { kind: 'thing' as const } : kindOf(words, at);
  const typeTerm = typeWord === undefined ? undefined : termsOf(typeWord)[0];
  return { kind, terms: termsOf(content.join(' ')), ...(typeTerm ? { typeTerm } : {}) };
}

/**
 * Reads the question's parts and their expected answer kinds. "who detained Levashov and where" has two
 * parts, a person and a place; a question word after "and" (or a comma) starts a new part.
 */
export function analyseQuestion(question: string): AnalysedQuestion {
  const words = splitWords(foldText(question)).map((w) => WH_TYPOS[w] ?? w);
  const parts: string[][] = [[]];
  words.forEach((w, i) => {
    const current = parts[parts.length - 1]!;
    if ((w === 'and' || w === 'or') && WH.has(words[i + 1] ?? '') && current.some((x) => WH.has(x))) {
      parts.push([]);
    } else current.push(w);
  });
  const analysed = parts.filter((p) => p.length > 0).map(analysePart);
  return {
    parts: analysed.length > 0 ? analysed : [{ kind: 'thing', terms: [] }],
    terms: [...new Set(analysed.flatMap((p) => p.terms))],
    // "country" in "what country" says what to look for, not what the question is about; "prison" in
    // "which prison" is both, so only category nouns are discounted.
    typeTerms: new Set(
      analysed.flatMap((p) => (p.typeTerm && CATEGORY_KINDS.has(p.kind) ? [p.typeTerm] : [])),
    ),
  };
}
