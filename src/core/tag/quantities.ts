import { isIdentifierNumber, lowerAt, type Found, type Span, type TagContext } from './context.js';
import { formatNumber, isNumberWord, readNumber, SCALES, type NumberMatch } from './numbers.js';

/** Currency signs, codes and words → the ISO code used in values ("9000000 usd"). */
const CURRENCY_SIGNS: Readonly<Record<string, string>> = {
  $: 'usd',
  '€': 'eur',
  '£': 'gbp',
  '¥': 'jpy',
  '₽': 'rub',
  '₹': 'inr',
  '₪': 'ils',
  '₩': 'krw',
  '₺': 'try',
};
const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  dollar: 'usd',
  dollars: 'usd',
  usd: 'usd',
  euro: 'eur',
  euros: 'eur',
  eur: 'eur',
  pound: 'gbp',
  pounds: 'gbp',
  sterling: 'gbp',
  gbp: 'gbp',
  ruble: 'rub',
  rubles: 'rub',
  rouble: 'rub',
  roubles: 'rub',
  rub: 'rub',
  yen: 'jpy',
  jpy: 'jpy',
  yuan: 'cny',
  renminbi: 'cny',
  cny: 'cny',
  franc: 'chf',
  francs: 'chf',
  chf: 'chf',
  shekel: 'ils',
  shekels: 'ils',
  ils: 'ils',
  rupee: 'inr',
  rupees: 'inr',
  inr: 'inr',
  peso: 'peso',
  pesos: 'peso',
  bitcoin: 'btc',
  bitcoins: 'btc',
  btc: 'btc',
  cent: 'cent',
  cents: 'cent',
  hryvnia: 'uah',
  hryvnias: 'uah',
  krona: 'sek',
  kronor: 'sek',
  kroner: 'nok',
  lira: 'try',
  won: 'krw',
};
/** Prefixes glued to a currency sign: "US$", "C$", "A$". */
const SIGN_PREFIXES: Readonly<Record<string, string>> = {
  us: 'usd',
  'u.s.': 'usd',
  c: 'cad',
  a: 'aud',
  hk: 'hkd',
  nz: 'nzd',
};

/** Duration units, singular, as used in values ("27 year"). */
const DURATION_UNITS: Readonly<Record<string, string>> = {
  year: 'year',
  years: 'year',
  yr: 'year',
  yrs: 'year',
  month: 'month',
  months: 'month',
  week: 'week',
  weeks: 'week',
  day: 'day',
  days: 'day',
  hour: 'hour',
  hours: 'hour',
  hr: 'hour',
  hrs: 'hour',
  minute: 'minute',
  minutes: 'minute',
  mins: 'minute',
  seconds: 'second',
  decade: 'decade',
  decades: 'decade',
  century: 'century',
  centuries: 'century',
  fortnight: 'fortnight',
};
/** Words before "a day", "an hour" that make it a length of time ("about a day", "for a year"). */
const APPROXIMATELY = new Set([
  'about',
  'around',
  'nearly',
  'almost',
  'over',
  'under',
  'than',
  'for',
  'within',
  'roughly',
  'approximately',
  'just',
  'only',
  'some',
  'barely',
  'least',
  'most',
  'half',
]);
/** Words between a number and its unit of time ("14 more years", "three consecutive life terms"). */
const EXTRA_TIME = new Set([
  'more',
  'additional',
  'further',
  'consecutive',
  'extra',
  'straight',
  'full',
  'long',
]);
const RANGE_WORDS = new Set(['to', 'or', 'and', '-', '–']);
/** Time of day after a number ("10 a.m."): not a count. */
const CLOCK = new Set(['a.m.', 'p.m.', 'am', 'pm', "o'clock", 'gmt', 'utc', 'bst', 'cet', 'est', 'pst']);
/** Words that make "one" a pronoun rather than a count ("no one", "one another"). */
const PRONOUN_ONE_BEFORE = new Set([
  'no',
  'any',
  'every',
  'each',
  'the',
  'this',
  'that',
  'which',
  'someone',
  'another',
  'anyone',
]);
const PRONOUN_ONE_AFTER = new Set(['another', "one's", 'who', 'that', 'which']);

const span = (type: Span['type'], first: number, last: number, value: string): Span => ({
  type,
  first,
  last,
  value,
});

function isNumberStart(ctx: TagContext, i: number): boolean {
  const t = ctx.tokens[i];
  if (!t) return false;
  if (t.kind === 'num') return true;
  if (t.kind !== 'word') return false;
  if (isNumberWord(t.lower)) return true;
  return (
    (t.lower === 'a' || t.lower === 'an') &&
    (ctx.tokens[i + 1]?.lower === 'dozen' ||
      ['hundred', 'thousand', 'million', 'billion'].includes(ctx.tokens[i + 1]?.lower ?? ''))
  );
}

