import { describe, expect, it } from 'vitest';
import { escapeDiscord } from '../../../src/discord/format/escape.js';
import { growth, GROWTH_LIMIT } from '../../hostile/timing.js';

/**
 * A reader of Discord's rendering rules in miniature: what would still be live after escaping.
 * Each pattern finds the form only when its opening character is not preceded by a backslash
 * (Discord hides a backslash before punctuation and shows the punctuation literally).
 */
const LIVE: Record<string, RegExp> = {
  maskedLink: /\[[^\]\n]*\]\(/,
  heading: /^[ \t]*#{1,3} /m,
  subtext: /^[ \t]*-# /m,
  blockQuote: /^[ \t]*>/m,
  bullet: /^[ \t]*[-*+] /m,
  numbered: /^[ \t]*\d+\. /m,
  angleForm: /(?<!\\)<(?:@[!&]?\d|#\d|\/|t:|a?:\w+:\d|id:)/,
  everyone: /(?<!\\)@(?:everyone|here)/i,
  invite: /discord(?:app)?\.(?:gg|com\/invite)\//i,
  emphasis: /(?<!\\)(?:\*|_|~~|`|\|\|)/,
  invisible: /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u0000-\u0008]/,
};

const TABLE: { form: string; input: string; shows: string }[] = [
  {
    form: 'two masked links on one line (escapeMarkdown leaves the second live)',
    input: 'See [FBI](http://evil.example/a) and [Official FBI statement](http://evil.example/b).',
    shows: 'See [FBI](http://evil.example/a) and [Official FBI statement](http://evil.example/b).',
  },
  { form: 'subtext', input: '-# small print', shows: '-# small print' },
  { form: 'headings', input: '# Big\n## Bigger\n### Biggest', shows: '# Big\n## Bigger\n### Biggest' },
  { form: 'indented heading', input: '   # Big', shows: '   # Big' },
  { form: 'block quotes', input: '> quote\n>>> all the rest', shows: '> quote\n>>> all the rest' },
  { form: 'lists', input: '- a\n* b\n+ c\n12. d', shows: '- a\n* b\n+ c\n12. d' },
  {
    form: 'invites',
    input: 'join discord.gg/abc or https://discord.com/invite/xyz or discordapp.com/invite/q',
    shows: 'join discord.gg/abc or https://discord.com/invite/xyz or discordapp.com/invite/q',
  },
  {
    form: 'timestamps',
    input: 'at <t:1491609600:R> and <t:1491609600>',
    shows: 'at <t:1491609600:R> and <t:1491609600>',
  },
  {
    form: 'command mention',
    input: 'run </kb reload:123456789012345678>',
    shows: 'run </kb reload:123456789012345678>',
  },
  { form: 'channel mention', input: 'in <#123456789012345678>', shows: 'in <#123456789012345678>' },
  {
    form: 'custom emoji',
    input: 'ok <:pepe:123456789012345678> <a:dance:123456789012345678>',
    shows: 'ok <:pepe:123456789012345678> <a:dance:123456789012345678>',
  },
  {
    form: 'user mention',
    input: 'ask <@123456789012345678> or <@!123456789012345678>',
    shows: 'ask <@123456789012345678> or <@!123456789012345678>',
  },
  {
    form: 'role mention in quotes',
    input: '"<@&123456789012345678>" and “<@123456789012345678>”',
    shows: '"<@&123456789012345678>" and “<@123456789012345678>”',
  },
  {
    form: 'mention in a block quote',
    input: '> <@123456789012345678> said so',
    shows: '> <@123456789012345678> said so',
  },
  { form: '@everyone and @here', input: 'hey @everyone and @HERE', shows: 'hey @everyone and @HERE' },
  { form: 'guild navigation', input: 'see <id:customize>', shows: 'see <id:customize>' },
  {
    form: 'emphasis, code, spoilers',
    input: '**b** *i* __u__ ~~s~~ `c` ```js\nx``` ||sp||',
    shows: '**b** *i* __u__ ~~s~~ `c` ```js\nx``` ||sp||',
  },
  { form: 'backslashes stay visible', input: 'C:\\path\\*', shows: 'C:\\path\\*' },
  {
    form: 'zero-width and BiDi characters are dropped',
    input: 'Leva\u200bshov \u202eevil\u202c',
    shows: 'Levashov evil',
  },
];

/** What Discord shows for escaped text: a backslash before punctuation disappears. */
const rendered = (escaped: string): string => escaped.replace(/\\([!-/:-@[-`{-~])/g, '$1');

describe('escapeDiscord: every form Discord renders stays literal', () => {
  for (const { form, input, shows } of TABLE) {
    it(`GIVEN ${form} THEN nothing renders live and the reader sees the original characters`, () => {
      const out = escapeDiscord(input);
      const live = Object.entries(LIVE)
        .filter(([, pattern]) => pattern.test(out))
        .map(([name]) => name);
      expect(live).toEqual([]);
      expect(rendered(out)).toBe(shows);
    });
  }

  it('GIVEN a bare URL THEN it stays a working link (no backslash inside it)', () => {
    const url = 'https://example.org/a_b*c|d?q=1';
    expect(escapeDiscord(`see ${url} now`)).toBe(`see ${url} now`);
  });

  it('GIVEN plain prose THEN it is unchanged', () => {
    const prose = 'On April 9, Levashov’s wife reported that he was detained in Barcelona (Spain).';
    expect(escapeDiscord(prose)).toBe(prose);
  });

  it('GIVEN 200,000 characters of hostile syntax THEN it escapes them in linear time', () => {
    const unit = '[a](http://x) <@1> -# @here discord.gg/x *_~`|\n';
    // Best-of-3 at n and 4n, re-checked one size further if steep: one-shot times flaked under load.
    const { ratio, times } = growth(escapeDiscord, (n) => unit.repeat(n), 1_000);
    expect(ratio, `ms at n, 4n(, 16n): ${times.map((t) => t.toFixed(1)).join(', ')}`).toBeLessThan(
      GROWTH_LIMIT,
    );
  });
});
