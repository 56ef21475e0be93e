import type { QuestionPart } from './question.js';

/** What a reader would call the missing piece, by the type the part asked for. */
function wanted(part: QuestionPart): string {
  if (part.yesNo) return 'statement';
  switch (part.kind) {
    case 'date':
      return 'date';
    case 'place':
      return 'place';
    case 'person':
      return part.accepts.includes('name') ? 'name' : 'person or body';
    case 'number':
      return part.accepts.includes('age') ? 'age' : 'number or amount';
    case 'duration':
      return 'length of time';
    case 'reason':
      return 'reason';
    case 'manner':
      return 'account of how';
    case 'named':
      return 'name';
    case 'thing':
      return 'answer';
  }
}

/**
 * One line that says what the documents lack: `No date in the documents for "when was Lisov
 * sentenced".` With several parts, each missing one is named by its own words.
 */
export function missingText(question: string, missing: readonly QuestionPart[], parts: number): string {
  if (parts === 1 && missing.length === 1) {
    return `No ${wanted(missing[0]!)} in the documents for "${question.replace(/[?.!\s]+$/u, '')}".`;
  }
  return missing.map((p) => `No ${wanted(p)} in the documents for "${p.text}".`).join(' ');
}