/** A currency word or code right after an amount ("5,000 dollars", "10 million U.S. dollars"). */
function currencyAfter(ctx: TagContext, i: number): { code: string; end: number } | undefined {
  let j = i;
  if (
    ['u.s.', 'us', 'american', 'hong', 'canadian', 'australian', 'swiss'].includes(lowerAt(ctx, j)) &&
    ctx.tokens[j]?.cap
  )
    j++;
  if (lowerAt(ctx, j) === 'kong') j++;
  const w = ctx.tokens[j];
  if (!w || w.kind !== 'word') return undefined;
  const code = CURRENCY_WORDS[w.lower];
  if (code === undefined) return undefined;
  // "pound"/"won"/"lira" are ordinary words too; after a number "pounds" is money far more often than weight.
  if (w.lower === 'won' || w.lower === 'pound') return undefined;
  return {
    code: lowerAt(ctx, i) === 'canadian' ? 'cad' : lowerAt(ctx, i) === 'australian' ? 'aud' : code,
    end: j + 1,
  };
}

/** "$169 million", "US$5bn", "€9 million", "USD 5,000". */
function signFirst(ctx: TagContext, i: number): Found | undefined {
  const t = ctx.tokens[i];
  if (!t) return undefined;
  let code: string | undefined;
  let j: number;
  const prefix = t.kind === 'word' ? SIGN_PREFIXES[t.lower] : undefined;
  if (prefix && ctx.tokens[i + 1]?.text === '$' && !ctx.tokens[i + 1]!.gap) {
    code = prefix;
    j = i + 2;
  } else if (t.kind === 'punct' && CURRENCY_SIGNS[t.text]) {
    code = CURRENCY_SIGNS[t.text];
    j = i + 1;
  } else if (
    t.kind === 'word' &&
    t.allCaps &&
    /^(usd|eur|gbp|chf|rub|jpy|cny|ils|inr)$/.test(t.lower) &&
    ctx.tokens[i + 1]?.kind === 'num'
  ) {
    code = t.lower;
    j = i + 1;
  } else return undefined;
  const n = ctx.tokens[j]?.kind === 'num' ? readNumber(ctx.tokens, j) : undefined;
  if (!n || !code) return undefined;
  return { end: n.end, spans: [span('money', i, n.end - 1, `${formatNumber(n.value)} ${code}`)] };
}

function isScaleSuffixOnly(ctx: TagContext, i: number): boolean {
  const s = ctx.tokens[i]?.suffix ?? '';
  return s === '' || s in SCALES;
}

/** What follows a number decides its type: currency, percent, a unit of time, "-year-old", or a count. */
function afterNumber(ctx: TagContext, i: number, n: NumberMatch): Found | undefined {
  const t = ctx.tokens;
  const value = formatNumber(n.value);
  const money = currencyAfter(ctx, n.end);
  if (money) return { end: money.end, spans: [span('money', i, money.end - 1, `${value} ${money.code}`)] };
  const next = t[n.end];
  if (next?.text === '%') return { end: n.end + 1, spans: [span('percent', i, n.end, `${value} percent`)] };
  if (next?.lower === 'percent' || next?.lower === 'pct')
    return { end: n.end + 1, spans: [span('percent', i, n.end, `${value} percent`)] };
  if (next?.lower === 'per' && lowerAt(ctx, n.end + 1) === 'cent')
    return { end: n.end + 2, spans: [span('percent', i, n.end + 1, `${value} percent`)] };
  // "46-month", "27 years", "30-year-old", "30 years old"
  const hyphen = (next?.text === '-' && !next.gap) || (next && EXTRA_TIME.has(next.lower)) ? 1 : 0;
  const unitTok = t[n.end + hyphen];
  const unit = unitTok?.kind === 'word' ? DURATION_UNITS[unitTok.lower] : undefined;
  if (unit !== undefined) {
    const u = n.end + hyphen;
    if (
      unit === 'year' &&
      (lowerAt(ctx, u + 1) === 'old' || (t[u + 1]?.text === '-' && lowerAt(ctx, u + 2) === 'old'))
    ) {
      const last = lowerAt(ctx, u + 1) === 'old' ? u + 1 : u + 2;
      return { end: last + 1, spans: [span('age', i, last, value)] };
    }
    // "two and a half years"
    return { end: u + 1, spans: [span('duration', i, u, `${value} ${unit}`)] };
  }
  if (
    lowerAt(ctx, n.end) === 'and' &&
    lowerAt(ctx, n.end + 1) === 'a' &&
    lowerAt(ctx, n.end + 2) === 'half'
  ) {
    const u2 = DURATION_UNITS[lowerAt(ctx, n.end + 3)];
    if (u2)
      return {
        end: n.end + 4,
        spans: [span('duration', i, n.end + 3, `${formatNumber(n.value + 0.5)} ${u2}`)],
      };
  }
  return undefined;
}

