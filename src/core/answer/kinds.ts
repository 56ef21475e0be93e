import { termOf } from '../text/terms.js';
import type { QuestionPart } from './question.js';

/** The question's terms: a set, or the form index whose keys they are. */
export type TermSet = { has(term: string): boolean };

const MONTH =
  /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?(?:\s+\d{1,2}\b)?/;
const YEAR = /\b(?:1\d{3}|20\d{2})s?\b|\b\d+\s?(?:BC|BCE|AD|CE)\b/;
const DATE_WORD =
  /\b(?:\d+(?:st|nd|rd|th)\s+(?:century|millennium)|century|centuries|decade|yesterday|today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|spring|summer|autumn|winter|morning|evening|night|week|annually)\b/i;
const NUMBER =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|half|third|quarter|several|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b/i;
const DURATION =
  /\b(?:since\s+\S+|for\s+(?:\S+\s+){0,2}(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centuries)|\d+\s+(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centuries)|(?:years?|months?|weeks?|days?|hours?|decades?)\s+(?:long|old))\b/i;
export const REASON =
  /\b(?:because|due to|owing to|as a result|in order to|so that|caused|cause[sd]?|reasons?|led to|leading to|thanks to|in response to|aimed at|intended to|to (?:stop|prevent|protect|avoid|allow|ensure|help))\b/i;
export const MANNER = /\b(?:by|through|using|via|with|means of)\b/i;
const PLACE_CUE =
  /\b(?:in|at|from|near|to|into|across|throughout|outside|inside|within|on|of)\s+(?:the\s+)?([\p{Lu}][\p{L}\-']+(?:\s+(?:of\s+)?[\p{Lu}][\p{L}\-']+)*)/gu;
const CAPITALISED =
  /[\p{Lu}][\p{L}\-'’]*(?:\s+(?:(?:of|the|de|von|van|al|bin|for)\s+)?[\p{Lu}][\p{L}\-'’]*)*/gu;

/** True when some word of the phrase is not one of the question's terms: an entity the asker doesn't already know. */
function isNew(phrase: string, questionTerms: TermSet): boolean {
  return phrase.split(/[\s-]+/).some((w) => {
    const t = termOf(w.toLowerCase().replace(/['’]s$/, ''));
    return t !== undefined && !questionTerms.has(t);
  });
}

function capitalisedPhrases(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(CAPITALISED)) {
    const phrase = m[0];
    // A lone capitalised word opening the sentence is usually just the sentence's first word.
    if (m.index === 0 && !phrase.includes(' ') && termOf(phrase.toLowerCase()) === undefined) continue;
    out.push(phrase);
  }
  return out;
}

/**
 * Whether the sentence names a particular one of `noun`: a new word right before it ("the Madrid court",
 * "presidential elections") or a name right after it ("the organization Spamhaus", "court of Appeal").
 */
function namesOne(text: string, noun: string, questionTerms: TermSet): boolean {
  const words = text.split(/\s+/);
  return words.some((w, i) => {
    if (termOf(bare(w)) !== noun) return false;
    const before = words[i - 1];
    const prev = before === undefined || /[,;:.]$/.test(before) ? undefined : termOf(bare(before));
    if (prev !== undefined && !questionTerms.has(prev)) return true;
    const after = /[,;:]$/.test(w)
      ? ''
      : words
          .slice(i + 1, i + 3)
          .join(' ')
          .replace(/^of\s+(?:the\s+)?/, '');
    const name = /^[\p{Lu}][\p{L}\-']*/u.exec(after)?.[0];
    return name !== undefined && isNew(name, questionTerms);
  });
}

const bare = (w: string): string =>
  w
    .toLowerCase()
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    .replace(/['’]s$/, '');

/**
 * Whether a sentence holds an answer of the kind a question asks for, not counting the question's own
 * words (a "who" question about Levashov is not answered by the word "Levashov").
 * Heuristic and cheap on purpose: it runs on every candidate of every question.
 */
export function holdsKind(text: string, part: QuestionPart, questionTerms: TermSet): boolean {
  const fresh = (re: RegExp): boolean => {
    const m = re.exec(text);
    return m !== null && isNew(m[0], questionTerms);
  };
  switch (part.kind) {
    case 'date':
      return fresh(MONTH) || fresh(YEAR) || fresh(DATE_WORD);
    case 'number':
      return fresh(NUMBER);
    case 'duration':
      return fresh(DURATION) || fresh(YEAR);
    case 'reason':
      return REASON.test(text);
    case 'manner':
      return MANNER.test(text);
    case 'place':
      return [...text.matchAll(PLACE_CUE)].some((m) => isNew(m[1]!, questionTerms));
    case 'person':
      return capitalisedPhrases(text).some((p) => isNew(p, questionTerms));
    case 'named':
      return part.typeTerm === undefined || namesOne(text, part.typeTerm, questionTerms);
    case 'thing':
      return true;
  }
}
