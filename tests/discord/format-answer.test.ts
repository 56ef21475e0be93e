import { describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../../src/core/index.js';
import { formatAnswerForDiscord } from '../../src/discord/format/answer.js';
import { escapeAndShorten, shortenAtWord } from '../../src/discord/format/shorten.js';

const citation = (n: number, extra: Partial<Citation> = {}): Citation => ({
  n,
  passageId: `doc#p${n}.s1`,
  documentId: 'doc',
  title: 'King of Spam',
  location: `¶${n}`,
  passage: 'Levashov was detained in Barcelona.',
  ...extra,
});

const answered = (citations: Citation[], text = 'Levashov was detained in Barcelona [1].'): Answer => ({
  answered: true,
  text,
  citations,
  confidence: 0.9,
  related: [],
});

/** What Discord counts toward the 6,000 characters of a message's embeds. */
const embedLength = (embeds: ReturnType<typeof formatAnswerForDiscord>['embeds']): number =>
  embeds.reduce(
    (sum, e) =>
      sum +
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0),
    0,
  );

describe('shortenAtWord', () => {
  it('GIVEN text within the limit THEN returns it unchanged', () => {
    expect(shortenAtWord('short text', 20)).toBe('short text');
  });

  it('GIVEN one long ordinary word THEN it is cut mid-word rather than lost', () => {
    expect(shortenAtWord('Rindfleischetikettierungsüberwachung', 10)).toBe('Rindfleis…');
  });

  it('GIVEN long text THEN cuts at a word boundary and ends with an ellipsis', () => {
    const out = shortenAtWord('alpha beta gamma delta epsilon', 17);
    expect(out).toBe('alpha beta gamma…');
    expect(out.length).toBeLessThanOrEqual(17);
  });

  it('GIVEN a cut that would fall inside a [n] marker or a URL THEN the whole token goes', () => {
    expect(shortenAtWord('detained in Barcelona [12] and more', 25)).toBe('detained in Barcelona…');
    expect(shortenAtWord('see https://example.org/a/very/long/path now', 30)).toBe('see…');
    expect(shortenAtWord('https://example.org/a/very/long/path', 20)).toBe('…');
  });
});

describe('escapeAndShorten', () => {
  it('GIVEN Markdown in a passage THEN it is escaped and the result still fits', () => {
    const out = escapeAndShorten('**bold** _it_ `code` ||spoiler|| [link](http://x) # not a heading', 40);
    expect(out.length).toBeLessThanOrEqual(40);
    expect(out).not.toMatch(/(^|[^\\])\*\*/);
    expect(out.startsWith('\\*\\*bold\\*\\*')).toBe(true);
  });

  it('GIVEN a cut next to an escape THEN no lone backslash is left at the end', () => {
    for (let max = 5; max < 60; max++) {
      const out = escapeAndShorten('a*b*c*d*e*f*g*h*i*j*k*l*m*n*o*p*q*r*s*t*u*v*w*x*y*z '.repeat(2), max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out).not.toMatch(/(^|[^\\])\\$/);
    }
  });

  it('GIVEN a block quote or list at the start THEN it is made literal', () => {
    expect(escapeAndShorten('> quoted', 50)).toBe('\\> quoted');
    expect(escapeAndShorten('- item', 50)).toBe('\\- item');
  });
});

