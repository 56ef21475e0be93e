import { foldText, splitWords } from '../text/normalize.js';
import { STOP_WORDS } from '../text/stop-words.js';
import { termsOf } from '../text/terms.js';
import { nounClasses } from '../lexicon/table.js';

/**
 * The coarse kind of answer, for the cheap surface checks of `kinds.ts` (used when a knowledge base has
 * no typed mentions, and by clause trimming). `named`: "which prison": one particular of the named things.
 */
export type AnswerKind =
  'person' | 'place' | 'date' | 'number' | 'duration' | 'reason' | 'manner' | 'named' | 'thing';

/** Types of the mentions tagged at index time that can answer a question (see `core/tag`). */
export type AnswerType =
  'person' | 'place' | 'org' | 'date' | 'duration' | 'money' | 'count' | 'age' | 'percent' | 'name';

export interface QuestionPart {
  readonly kind: AnswerKind;
  /** Mention types that answer this part; empty when any sentence on topic may (why, how, what is). */
  readonly accepts: readonly AnswerType[];
  /** The term of the noun that named the kind ("country" in "what country"): the answer's type, not its topic. */
  readonly typeTerm?: string;
  /** Content terms of this part; a part with none of its own ("… and where") shares the question's. */
  readonly terms: readonly string[];
  /** "Does the Maldives have…", "and were they upheld?": a yes/no part, answered by the sentence that states it. */
  readonly yesNo: boolean;
  /** "did he plead not guilty": the sentence must state the negation too. */
  readonly negated: boolean;
  /** The words of this part as asked, for saying what is missing. */
  readonly text: string;
}

export interface AnalysedQuestion {
  readonly parts: readonly QuestionPart[];
  readonly typeTerms: ReadonlySet<string>;
  /** Content terms of the whole question, in order, without repeats. */
  readonly terms: readonly string[];
  /** "he", "his", "they": the question refers to someone it does not name. */
  readonly pronoun: boolean;
}

const WH = ['what', 'which', 'who', 'whom', 'whose', 'where', 'when', 'why', 'how'] as const;
const WH_SET: ReadonlySet<string> = new Set(WH);
const AUX = new Set([
  'is',
  'are',
  'was',
  'were',
  'do',
  'does',
  'did',
  'has',
  'have',
  'had',
  'can',
  'could',
  'will',
  'would',
  'should',
  'may',
  'might',
  'must',
]);
const PRONOUNS = new Set(['he', 'she', 'him', 'her', 'his', 'hers', 'they', 'them', 'their', 'theirs']);
/** Pronouns that start a clause ("… he was accused of"); "his", "her" belong to the noun after them. */
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);
const NEGATIONS = new Set(['not', 'never', 'no', 'nor', 'without']);

/** Damerau distance ≤ 1 where the question word lost a letter ("wat", "wen", "wher"), the commonest chat typo. */
function lostOneLetter(word: string, wh: string): boolean {
  if (word.length !== wh.length - 1) return false;
  for (let k = 0; k < wh.length; k++) if (wh.slice(0, k) + wh.slice(k + 1) === word) return true;
  return false;
}

function swappedTwo(word: string, wh: string): boolean {
  if (word.length !== wh.length || word === wh) return false;
  // UTF-16 positions, as the comparisons below index the strings.
  const diff: number[] = [];
  for (let k = 0; k < word.length; k++) if (word[k] !== wh[k]) diff.push(k);
  return (
    diff.length === 2 &&
    diff[1] === diff[0]! + 1 &&
    word[diff[0]!] === wh[diff[1]] &&
    word[diff[1]] === wh[diff[0]!]
  );
}

/**
 * A misspelt question word at the start of a part is read as the question word: a question word is
 * never an index term, so a typo of one would otherwise become a content word found nowhere.
 */
export function questionWord(word: string): string {
  if (WH_SET.has(word) || word.length < 3 || STOP_WORDS.has(word) || AUX.has(word)) return word;
  return WH.find((wh) => lostOneLetter(word, wh) || swappedTwo(word, wh)) ?? word;
}

/**
 * "judge", "girlfriend", "physicist": a noun whose commonest senses WordNet files as people. (Names
 * are not in its table, so "what does Carnot mean" asks no person.)
 */
const PERSON_NOUN = {
  test: (word: string): boolean => !STOP_WORDS.has(word) && nounClasses(word)[0] === 'person',
};

