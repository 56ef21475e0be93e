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
  it('GIVEN an answer THEN content holds the text with markers and one field per source', () => {
    const out = formatAnswerForDiscord(answered([citation(1, { url: 'https://example.org/doc' })]));
    expect(out.content).toBe('Levashov was detained in Barcelona [1].');
    expect(out.embeds[0]).toMatchObject({
      title: 'Sources',
      fields: [
        {
          name: '[1] King of Spam',
          value: '¶1: “Levashov was detained in Barcelona.”\n[Open document](https://example.org/doc)',
        },
      ],
    });
  });

  it('GIVEN an abstention THEN the closest passages are shown under a title that says they do not answer', () => {
    const out = formatAnswerForDiscord({
      ...answered([]),
      answered: false,
      text: 'I could not find that.',
      related: [citation(1)],
    });
    expect(out.content).toBe('I could not find that.');
    expect(out.embeds[0]?.title).toMatch(/do not answer/);
  });

  it('GIVEN no sources at all THEN there is no embed', () => {
    expect(formatAnswerForDiscord({ ...answered([]), answered: false, text: 'Nothing.' }).embeds).toEqual([]);
  });

  it('GIVEN huge passages, titles and 40 sources THEN every Discord limit holds and links stay whole', () => {
    const url = 'https://example.org/case/doc-1';
    const citations = Array.from({ length: 40 }, (_, i) =>
      citation(i + 1, { title: 'T '.repeat(400), passage: 'word *bold* '.repeat(500), url }),
    );
    const out = formatAnswerForDiscord(answered(citations, 'answer [1] '.repeat(400)));

    expect(out.content.length).toBeLessThanOrEqual(2000);
    expect(out.content).toMatch(/(answer|\[1\])…$/);
    const [embed] = out.embeds;
    expect(embed?.fields).toHaveLength(25);
    expect(embed?.footer?.text).toBe('15 more sources not shown');
    for (const field of embed?.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(256);
      expect(field.value.length).toBeLessThanOrEqual(1024);
      expect(field.value.endsWith(`[Open document](${url})`)).toBe(true);
    }
    expect(embedLength(out.embeds)).toBeLessThanOrEqual(6000);
  });

  it('GIVEN one source with a 5,000-character passage THEN its field is cut at a word to 1,024', () => {
    const out = formatAnswerForDiscord(answered([citation(1, { passage: 'lorem ipsum '.repeat(420) })]));
    const value = out.embeds[0]!.fields![0]!.value;
    expect(value.length).toBeLessThanOrEqual(1024);
    expect(value).toMatch(/ipsum…”$|lorem…”$/);
  });

  it('GIVEN document text holding @everyone THEN it is escaped so it renders as text, not a mention', () => {
    expect(formatAnswerForDiscord(answered([], '@everyone hello')).content).toBe('\\@everyone hello');
  });
});
