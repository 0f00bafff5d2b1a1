import { describe, expect, it } from 'vitest';
import { asOfFor } from '../../src/extract/figures.js';
import { datesCompatible, findDates, narrativeShift, resolveDate, resolveUncached } from '../../src/nlp/dates.js';
import { countableNumbers as findNumbers } from '../../src/nlp/numbers.js';

const PUBLISHED = '2026-02-05'; // a Thursday

describe('resolveDate', () => {
  it.each([
    ['last December', '2025-12'],
    ['December', '2025-12'],
    ['last month', '2026-01'],
    ['last year', '2025'],
    ['the end of last year', '2025-12'],
    ['Wednesday', '2026-02-04'],
    ['late Wednesday', '2026-02-04'],
    ['Thursday', '2026-02-05'],
    ['Monday', '2026-02-02'],
    ['February 2025', '2025-02'],
    ['September 2022', '2022-09'],
    ['February 24, 2022', '2022-02-24'],
    ['2014', '2014'],
    ['next month', '2026-03'],
    ['yesterday', '2026-02-04'],
  ])('resolves "%s" against 2026-02-05 to %s', (phrase, iso) => {
    expect(resolveDate(phrase, PUBLISHED)).toBe(iso);
  });

  it('cannot resolve a relative date without a publication date', () => {
    expect(resolveDate('last month', null)).toBeNull();
    expect(resolveDate('February 2025', null)).toBe('2025-02');
  });

  it.each([
    // Weekdays: the most recent such day, publication day included (chrono alone would pick the closest).
    ['Friday', '2026-01-30'],
    ['this Friday', '2026-01-30'],
    ['Wednesday night', '2026-02-04'],
    ['last Thursday', '2026-01-29'],
    ['last Wednesday', '2026-02-04'],
    ['next Friday', '2026-02-06'],
    ['next Thursday', '2026-02-12'],
    // Months without a year: the most recent one; "last"/"next"/"this" move it (chrono ignores them).
    ['March', '2025-03'],
    ['February', '2026-02'],
    ['last February', '2025-02'],
    ['next December', '2026-12'],
    ['this December', '2026-12'],
    ['last May', '2025-05'],
    ['December 3', '2025-12-03'],
    // Periods, only as precise as the text.
    ['the end of 2025', '2025-12'],
    ['the end of this year', '2026-12'],
    ['the end of last month', '2026-01'],
    ['this year', '2026'],
    ['this month', '2026-02'],
    ['last week', '2026-01'],
    ['the past year', '2025'],
    ['the previous year', '2025'],
    ['the previous month', '2026-01'],
    ['today', '2026-02-05'],
    ['overnight', '2026-02-05'],
    ['last night', '2026-02-04'],
    ['this morning', '2026-02-05'],
    ['24 February 2022', '2022-02-24'],
    ['February 24th, 2022', '2022-02-24'],
    ['February, 2025', '2025-02'],
    ['early 2025', '2025'],
    // Rolling windows and the coming week name no calendar date.
    ['the past month', null],
    ['next week', null],
    ['the start of the war', null],
    ['the war began', null],
  ])('resolves "%s" against 2026-02-05 to %s', (phrase, iso) => {
    expect(resolveDate(phrase, PUBLISHED)).toBe(iso);
  });

  it.each([
    ['last month', '2024-03-31', '2024-02'],
    ['next month', '2024-01-31', '2024-02'],
    ['the previous month', '2024-03-31', '2024-02'],
    ['last year', '2024-02-29', '2023'],
    ['this week', '2026-04-02', '2026-04'],
    ['last week', '2026-03-05', '2026-02'],
    ['February 29', '2024-09-10', '2024-02-29'],
    ['last December', '2025-12-20', '2024-12'],
    ['December', '2025-12-20', '2025-12'],
    ['January', '2026-01-01', '2026-01'],
    ['Thursday', '2026-01-01', '2026-01-01'],
    ['Friday', '2026-01-01', '2025-12-26'],
  ])('resolves "%s" against %s to %s, across month and year ends', (phrase, published, iso) => {
    expect(resolveDate(phrase, published)).toBe(iso);
  });

  it('resolves a date that states its own year without a publication date, and only that', () => {
    expect(resolveDate('2014', null)).toBe('2014');
    expect(resolveDate('the end of 2025', null)).toBe('2025-12');
    expect(resolveDate('February 24, 2022', null)).toBe('2022-02-24');
    expect(resolveDate('Wednesday', null)).toBeNull();
    expect(resolveDate('December 3', null)).toBeNull();
    expect(resolveDate('last December', null)).toBeNull();
    expect(resolveDate('the end of last year', null)).toBeNull();
  });

  it('never returns an impossible calendar date', () => {
    expect(resolveDate('February 30', PUBLISHED)).toBeNull();
    expect(resolveDate('February 29', PUBLISHED)).toBeNull();
    expect(resolveDate('April 31, 2022', PUBLISHED)).toBe('2022');
  });

  it('does not read a count after a month name as a two-digit year', () => {
    expect(findDates('In December 45 civilians were killed.', PUBLISHED)).toMatchObject([
      { text: 'December 45', iso: '2025-12' },
    ]);
  });
});