/** Category nouns: general English words for kinds of things, never words of one document. */
const NOUN_TYPES: ReadonlyArray<[{ test(word: string): boolean }, readonly AnswerType[], AnswerKind]> = [
  [/^(year|date|day|month|century|decade|time|era|period|season|week)s?$/, ['date'], 'date'],
  [/^(sentence|duration|span|lifetime|tenure|length)s?$/, ['duration'], 'duration'],
  // "What prison term…" asks a duration; "what is another term for…" asks a word.
  [/^terms?$/, ['duration', 'name'], 'duration'],
  [/^age$/, ['age'], 'number'],
  [
    /^(name|nickname|codename|alias|handle|moniker|title|pseudonym)s?$/,
    ['name', 'person', 'org', 'place'],
    'named',
  ],
  [
    /^(country|countries|city|cities|place|state|region|town|continent|location|area|island|river|nation|province|county|capital|site|street|port|sea|ocean|mountain|airport)s?$/,
    ['place'],
    'place',
  ],
  // What is paid is money, never a bare count ("the bail" is not "No. 7").
  [/^(price|cost|fee|fine|bail)s?$/, ['money'], 'number'],
  [
    /^(percentage|percent|number|amount|population|size|proportion|rate|distance|total|fraction|score|sum)s?$/,
    ['count', 'money', 'percent'],
    'number',
  ],
  [PERSON_NOUN, ['person'], 'person'],
  [
    /^(group|organi[sz]ation|company|companies|agency|agencies|team|party|body|institution|court|university|government|firm|bank|ministry|department|newspaper|airline|processor|business|office|service)s?$/,
    ['org', 'person'],
    'person',
  ],
];

/** Verbs whose object is an amount of money: "what did it cost", "how much did he pay". */
const MONEY_VERB =
  /^(cost|costs|pay|paid|pays|charge|charged|owe|owed|earn|earned|repay|fined|worth|spend|spent|steal|stole|stolen)$/;
const TIME_UNIT = /^(years?|months?|weeks?|days?|hours?|minutes?|decades?)$/;

interface Kind {
  readonly kind: AnswerKind;
  readonly accepts: readonly AnswerType[];
  readonly typeWord?: string;
}

const ANY: readonly AnswerType[] = [];

function kindOfHow(words: readonly string[], at: number): Kind {
  const next = words[at + 1] ?? '';
  const rest = words.slice(at + 2);
  switch (next) {
    case 'many':
      return TIME_UNIT.test(rest[0] ?? '')
        ? { kind: 'duration', accepts: ['duration', 'count'] }
        : { kind: 'number', accepts: ['count', 'money', 'percent'] };
    case 'much':
      return rest.some((w) => MONEY_VERB.test(w)) ||
        rest.some((w) => /^(money|cash|restitution|bail|damages)$/.test(w))
        ? { kind: 'number', accepts: ['money'] }
        : { kind: 'number', accepts: ['count', 'money', 'percent', 'duration'] };
    case 'long':
      return { kind: 'duration', accepts: ['duration', 'date'] };
    case 'old':
      return { kind: 'number', accepts: ['age'] };
    case 'far':
    case 'big':
    case 'large':
    case 'tall':
    case 'high':
    case 'wide':
    case 'deep':
    case 'heavy':
      return { kind: 'number', accepts: ['count', 'percent'] };
    case 'often':
      return { kind: 'number', accepts: ['count', 'duration', 'date'] };
    case 'quickly':
    case 'soon':
    case 'fast':
      return { kind: 'duration', accepts: ['duration', 'date'] };
    default:
      return { kind: 'manner', accepts: ANY };
  }
}

function kindOf(words: readonly string[], at: number): Kind {
  const wh = words[at];
  switch (wh) {
    case 'who':
    case 'whom':
    case 'whose':
      // "who is Claire Morel?" asks what the documents say of her, not for another person.
      return wh === 'who' && AUX.has(words[at + 1] ?? '') && words.length - at <= 4 && words.length - at >= 3
        ? { kind: 'thing', accepts: ANY }
        : // A state acts as often as a person in a case file: "who detained him?" "Spain, at the request of the United States".
          { kind: 'person', accepts: ['person', 'org', 'place'] };
    case 'where':
      return { kind: 'place', accepts: ['place', 'org'] };
    case 'when':
      // "two weeks later", "after ten months": a relative time answers "when" too.
      return { kind: 'date', accepts: ['date', 'duration'] };
    case 'why':
      return { kind: 'reason', accepts: ANY };
    case 'how':
      return kindOfHow(words, at);
    default: {
      // "what year", "which judge", "what is the name of…": the first category noun after the question
      // word names the type; "the name of his girlfriend" is then a person's name.
      let verb = false;
      for (let k = at + 1; k < Math.min(words.length, at + 5); k++) {
        const w = words[k]!;
        // A kind of person names the answer only before the verb: "which judge sentenced him", not
        // "which restaurant did he hack" (a hack is a writer too) or "what did his mother do".
        verb ||= AUX.has(w);
        for (const [pattern, accepts, kind] of NOUN_TYPES) {
          if ((verb && pattern === PERSON_NOUN) || !pattern.test(w)) continue;
          if (kind === 'named') {
            // The owner is the noun phrase right after "of" ("the name of his girlfriend"), up to an
            // auxiliary or a subject pronoun: "the name of the pizzeria he was accused of" names no person.
            const after = words.slice(k + 1, k + 5);
            const end = after.findIndex((x) => AUX.has(x) || SUBJECT_PRONOUNS.has(x));
            const owner = (end < 0 ? after : after.slice(0, end)).find((x) => PERSON_NOUN.test(x));
            if (owner) return { kind: 'person', accepts: ['person'], typeWord: w };
          }
          return { kind, accepts, typeWord: w };
        }
      }
      if (words.slice(at + 1).some((w) => MONEY_VERB.test(w))) return { kind: 'number', accepts: ['money'] };
      const next = words[at + 1] ?? '';
      // "which prison" asks to pick out one; "what prison term" is as often a description, so only "which".
      if (wh === 'which' && next && !STOP_WORDS.has(next) && !/^\d/.test(next)) {
        return { kind: 'named', accepts: ['name', 'person', 'org', 'place'], typeWord: next };
      }
      return { kind: 'thing', accepts: ANY };
    }
  }
}

