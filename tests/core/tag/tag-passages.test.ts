import { describe, expect, it } from 'vitest';
import {
  mentionsOfType,
  tagPassages,
  tagText,
  type Mention,
  type MentionType,
} from '../../../src/core/index.js';

/** `type:surface=value` for each mention, in order: what a reader checks against the sentence. */
function show(text: string, date?: string, only?: MentionType): string[] {
  return tagText(text, date)
    .filter((m) => !only || m.type === only)
    .map((m) => `${m.type}:${text.slice(m.start, m.end)}=${m.value}`);
}

describe('dates', () => {
  it('GIVEN a wire dateline and a weekday THEN both resolve against the document date', () => {
    const text = 'WASHINGTON, July 7 (AFP) - U.S. officials said on Monday that they had arrested a Russian.';
    expect(show(text, '2014-07-07', 'date')).toEqual(['date:July 7=2014-07-07', 'date:Monday=2014-07-07']);
    expect(show(text, '2014-07-07', 'place')).toContain('place:WASHINGTON=washington');
  });

  it('GIVEN a TASS dateline THEN the city is a place and the date takes the document year', () => {
    const text = 'MADRID, October 3. /TASS/. A Spanish court has approved the extradition.';
    expect(show(text, '2017-10-04')).toEqual(
      expect.arrayContaining(['place:MADRID=madrid', 'date:October 3=2017-10-03', 'org:TASS=tass']),
    );
  });

  it('GIVEN relative dates THEN each resolves against the document date', () => {
    const date = '2017-04-21'; // a Friday
    expect(show('A Seattle jury convicted him last August.', date, 'date')).toEqual([
      'date:last August=2016-08',
    ]);
    expect(show('Earlier this month he pleaded not guilty.', date, 'date')).toEqual([
      'date:Earlier this month=2017-04',
    ]);
    expect(show('He was arrested last Thursday.', date, 'date')).toEqual(['date:last Thursday=2017-04-20']);
    expect(show('The judge ruled on Friday.', date, 'date')).toEqual(['date:Friday=2017-04-21']);
    expect(show('A hearing is set for Monday.', date, 'date')).toEqual(['date:Monday=2017-04-24']);
    expect(show('He was charged last year and will be tried next year.', date, 'date')).toEqual([
      'date:last year=2016',
      'date:next year=2018',
    ]);
    expect(show('"Today is a bad day for hackers," she said.', date, 'date')).toEqual([
      'date:Today=2017-04-21',
    ]);
  });

  it('GIVEN absolute dates in several spellings THEN they normalise to YYYY-MM-DD, YYYY-MM or YYYY', () => {
    const text =
      'He was indicted on Dec. 22, 2014, arrested on 5 July 2014, charged in March 2011, freed on 1 August 2024 and filed 2021-04-19.';
    expect(show(text, undefined, 'date')).toEqual([
      'date:Dec. 22, 2014=2014-12-22',
      'date:5 July 2014=2014-07-05',
      'date:March 2011=2011-03',
      'date:1 August 2024=2024-08-01',
      'date:2021-04-19=2021-04-19',
    ]);
  });

  it('GIVEN a weekday before an explicit date THEN one mention holds the explicit date', () => {
    expect(show('He was arrested on Saturday, July 5, and flown to Guam.', '2014-07-07', 'date')).toEqual([
      'date:Saturday, July 5=2014-07-05',
    ]);
  });

  it('GIVEN a year after a company name THEN it is a date; GIVEN "No. 7" or a card count THEN no date', () => {
    expect(show('He took part in the hack of RBS WorldPay in 2008.', undefined, 'date')).toEqual([
      'date:2008=2008',
    ]);
    expect(show('He was listed as No. 7 among the spammers.', undefined, 'date')).toEqual([]);
    expect(show('He was listed as No. 1984 on the list.', undefined, 'date')).toEqual([]);
    expect(show('The cashers used over 2,100 ATMs.', undefined, 'date')).toEqual([]);
    expect(show('No. 7', undefined)).toEqual([]);
  });

  it('GIVEN a year range THEN both years are dates', () => {
    expect(
      show('The scheme ran in 2009-13 and from 2018 through 2020.', undefined, 'date').map(
        (s) => s.split('=')[1],
      ),
    ).toEqual(['2009', '2013', '2018', '2020']);
  });

  it('GIVEN an undated document THEN a month and day keep no invented year', () => {
    expect(show('The hearing is on July 22.', undefined, 'date')).toEqual(['date:July 22=--07-22']);
    expect(show('The hearing was on Monday.', undefined, 'date')).toEqual([]);
  });
});