describe('findDates', () => {
  const roleOf = (text: string, phrase: string) => findDates(text, PUBLISHED).find((d) => d.text === phrase)?.role;

  it('tells end, start, comparison and report dates apart', () => {
    expect(roleOf('since the start of the war through last December', 'last December')).toBe('end');
    expect(roleOf('a battlefield toll since 2022', '2022')).toBe('start');
    expect(roleOf('a 31% increase compared with 2024', '2024')).toBe('compare');
    expect(roleOf('said in a report published Wednesday', 'Wednesday')).toBe('report');
    expect(roleOf('between February 2022 and December 2025', 'December 2025')).toBe('end');
    expect(roleOf('between February 2022 and December 2025', 'February 2022')).toBe('start');
  });

  it('keeps the date of a statement after "since a statement in"', () => {
    const d = findDates('since a statement in September 2022 that said just under 6,000', PUBLISHED);
    expect(d).toMatchObject([{ iso: '2022-09', role: 'other' }]);
  });

  it('reads "early 2025" as the year', () => {
    expect(findDates('in early 2025, he said', PUBLISHED)[0]?.iso).toBe('2025');
  });

  it('reads a weekday after "expect X to" as one ahead', () => {
    const [d] = findDates('We expect the port to reopen fully on Friday.', PUBLISHED);
    const [past] = findDates('The port reopened on Friday.', PUBLISHED);
    expect((d?.iso ?? '') > (past?.iso ?? '')).toBe(true);
  });

  it('reads no new date in "the same overnight attack": it is the date of an event named before', () => {
    expect(findDates('The same overnight attack killed two people in Odesa.', PUBLISHED)).toEqual([]);
    expect(findDates('An overnight attack killed two people in Odesa.', PUBLISHED)).toHaveLength(1);
  });
});

describe('asOfFor', () => {
  const asOf = (text: string) => {
    const n = findNumbers(text).find((x) => !x.yearLike);
    if (!n) throw new Error('no number');
    return asOfFor(findDates(text, PUBLISHED), n);
  };

  it('prefers an end date over a statement date', () => {
    expect(asOf('Almost 15,000 civilians have been killed since the start of the war through last December')).toBe(
      '2025-12',
    );
  });

  it('uses the period a change covers, not the report date', () => {
    expect(asOf('Last year saw a 31% increase in casualties, the group said in a report published Wednesday.')).toBe(
      '2025',
    );
  });

  it('ignores start and comparison dates', () => {
    expect(asOf('nearly 500,000 dead since 2022')).toBeNull();
  });

  it('takes the date of the statement that gave the figure', () => {
    expect(asOf('In February 2025, he said more than 46,000 soldiers had been killed.')).toBe('2025-02');
  });
});

