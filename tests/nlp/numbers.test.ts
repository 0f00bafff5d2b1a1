import { describe, expect, it } from 'vitest';
import { countableNumbers, findNumbers, parseNumber, qualifierClass, qualifierMeaning } from '../../src/nlp/numbers.js';

describe('findNumbers', () => {
  const table: [
    string,
    { text: string; qualifier: string; low: number | null; high: number | null; percent?: boolean },
  ][] = [
    ['with up to 140,000 deaths', { text: 'up to 140,000', qualifier: 'up to', low: null, high: 140000 }],
    ['55,000 Ukrainian soldiers', { text: '55,000', qualifier: 'exact', low: 55000, high: 55000 }],
    [
      'estimating between 500,000 and 600,000 total military casualties',
      { text: 'between 500,000 and 600,000', qualifier: 'between', low: 500000, high: 600000 },
    ],
    ['cited 1.2 million Russian casualties', { text: '1.2 million', qualifier: 'exact', low: 1200000, high: 1200000 }],
    [
      'said just under 6,000 Russian soldiers',
      { text: 'just under 6,000', qualifier: 'just under', low: null, high: 6000 },
    ],
    ['Two people were injured', { text: 'Two', qualifier: 'exact', low: 2, high: 2 }],
    ['twenty-five civilians', { text: 'twenty-five', qualifier: 'exact', low: 25, high: 25 }],
    ['saw a 31% increase', { text: '31%', qualifier: 'exact', low: 31, high: 31, percent: true }],
    ['increased by 31 percent', { text: '31 percent', qualifier: 'exact', low: 31, high: 31, percent: true }],
    [
      'more than 46,000 Ukrainian servicemen',
      { text: 'more than 46,000', qualifier: 'more than', low: 46000, high: null },
    ],
    ['and just over 40,000 injured', { text: 'just over 40,000', qualifier: 'just over', low: 40000, high: null }],
    [
      'has killed at least 61,000 civilians',
      { text: 'at least 61,000', qualifier: 'at least', low: 61000, high: null },
    ],
    ['Almost 15,000 Ukrainian civilians', { text: 'Almost 15,000', qualifier: 'almost', low: null, high: 15000 }],
    ['nearly 15,000 civilians', { text: 'nearly 15,000', qualifier: 'nearly', low: null, high: 15000 }],
    ['about 55,000 Ukrainian soldiers', { text: 'about 55,000', qualifier: 'about', low: 55000, high: 55000 }],
    ['at as many as 325,000', { text: 'as many as 325,000', qualifier: 'as many as', low: null, high: 325000 }],
  ];
  it.each(table)('reads "%s"', (text, want) => {
    const [n] = findNumbers(text);
    expect(n).toMatchObject({ ...want, percent: want.percent ?? false });
  });

  it('skips compounds that measure age, distance or temperature', () => {
    expect(countableNumbers('the four-year-old war along a 1,000-kilometer (600-mile) front at -20°C')).toEqual([]);
  });

  it('marks bare years so they are not counted', () => {
    const [n] = findNumbers('illegally annexed in 2014');
    expect(n?.yearLike).toBe(true);
  });

  it('reads every number of a sentence in order', () => {
    const values = findNumbers('nearly 500,000 dead and 1.5 million wounded or missing').map((n) => n.value);
    expect(values).toEqual([500000, 1500000]);
  });
});