describe('durations, money, counts, ages, percentages', () => {
  it('GIVEN sentence lengths THEN each is a duration with its unit', () => {
    expect(show('He was sentenced to 27 years in prison.', undefined, 'duration')).toEqual([
      'duration:27 years=27 year',
    ]);
    expect(show('She got a 46-month sentence, then 108 months more.', undefined, 'duration')).toEqual([
      'duration:46-month=46 month',
      'duration:108 months=108 month',
    ]);
    expect(show('He was sentenced to time served.', undefined, 'duration')).toEqual([
      'duration:time served=time served',
    ]);
    expect(show('He received nine years and 14 more years later.', undefined, 'duration')).toEqual([
      'duration:nine years=9 year',
      'duration:14 more years=14 year',
    ]);
    expect(
      show('The jury deliberated for about a day; the swap took 12 hours.', undefined, 'duration'),
    ).toEqual(['duration:a day=1 day', 'duration:12 hours=12 hour']);
    expect(show('She was given seven and a half years.', undefined, 'duration')).toEqual([
      'duration:seven and a half years=7.5 year',
    ]);
    expect(show('He is serving a life sentence.', undefined, 'duration')).toEqual(['duration:life=life']);
  });

  it('GIVEN a range of years THEN both ends are durations', () => {
    expect(show('A term of eight to 12 years was likely.', undefined, 'duration')).toEqual([
      'duration:eight=8 year',
      'duration:12 years=12 year',
    ]);
  });

  it('GIVEN amounts of money in signs, scales and words THEN each is a number with a currency', () => {
    expect(show('He must repay $169 million and post a $1 million bond.', undefined, 'money')).toEqual([
      'money:$169 million=169000000 usd',
      'money:$1 million=1000000 usd',
    ]);
    expect(show('The bail was 5,000 dollars, or €9 million, or US$2.5bn.', undefined, 'money')).toEqual([
      'money:5,000 dollars=5000 usd',
      'money:€9 million=9000000 eur',
      'money:US$2.5bn=2500000000 usd',
    ]);
    expect(show('He was cashing out $2,178,349 in total.', undefined, 'money')).toEqual([
      'money:$2,178,349=2178349 usd',
    ]);
  });

  it('GIVEN counted things THEN each number is a count with its value', () => {
    expect(show('Jurors convicted him on 38 of 40 counts.', undefined, 'count')).toEqual([
      'count:38=38',
      'count:40=40',
    ]);
    expect(show('The laptop held 1.7 million cards from 3,700 banks.', undefined, 'count')).toEqual([
      'count:1.7 million=1700000',
      'count:3,700=3700',
    ]);
    expect(show('Six people and twenty-six prisoners and a dozen agents.', undefined, 'count')).toEqual([
      'count:Six=6',
      'count:twenty-six=26',
      'count:a dozen=12',
    ]);
  });

  it('GIVEN identifiers, times and pronoun "one" THEN no count', () => {
    expect(show('He ranked No. 7 at the firm M-13 at 10:30 a.m.', undefined, 'count')).toEqual([]);
    expect(show('No one knew; they blamed one another.', undefined, 'count')).toEqual([]);
  });

  it('GIVEN ages in apposition, "aged" and "-year-old" THEN each is an age', () => {
    expect(
      show('The Justice Department named the man as Roman Seleznev, 30, of Moscow.', undefined, 'age'),
    ).toEqual(['age:30=30']);
    expect(show('Seleznev, now 33, entered the pleas.', undefined, 'age')).toEqual(['age:33=33']);
    expect(show('The judge ordered the 32-year-old to repay.', undefined, 'age')).toEqual([
      'age:32-year-old=32',
    ]);
    expect(show('A man aged 45 and a woman, 52 years old.', undefined, 'age')).toEqual([
      'age:45=45',
      'age:52 years old=52',
    ]);
  });

  it('GIVEN percentages THEN each is a number with "percent"', () => {
    expect(show('They kept from 30 to 50 percent, up 4.5%.', undefined, 'percent')).toEqual([
      'percent:30=30 percent',
      'percent:50 percent=50 percent',
      'percent:4.5%=4.5 percent',
    ]);
  });
});