/** A range "20 to 30 years", "$5-10 million": the first number takes the unit of the second. */
function range(ctx: TagContext, i: number, n: NumberMatch): Found | undefined {
  const word = ctx.tokens[n.end];
  if (!word || !RANGE_WORDS.has(word.lower) || !isNumberStart(ctx, n.end + 1)) return undefined;
  const second = readNumber(ctx.tokens, n.end + 1);
  if (!second) return undefined;
  const typed = afterNumber(ctx, n.end + 1, second);
  const head = typed?.spans[0];
  if (!typed || !head || head.type === 'age') return undefined;
  const unit = head.value.slice(head.value.indexOf(' '));
  return {
    end: typed.end,
    spans: [span(head.type, i, n.end - 1, `${formatNumber(n.value)}${unit}`), ...typed.spans],
  };
}

/** An age in apposition: "Seleznev, 30," "Roman Seleznev, 32, of Moscow". */
function appositiveAge(ctx: TagContext, i: number, n: NumberMatch): boolean {
  const t = ctx.tokens;
  if (
    !n.digits ||
    n.end !== i + 1 ||
    t[i]?.suffix !== '' ||
    !Number.isInteger(n.value) ||
    n.value < 1 ||
    n.value > 120
  )
    return false;
  const now = t[i - 1]?.lower === 'now' ? 1 : 0;
  if (t[i - 1 - now]?.text !== ',' || t[i - 1 - now]?.gap) return false;
  const name = t[i - 2 - now];
  if (!name || name.kind !== 'word' || !name.cap) return false;
  const after = t[n.end];
  return !after || [',', ';', ')', '.'].includes(after.text);
}

/** Quantities: money, percent, duration, age, count (whatever number is left once dates are taken). */
export function readQuantity(ctx: TagContext, i: number): Found | undefined {
  const t = ctx.tokens[i];
  if (!t) return undefined;
  const signed = signFirst(ctx, i);
  if (signed) return signed;
  // "time served", "life in prison"
  if (t.lower === 'time' && lowerAt(ctx, i + 1) === 'served')
    return { end: i + 2, spans: [span('duration', i, i + 1, 'time served')] };
  if (
    t.lower === 'life' &&
    (['sentence', 'sentences', 'imprisonment', 'term'].includes(lowerAt(ctx, i + 1)) ||
      (lowerAt(ctx, i + 1) === 'in' && ['prison', 'jail'].includes(lowerAt(ctx, i + 2))))
  ) {
    return { end: i + 1, spans: [span('duration', i, i, 'life')] };
  }
  // "aged 30", "age 30", "at the age of 30"
  if (
    (t.lower === 'aged' || t.lower === 'age') &&
    ctx.tokens[i + 1 + (lowerAt(ctx, i + 1) === 'of' ? 1 : 0)]?.kind === 'num'
  ) {
    const k = i + 1 + (lowerAt(ctx, i + 1) === 'of' ? 1 : 0);
    const n = readNumber(ctx.tokens, k);
    if (n && n.value >= 0 && n.value <= 130)
      return { end: n.end, spans: [span('age', k, n.end - 1, formatNumber(n.value))] };
  }
  // "about a day", "for an hour"
  if ((t.lower === 'a' || t.lower === 'an') && APPROXIMATELY.has(lowerAt(ctx, i - 1))) {
    const unit = DURATION_UNITS[lowerAt(ctx, i + 1)];
    if (unit && !lowerAt(ctx, i + 1).endsWith('s'))
      return { end: i + 2, spans: [span('duration', i, i + 1, `1 ${unit}`)] };
  }
  if (!isNumberStart(ctx, i) || isIdentifierNumber(ctx, i)) return undefined;
  // Model numbers and codes ("M-13", "Su-27", "COVID-19") are names, not amounts.
  const prev = ctx.tokens[i - 1];
  if (t.kind === 'num' && prev?.text === '-' && !prev.gap && !t.gap && ctx.tokens[i - 2]?.kind === 'word')
    return { end: i + 1, spans: [] };
  if (t.kind === 'num' && !isScaleSuffixOnly(ctx, i)) return { end: i + 1, spans: [] };
  const n = readNumber(ctx.tokens, i);
  if (!n) return undefined;
  const typed = afterNumber(ctx, i, n) ?? range(ctx, i, n);
  if (typed) return typed;
  const next = ctx.tokens[n.end];
  if (next && (next.text === ':' || CLOCK.has(next.lower)) && ctx.tokens[n.end + 1]?.kind === 'num')
    return { end: n.end + 2, spans: [] };
  if (next && CLOCK.has(next.lower)) return { end: n.end + 1, spans: [] };
  if (appositiveAge(ctx, i, n)) return { end: n.end, spans: [span('age', i, i, formatNumber(n.value))] };
  if (
    t.lower === 'one' &&
    (PRONOUN_ONE_BEFORE.has(lowerAt(ctx, i - 1)) || PRONOUN_ONE_AFTER.has(lowerAt(ctx, n.end)))
  )
    return { end: n.end, spans: [] };
  return { end: n.end, spans: [span('count', i, n.end - 1, formatNumber(n.value))] };
}