describe('parseNumber', () => {
  it.each([
    ['140,000', 140000],
    ['1.5 million', 1500000],
    ['two', 2],
    ['three hundred', 300],
    ['twenty-one', 21],
    ['31%', 31],
  ])('parses %s', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it('returns null for words that are not numbers', () => {
    expect(parseNumber('several')).toBeNull();
  });
});

describe('qualifierClass', () => {
  it('puts synonyms in one class so one claim written two ways merges', () => {
    expect(qualifierClass('almost')).toBe(qualifierClass('nearly'));
    expect(qualifierClass('just over')).toBe(qualifierClass('more than'));
    expect(qualifierClass('up to')).not.toBe(qualifierClass('more than'));
  });
});

describe('qualifiers read in full', () => {
  const read = (text: string) => findNumbers(text).map((m) => [m.qualifier, m.low, m.high]);

  it('takes the longest qualifier written before the number', () => {
    expect(read('no fewer than 300 people')).toEqual([['no fewer than', 300, null]]);
    expect(read('just over 40 villages')).toEqual([['just over', 40, null]]);
    expect(read('fewer than 20 homes')).toEqual([['fewer than', null, 20]]);
  });

  it('does not read the particle of a phrasal verb as a qualifier', () => {
    expect(read('they agreed to hand over 157 prisoners')).toEqual([['exact', 157, 157]]);
    expect(read('for over 157 days')).toEqual([['over', 157, null]]);
  });

  it('multiplies by dozen', () => {
    expect(read('nearly two dozen injured')).toEqual([['nearly', null, 24]]);
  });
});

describe('numbers written in words', () => {
  const values = (text: string) => findNumbers(text).map((m) => m.value);

  it('reads "half a million" and "a million" as their values', () => {
    expect(values('half a million people fled')).toEqual([500000]);
    expect(values('more than a million refugees')).toEqual([1000000]);
    expect(values('a quarter of a million homes')).toEqual([250000]);
  });

  it('reads compound number words', () => {
    expect(values('three hundred prisoners')).toEqual([300]);
    expect(values('twenty-five civilians')).toEqual([25]);
  });

  it('reads "and a half" as part of the number, with the unit after it', () => {
    const [m] = findNumbers('the hearing lasted more than three and a half days');
    expect(m).toMatchObject({ value: 3.5, kind: 'duration', qualifier: 'more than' });
    expect(values('some 2 and a half million passengers')).toEqual([2500000]);
    expect(values('three and four')).toEqual([3, 4]);
  });
});

describe('thousands separators and decimals', () => {
  it('reads "1,710" as one number and "1.2 million" as its value', () => {
    expect(findNumbers('1,710 should read 1,170').map((m) => m.value)).toEqual([1710, 1170]);
    expect(findNumbers('1.2 million casualties')[0]?.value).toBe(1200000);
  });
});

describe('ranges', () => {
  it('reads "A to B" and "between A and B" as one mention with two values', () => {
    expect(findNumbers('500,000 to 600,000 casualties').map((m) => [m.value, m.value2])).toEqual([[500000, 600000]]);
    expect(findNumbers('between 20 and 30 people')).toMatchObject([{ qualifier: 'between', low: 20, high: 30 }]);
  });

  it('reads a currency sign between the qualifier and the number', () => {
    expect(findNumbers('knocked between $1 and $2 a crate off prices')).toMatchObject([
      { qualifier: 'between', low: 1, high: 2 },
    ]);
    expect(findNumbers('nearly €5 million')).toMatchObject([{ qualifier: 'nearly', value: 5_000_000 }]);
  });

  it('reads the number of a numbered paragraph ("11. The board …") as a marker, not a figure', () => {
    expect(findNumbers('11. The board calls on the port to reopen.')).toMatchObject([{ kind: 'other' }]);
    expect(findNumbers('3) The sides agreed to meet.')).toMatchObject([{ kind: 'other' }]);
    expect(findNumbers('The toll rose to 11. Officials said more.')).toMatchObject([{ kind: 'count' }]);
  });

  it('reads a currency code before the number as part of the figure, not as a name ("Flight 752")', () => {
    expect(findNumbers('an appeal of EUR 2.7 million')).toMatchObject([{ text: 'EUR 2.7 million', kind: 'count' }]);
    expect(findNumbers('it cost $2 million')).toMatchObject([{ text: '$2 million' }]);
    expect(findNumbers('aboard Flight 752')).toMatchObject([{ kind: 'other' }]);
  });
});

describe('percentage points', () => {
  it('are a percentage, qualifier and all', () => {
    expect(findNumbers('at least 0.5 percentage points of growth')).toMatchObject([
      { value: 0.5, kind: 'percent', qualifier: 'at least', text: 'at least 0.5 percentage points' },
    ]);
  });
});

describe('kinds of number', () => {
  const kinds = (text: string) => findNumbers(text).map((m) => [m.value, m.kind]);

  it('tells counts from percentages, lengths, spans of time, years and days of a month', () => {
    expect(kinds('12 people, 31%, a 1,000-kilometer front, 40 minutes, in 2025, on February 3')).toEqual([
      [12, 'count'],
      [31, 'percent'],
      [1000, 'length'],
      [40, 'duration'],
      [2025, 'year'],
      [3, 'date'],
    ]);
  });

  it('reads the closing day of a span of days after a month name as a date, not a count', () => {
    expect(
      kinds('polled between February 13 and 19 among 2,012 adults, then from May 2 until 6 on 40 ferries'),
    ).toEqual([
      [13, 'date'],
      [19, 'date'],
      [2012, 'count'],
      [2, 'date'],
      [6, 'date'],
      [40, 'count'],
    ]);
  });

  it('reads a day before a month name as a date, not a count', () => {
    expect(kinds('on 3 February')).toEqual([[3, 'date']]);
  });

  it('reads a number in a name, an age or a clock time as no count', () => {
    expect(kinds('Flight 752, a four-year-old, at 16:20')).toEqual([
      [752, 'other'],
      [4, 'other'],
      [16, 'other'],
    ]);
  });

  it('reads a number joined to a unit of time by a hyphen as no count, in digits or in words', () => {
    expect(kinds('a ten-minute call, a 48-hour truce, a two-decade feud, 40 ferries')).toEqual([
      [10, 'other'],
      [48, 'other'],
      [2, 'other'],
      [40, 'count'],
    ]);
  });

  it('reads a time of day written with "a.m.", "pm" or "o\'clock" as no count', () => {
    expect(kinds("by 10 a.m., at 6pm, at 9 o'clock, 40 ferries")).toEqual([
      [10, 'other'],
      [6, 'other'],
      [9, 'other'],
      [40, 'count'],
    ]);
  });

  it('reads "one of" as a pronoun, not a count', () => {
    expect(kinds('one of the envoys')).toEqual([[1, 'other']]);
  });

  it('reads the second year of a season ("2025/26") as a year, not a count', () => {
    expect(kinds('the 2025/26 harvest and the 2024–25 season')).toEqual([
      [2025, 'year'],
      [26, 'year'],
      [2024, 'year'],
      [25, 'year'],
    ]);
  });
});

describe('a verb before the number', () => {
  it('reads the count after the verb with no qualifier', () => {
    expect(findNumbers('killed two and wounded 47 others')).toMatchObject([
      { value: 2, qualifier: 'exact' },
      { value: 47, qualifier: 'exact' },
    ]);
  });

  it('reads the meaning of every qualifier once', () => {
    const meaning = (text: string) => qualifierMeaning(findNumbers(text)[0]?.qualifier ?? '');
    expect(meaning('no fewer than 300')).toBe('at least');
    expect(meaning('in excess of 300')).toBe('more than');
    expect(meaning('as many as 300')).toBe('up to');
    expect(meaning('almost 300')).toBe('nearly');
    expect(meaning('roughly 300')).toBe('about');
  });
});