/** "burkov sentence?", "levashov arrest date": no question word, the last category noun says what is asked. */
function kindOfBare(words: readonly string[]): Kind {
  const last = words[words.length - 1] ?? '';
  for (const [pattern, accepts, kind] of NOUN_TYPES) {
    if (pattern.test(last) && kind !== 'named') return { kind, accepts, typeWord: last };
  }
  return { kind: 'thing', accepts: ANY };
}

/** Words that say how to ask ("mentioned", "describe") rather than what about. */
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
  'kind',
  'type',
  'sort',
  // Light verbs: "did he get", "what did they do" carry no event of their own.
  'get',
  'got',
  'gets',
  'do',
  'does',
  'did',
  'done',
]);
const HOW_MODIFIERS = new Set(['many', 'much', 'long', 'often', 'far', 'old', 'quickly', 'soon']);

function analysePart(words: readonly string[]): QuestionPart {
  const at = words.findIndex((w) => WH_SET.has(w));
  const yesNo = at < 0 && AUX.has(words[0] ?? '');
  const content = words.filter(
    (w, i) => !ASKING_WORDS.has(w) && !(i === at + 1 && words[at] === 'how' && HOW_MODIFIERS.has(w)),
  );
  const { kind, accepts, typeWord } =
    at >= 0 ? kindOf(words, at) : yesNo ? { kind: 'thing' as const, accepts: ANY } : kindOfBare(words);
  const typeTerm = typeWord === undefined ? undefined : termsOf(typeWord)[0];
  return {
    kind,
    accepts,
    terms: termsOf(content.join(' ')),
    yesNo,
    negated: words.some((w) => NEGATIONS.has(w) || w.endsWith("n't")),
    text: words.filter((w, i) => i !== at).join(' '),
    ...(typeTerm ? { typeTerm } : {}),
  };
}

/** Starts a new part: a question word or auxiliary right after "and"/"or" in a part that already asks. */
const startsPart = (words: readonly string[], i: number, current: readonly string[]): boolean =>
  (words[i] === 'and' || words[i] === 'or') &&
  current.some((x) => WH_SET.has(x)) &&
  (WH_SET.has(words[i + 1] ?? '') ||
    (AUX.has(words[i + 1] ?? '') && PRONOUNS.has(words[i + 2] ?? '')) ||
    (words[i + 1] === 'to' && WH_SET.has(words[i + 2] ?? '')));

/**
 * Reads the question's parts, the type of answer each expects, its negation and whether it leans on a
 * pronoun. "who detained Levashov and where" has two parts, a person and a place; a question word after
 * "and" starts a new part, and a part without content words of its own shares the rest of the question.
 */
export function analyseQuestion(question: string): AnalysedQuestion {
  const raw = splitWords(foldText(question));
  const words = raw.map((w, i) => (i === 0 || raw[i - 1] === 'and' ? questionWord(w) : w));
  const groups: string[][] = [[]];
  words.forEach((w, i) => {
    const current = groups[groups.length - 1]!;
    if (startsPart(words, i, current)) groups.push([]);
    else if (!(w === 'to' && groups.length > 1 && current.length === 0)) current.push(w);
  });
  const analysed = groups.filter((p) => p.length > 0).map(analysePart);
  const all = [...new Set(analysed.flatMap((p) => p.terms))];
  const parts = analysed.map((p) => (p.terms.length > 0 ? p : { ...p, terms: all }));
  return {
    parts: parts.length > 0 ? parts : [analysePart([])],
    terms: all,
    // "country" in "what country" says what to look for, not what the question is about.
    typeTerms: new Set(parts.flatMap((p) => (p.typeTerm && p.kind !== 'named' ? [p.typeTerm] : []))),
    pronoun: words.some((w) => PRONOUNS.has(w)),
  };
}