describe('datesCompatible', () => {
  it('treats a year and a month of that year as the same time', () => {
    expect(datesCompatible('2025', '2025-02')).toBe(true);
    expect(datesCompatible('2025-01', '2025-02')).toBe(false);
    expect(datesCompatible(null, '2025-02')).toBe(true);
  });
});

describe('tense of a weekday or month named alone', () => {
  const iso = (text: string, published: string) => findDates(text, published).map((d) => d.iso);

  it('reads a weekday in a past or present clause as the most recent one', () => {
    expect(iso('The envoys met on Friday.', '2026-03-12')).toEqual(['2026-03-06']);
  });

  it('reads a weekday in a future clause as the next one', () => {
    expect(iso('The envoys will meet again on Friday.', '2026-03-12')).toEqual(['2026-03-13']);
    expect(iso('A third round is set for Monday.', '2026-03-12')).toEqual(['2026-03-16']);
  });

  it('keeps a saying verb in the past between the future and the date', () => {
    expect(iso('The envoys will meet, the minister said on Friday.', '2026-03-12')).toEqual(['2026-03-06']);
  });

  it('reads reported future ("would") after a dated statement', () => {
    expect(iso('She said on Monday that the talks would open on Wednesday.', '2026-03-10')).toEqual([
      '2026-03-09',
      '2026-03-11',
    ]);
  });

  it('reads a month in a future clause as the next one', () => {
    expect(iso('The agency will publish its count in January.', '2026-03-12')).toEqual(['2027-01']);
  });
});

describe('dates written with their year', () => {
  it('reads them without a reference, as chrono does', () => {
    expect(resolveDate('March 9, 2021', null)).toBe('2021-03-09');
    expect(resolveDate('9 March 2021', '2026-01-05')).toBe('2021-03-09');
    expect(resolveDate('March 2021', null)).toBe('2021-03');
    expect(resolveDate('late 2021', null)).toBe('2021');
    expect(resolveDate('the end of 2021', null)).toBe('2021-12');
    expect(resolveDate('2021', null)).toBe('2021');
  });

  it('leaves impossible days to chrono', () => {
    expect(resolveDate('February 30, 2022', null)).toBe('2022');
  });
});

describe('a month and a day without a year', () => {
  it('reads what chrono reads, for every month, day and publication date', () => {
    for (const published of ['2026-01-05', '2024-02-29', '2025-12-31', '2026-07-15']) {
      for (const month of ['January', 'February', 'April', 'June', 'December']) {
        for (const day of [1, 9, 28, 29, 30, 31, 32, 45]) {
          const phrase = `${month} ${day}`;
          expect(resolveDate(phrase, published)).toBe(resolveUncached(phrase, published));
        }
      }
    }
  });

  it('reads weekdays and days named from the publication day as chrono does', () => {
    const phrases = ['today', 'tonight', 'yesterday', 'overnight', 'last night', 'this morning'];
    for (const w of ['Monday', 'Thursday', 'Saturday']) {
      phrases.push(w, `last ${w}`, `past ${w}`, `this ${w}`, `next ${w}`, `early ${w}`, `late ${w}`, `${w} night`);
    }
    for (const published of ['2026-01-05', '2026-02-05', '2024-02-29', '2025-12-31']) {
      for (const phrase of phrases) expect(resolveDate(phrase, published)).toBe(resolveUncached(phrase, published));
    }
  });

  it('reads months and years named from the publication day as chrono does', () => {
    const phrases = [
      'last month',
      'this month',
      'next month',
      'last year',
      'Last year',
      'this year',
      'next year',
      'the end of last year',
      'the end of this year',
      'the end of last month',
      'the past year',
      'the previous year',
      'the previous month',
      'the past month',
      'last week',
      'this week',
      'next week',
      'last December',
      'this December',
      'next December',
      'last January',
      'next March',
      'the start of the war',
      'the war began',
      'the start of 2025',
    ];
    for (const published of ['2026-01-05', '2026-03-31', '2025-12-31', '2024-02-29', '2026-07-01']) {
      for (const phrase of phrases) expect(resolveDate(phrase, published)).toBe(resolveUncached(phrase, published));
    }
  });

  it('reads dates with their year as chrono does', () => {
    for (const phrase of [
      'March 9, 2021',
      '9 March 2021',
      'March 2021',
      'late 2021',
      'the end of 2021',
      '2021',
      'February 7342',
      'early 8123',
    ]) {
      expect(resolveDate(phrase, '2026-01-05')).toBe(resolveUncached(phrase, '2026-01-05'));
    }
  });
});

