import { foldText, splitWords } from '../text/normalize.js';
import { termsOf } from '../text/terms.js';

/** What kind of thing would answer the question: the reranker looks for it in candidate sentences. */
export type AnswerKind = 'person' | 'place' | 'date' | 'number' | 'duration' | 'reason' | 'manner' | 'thing';

export interface QuestionPart {
  readonly kind: AnswerKind;
  /** Content terms of this part alone ("where" after "and" has none: it shares the first part's). */
  readonly terms: readonly string[];
}

export interface AnalysedQuestion {
  readonly parts: readonly QuestionPart[];
  /** Content terms of the whole question, in order, without repeats. */
  readonly terms: readonly string[];
}

const WH = new Set(['who', 'whom', 'whose', 'where', 'when', 'why', 'how', 'what', 'which']);

// Misspellings of question words seen in chat; a question word itself is never an index term.
const WH_TYPOS: Readonly<Record<string, string>> = {
  wat: 'what', wot: 'what', wht: 'what', whta: 'what', waht: 'what', wich: 'which', whic: 'which',
  wher: 'where', whre: 'where', whn: 'when', hw: 'how', whos: 'who', wen: 'when', y: 'why',
};

const KIND_OF_NOUN: ReadonlyArray<[RegExp, AnswerKind]> = [
  [/^(year|date|day|month|century|decade|time|era|period|age|season)s?$/, 'date'],
  [/^(country|countries|city|cities|place|state|region|town|continent|location|area|island|river|nation|province|county|capital|site|building|street|port|sea|ocean|mountain)s?$/, 'place'],
  [/^(percentage|percent|number|amount|population|size|proportion|rate|price|cost|length|height|distance|total|fraction|score)s?$/, 'number'],
  [/^(person|man|woman|people|president|king|queen|leader|emperor|author|writer|founder|scientist|player|ruler|official|officer|agent|member|group|organi[sz]ation|company|agency|team|party|body|institution|court|university|government|individual|family|dynasty|tribe|ministry|department)s?$/, 'person'],
];

function kindOf(words: readonly string[], at: number): AnswerKind {
  const wh = words[at];
  const next = words[at + 1] ?? '';
  switch (wh) {
    case 'who': case 'whom': case 'whose': return 'person';
    case 'where': return 'place';
    case 'when': return 'date';
    case 'why': return 'reason';
    case 'how':
      if (/^(many|much|far|big|large|tall|high|old|often|fast|long|wide|deep|heavy)$/.test(next)) {
        return next === 'long' ? 'duration' : 'number';
      }
      return 'manner';
    default: {
      // "what year", "which british organization": the first noun-like word after the question word names the kind.
      for (const w of words.slice(at + 1, at + 4)) {
        for (const [pattern, kind] of KIND_OF_NOUN) if (pattern.test(w)) return kind;
      }
      return 'thing';
    }
  }
}

/** Words that say how to ask ("how many", "mentioned", "describe") rather than what about. */
const ASKING_WORDS = new Set(['mention', 'mentioned', 'describe', 'described', 'explain', 'list', 'refer', 'referred', 'happen', 'happened', 'give', 'tell', 'me']);
const HOW_MODIFIERS = new Set(['many', 'much', 'long', 'often', 'far']);

function analysePart(words: readonly string[]): QuestionPart {
  const at = words.findIndex((w) => WH.has(w));
  const content = words.filter(
    (w, i) => !ASKING_WORDS.has(w) && !(i === at + 1 && words[at] === 'how' && HOW_MODIFIERS.has(w)),
  );
  return { kind: at < 0 ? 'thing' : kindOf(words, at), terms: termsOf(content.join(' ')) };
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
  return { parts: analysed.length > 0 ? analysed : [{ kind: 'thing', terms: [] }], terms: [...new Set(analysed.flatMap((p) => p.terms))] };
}
