import type { Answer, Citation } from '../core/index.js';

const quote = (c: Citation): string =>
  `${c.title}, ${c.location}: "${c.passage}"${c.url ? ` <${c.url}>` : ''}`;

/** The terminal rendering: answer, then numbered sources quoting the passages. */
export function formatAnswerForTerminal(answer: Answer): string {
  if (!answer.answered) {
    const lines = [answer.text];
    if (answer.related.length > 0) {
      lines.push(
        '',
        'Closest passages (they do not answer it):',
        ...answer.related.map((c) => `- ${quote(c)}`),
      );
    }
    return lines.join('\n');
  }
  return [answer.text, '', 'Sources', ...answer.citations.map((c) => `[${c.n}] ${quote(c)}`)].join('\n');
}