describe('formatAnswerForDiscord', () => {
  const doc = { source: 'Example Wire', date: '2017-04-10', url: 'https://example.org/doc' };

  it('GIVEN an answer and who asked THEN the question is quoted, then the answer, then one compact line per source', () => {
    const out = formatAnswerForDiscord(answered([citation(1)]), {
      asked: { userId: '123456789012345678', question: 'who detained *Levashov*?' },
      documentOf: () => doc,
    });
    expect(out.content).toBe(
      '> <@123456789012345678> asked: who detained \\*Levashov\\*?\nLevashov was detained in Barcelona [1].',
    );
    expect(out.embeds[0]).toMatchObject({
      title: 'Sources',
      // The answer already shows the whole sentence, so it is not quoted a second time.
      description: '**[1]** [King of Spam](https://example.org/doc) · ¶1 · Example Wire · 2017-04-10',
    });
  });

  it('GIVEN a cited sentence the answer shows only in part THEN its passage is quoted under its line', () => {
    const out = formatAnswerForDiscord(
      answered([citation(1, { passage: 'After a long chase, Levashov was detained in Barcelona.' })]),
    );
    expect(out.embeds[0]?.description).toBe(
      '**[1]** **King of Spam** · ¶1\n> “After a long chase, Levashov was detained in Barcelona.”',
    );
  });

  it('GIVEN an abstention THEN it quotes the question, keeps the abstention text, offers suggestions with the command link, and shows the closest passages', () => {
    const out = formatAnswerForDiscord(
      { ...answered([]), answered: false, text: 'I could not find that.', related: [citation(1)] },
      {
        asked: { userId: '1234567890123456789', question: 'who was the judge?' },
        suggestions: ['What is "King of Spam" about?', 'Tell me about Russia'],
        askCommand: '</ask:111111111111111111>',
      },
    );
    expect(out.content.split('\n')).toEqual([
      '> <@1234567890123456789> asked: who was the judge?',
      'I could not find that.',
      '**Questions the documents do answer** (</ask:111111111111111111>):',
      '• What is "King of Spam" about?',
      '• Tell me about Russia',
    ]);
    expect(out.embeds[0]?.title).toMatch(/do not answer/);
    expect(out.embeds[0]?.description).toContain('> “Levashov was detained in Barcelona.”');
  });

  it('GIVEN the core says what was missing THEN the abstention names it', () => {
    const withMissing = {
      ...answered([]),
      answered: false,
      text: 'No.',
      missing: 'No person or body in the documents for "which judge heard it".',
    };
    expect(formatAnswerForDiscord(withMissing).content).toContain(
      '**Not found in the documents:** No person or body in the documents for "which judge heard it".',
    );
  });

  it('GIVEN an abstention whose text already says what was missing THEN it is not said twice', () => {
    const missing = 'No person or body in the documents for "which judge heard it".';
    const out = formatAnswerForDiscord({ ...answered([]), answered: false, text: `No. ${missing}`, missing });
    expect(out.content).not.toContain('Not found in the documents');
    expect(out.content.split('which judge heard it')).toHaveLength(2);
  });

  it('GIVEN no sources at all THEN there is no embed', () => {
    expect(formatAnswerForDiscord({ ...answered([]), answered: false, text: 'Nothing.' }).embeds).toEqual([]);
  });

  it('GIVEN huge passages, titles, a huge question and 40 sources THEN every Discord limit holds and links stay whole', () => {
    const url = 'https://example.org/case/doc-1';
    const citations = Array.from({ length: 40 }, (_, i) =>
      citation(i + 1, { title: 'T '.repeat(400), passage: 'word *bold* '.repeat(500), url }),
    );
    const out = formatAnswerForDiscord(answered(citations, 'answer [1] '.repeat(400)), {
      asked: { userId: '123456789012345678', question: '*x* '.repeat(400), readAs: '_y_ '.repeat(400) },
    });

    expect(out.content.length).toBeLessThanOrEqual(2000);
    expect(out.content).toMatch(/(answer|\[1\])…$/);
    const description = out.embeds[0]!.description!;
    expect(description.length).toBeLessThanOrEqual(4096);
    expect(description).toMatch(/…and \d+ more$/);
    for (const line of description.split('\n').filter((l) => l.startsWith('**['))) {
      expect(line).toContain(`](${url})`);
    }
    expect(embedLength(out.embeds)).toBeLessThanOrEqual(6000);
  });

  it('GIVEN a document url that is not http(s) or holds brackets THEN it is not linked, or is encoded', () => {
    const js = formatAnswerForDiscord(answered([citation(1, { url: 'javascript:alert(1)' })]));
    expect(js.embeds[0]?.description).not.toContain('javascript');
    const paren = formatAnswerForDiscord(answered([citation(1, { url: 'https://x.org/a_(b)' })]));
    expect(paren.embeds[0]?.description).toContain('](https://x.org/a_%28b%29)');
  });

  it('GIVEN document text holding @everyone THEN it is escaped so it renders as text, not a mention', () => {
    expect(formatAnswerForDiscord(answered([], '@everyone hello')).content).toBe('\\@everyone hello');
  });
});