describe('names given to things', () => {
  it('GIVEN a nickname, a codename, a list of handles and a quoted epithet THEN each is a name', () => {
    expect(show('He is known by the nickname "Track2", officials said.', undefined, 'name')).toEqual([
      'name:Track2=track2',
    ]);
    expect(
      show('Prosecutors said Seleznev used the online names Track2, Bulba and nCux.', undefined, 'name'),
    ).toEqual(['name:Track2=track2', 'name:Bulba=bulba', 'name:nCux=ncux']);
    expect(show('It ran a botnet called Kelihos.', undefined, 'name')).toEqual(['name:Kelihos=kelihos']);
    expect(show('The FBI operation, codenamed Ghost Click, ended it.', undefined, 'name')).toEqual([
      'name:Ghost Click=ghost click',
    ]);
    expect(show('Spamhaus calls him one of the "kings of spam."', undefined, 'name')).toEqual([
      'name:kings of spam=kings of spam',
    ]);
    expect(
      show('He went by Track2 in criminal forums and was dubbed “the Spam King”.', undefined, 'name'),
    ).toEqual(['name:Track2=track2', 'name:the Spam King=the spam king']);
    expect(show('Police launched Operation Onymous against the sites.', undefined, 'name')).toEqual([
      'name:Operation Onymous=operation onymous',
    ]);
  });

  it('GIVEN "called" as a verb THEN no name', () => {
    expect(show('Lawmakers called for an inquiry and called it a disgrace.', undefined, 'name')).toEqual([]);
  });
});

describe('people, places and organisations', () => {
  it('GIVEN names with first names, titles and head words THEN each gets its type', () => {
    const text =
      'U.S. District Judge Richard A. Jones of the Western District of Washington ordered the Justice Department and the Seattle Police Department to meet in Moscow.';
    expect(show(text)).toEqual(
      expect.arrayContaining([
        'person:Richard A. Jones=richard a. jones',
        'org:Justice Department=justice department',
        'org:Seattle Police Department=seattle police department',
        'place:Moscow=moscow',
      ]),
    );
  });

  it('GIVEN a surname named in full elsewhere in the knowledge base THEN its lone use is a person too', () => {
    const tags = tagPassages([
      { text: 'Seleznev pleaded not guilty.' },
      { text: 'The Justice Department named the man as Roman Valerevich Seleznev.' },
    ]);
    expect(mentionsOfType(tags[0]!, 'person').map((m) => m.value)).toEqual(['seleznev']);
  });

  it('GIVEN spellings of one country and accented names THEN values are folded and unified', () => {
    const values = (text: string): string[] => tagText(text).map((m) => m.value);
    expect(values('Agents from the U.S. and the United States met Sergei Tšurikov.')).toEqual([
      'united states',
      'united states',
      'sergei tsurikov',
    ]);
  });

  it('GIVEN an unknown name described in apposition as a person THEN it is a person; as a place THEN not', () => {
    expect(
      show(
        'Moscow offered to trade him for Naama Issachar, an Israeli-American jailed in Russia.',
        undefined,
        'person',
      ),
    ).toEqual(['person:Naama Issachar=naama issachar']);
    expect(show('He met Ilse Tarvonen, a reporter for a Helsinki daily.', undefined, 'person')).toEqual([
      'person:Ilse Tarvonen=ilse tarvonen',
    ]);
    expect(show('He was detained in Zermatt Kurort, the Swiss resort.', undefined, 'person')).toEqual([]);
  });

  it('GIVEN an unknown single name after "in" THEN it is a place', () => {
    expect(show('He was detained in Zermatt in 2021.', undefined, 'place')).toEqual([
      'place:Zermatt=zermatt',
    ]);
  });
});

describe('the tagger as a whole', () => {
  it('GIVEN the same passages twice THEN the same mentions, sorted by position, with offsets into the text', () => {
    const passages = [
      {
        text: 'SEATTLE, April 21 (Reuters) - A judge on Friday sentenced Roman Seleznev, 32, to 27 years.',
        date: '2017-04-21',
      },
      { text: 'He must repay $169 million to 3,700 banks.', date: '2017-04-21' },
    ];
    const a = tagPassages(passages);
    const b = tagPassages(passages);
    expect(a).toEqual(b);
    for (const [k, list] of a.entries()) {
      const starts = list.map((m: Mention) => m.start);
      expect(starts).toEqual([...starts].sort((x, y) => x - y));
      for (const m of list) expect(m.end).toBeGreaterThan(m.start);
      expect(list.every((m) => m.end <= passages[k]!.text.length)).toBe(true);
    }
  });

  it('GIVEN a question THEN tagText finds its own mentions, so an answer can be told apart', () => {
    const q = tagText('When was Seleznev sentenced to 27 years in 2017?');
    expect(mentionsOfType(q, 'duration').map((m) => m.value)).toEqual(['27 year']);
    expect(mentionsOfType(q, 'date').map((m) => m.value)).toEqual(['2017']);
  });
});