describe('when something was said', () => {
  const roles = (text: string) => findDates(text, '2026-02-05').map((d) => [d.text, d.role]);

  it('marks a date right after a verb of saying as the statement date', () => {
    expect(roles('Forty people were hurt, officials said on Saturday.')).toEqual([['Saturday', 'said']]);
    expect(roles('Speaking to reporters on Friday, the envoy praised the talks.')).toEqual([['Friday', 'said']]);
  });

  it('leaves the date of the event itself an event date', () => {
    expect(roles('The drones struck on Tuesday, the ministry said.')).toEqual([['Tuesday', 'other']]);
  });
});

describe('news-style calendar dates', () => {
  const iso = (text: string) => findDates(text, '2026-02-05').map((d) => d.iso);

  it('reads abbreviated month names with or without the dot', () => {
    expect(iso('in the Feb. 3 strikes')).toEqual(['2026-02-03']);
    expect(iso('on Jan 23 and 24')).toEqual(['2026-01-23']);
  });

  it('reads a day before the month', () => {
    expect(iso('the talks of 23 January')).toEqual(['2026-01-23']);
  });

  it('reads a month name only when it is capitalized', () => {
    expect(iso('as many as 12 may have died')).toEqual([]);
  });

  it('reads a span of time as no date', () => {
    expect(iso('the ceasefire held for a week')).toEqual([]);
    expect(iso('talks lasted for two days')).toEqual([]);
  });

  it('reads the time of day of the report as the publication day', () => {
    expect(iso('Sirens sounded this morning.')).toEqual(['2026-02-05']);
    expect(iso('Air defences were active overnight.')).toEqual(['2026-02-05']);
  });
});

describe('date answers read the same dates as the reports', () => {
  it('resolves "on Friday" in a Thursday article to the Friday before, as /casualties does', async () => {
    const { annotatedDateSlots } = await import('../../src/engine/when.js');
    const { tokenize } = await import('../../src/engine/text.js');
    const text = 'The envoys met in Abu Dhabi on Friday.';
    const slots = annotatedDateSlots(text, tokenize(text), '2026-02-05');
    expect(slots.map((s) => [s.key, s.text])).toEqual([['date:2026-01-30', 'on Friday (January 30, 2026)']]);
    expect(findDates(text, '2026-02-05').map((d) => d.iso)).toEqual(['2026-01-30']);
  });
});

describe('narrativeShift', () => {
  it('reads how far a sentence moves on from the time the story has reached', () => {
    expect(narrativeShift('The following month the ferry line reopened.')).toEqual({ unit: 'month', n: 1 });
    expect(narrativeShift('The next day, two tugs were sent out.')).toEqual({ unit: 'day', n: 1 });
    expect(narrativeShift('Three weeks later the port was dredged.')).toEqual({ unit: 'week', n: 3 });
    expect(narrativeShift('A year earlier it had flooded.')).toEqual({ unit: 'year', n: -1 });
    expect(narrativeShift('The day before, the harbour board had met.')).toEqual({ unit: 'day', n: -1 });
  });

  it('reads none where the time counts from a date of its own or from now', () => {
    expect(narrativeShift('The day before the vote the board met.')).toBeNull();
    expect(narrativeShift('The board meets next month.')).toBeNull();
    expect(narrativeShift('Two tugs were sent out.')).toBeNull();
  });
});
