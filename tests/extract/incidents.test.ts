import { describe, expect, it } from 'vitest';
import { buildCasualtyReport, extractFigures } from '../../src/extract/casualties.js';
import { clauseAround, reportOrder, timeStamp } from '../../src/extract/incidents.js';
import { corpusOf } from './corpus.js';

const figures = (text: string, published = '2026-03-12') => extractFigures(corpusOf([{ id: 'a', text, published }]));
const report = (articles: { id: string; text: string; published?: string }[]) =>
  buildCasualtyReport(corpusOf(articles));

describe('clauses and report order', () => {
  it('ends a clause at a semicolon or a spaced dash', () => {
    const text = 'The raid killed nine people; officials had earlier put the toll at six — a count now revised.';
    expect(text.slice(clauseAround(text, text.indexOf('six')).start, clauseAround(text, text.indexOf('six')).end)).toBe(
      ' officials had earlier put the toll at six',
    );
  });

  it('reads earlier and later reports from the words of the clause', () => {
    const text = 'Medics now say 12 were hurt; first reports had put the number at eight.';
    expect(reportOrder(text, text.indexOf('12'))).toBe(1);
    expect(reportOrder(text, text.indexOf('eight'))).toBe(-1);
  });

  it('reads the time stamp of a live-blog entry', () => {
    expect(timeStamp('09:40 — Officials say two people were hurt.')).toBe('09:40');
    expect(timeStamp('Officials say two people were hurt.')).toBeNull();
  });
});

describe('live-blog time stamps', () => {
  it('reads a clock time followed by a zone word and "time" before the dash, as without a zone', () => {
    expect(
      [
        '14:40 — Crews cleared the coast road.',
        '14:40 Kyiv time — Crews cleared the coast road.',
        '9:05 Eastern Time: Crews cleared the coast road.',
        '09:10 GMT — Crews cleared the coast road.',
      ].map(timeStamp),
    ).toEqual(['14:40', '14:40', '09:05', '09:10']);
    expect(timeStamp('14:40 Kyiv said the coast road was cleared.')).toBeNull();
  });

  it('reads a clock time in brackets', () => {
    expect(timeStamp('[14:40] Crews cleared the coast road.')).toBe('14:40');
    expect(timeStamp('[09:10 CET] Crews cleared the coast road.')).toBe('09:10');
    expect(timeStamp('[25:10] Crews cleared the coast road.')).toBeNull();
  });

  it('dates the counts of an entry stamped with a zone word by its time', () => {
    const text =
      'Storm Harriet live: flooding along the coast\n\n' +
      '08:15 Coast time — Rescuers in Velmar say 4 people were injured when the sea wall gave way.\n\n' +
      '[11:30] Rescuers in Velmar now say 9 people were injured when the sea wall gave way.';
    expect(figures(text).map((f) => [f.value, f.reportedAt])).toEqual([
      [4, '2026-03-12T08:15'],
      [9, '2026-03-12T11:30'],
    ]);
  });
});

describe('the scope of a figure', () => {
  it('tells a war total, a period count and one attack apart', () => {
    const [war] = figures('Since the war began, 3,400 Norlandic civilians have been killed, the ministry said.');
    const [period] = figures('In 2025 alone, 610 Norlandic civilians were killed, the ministry said.');
    const [attack] = figures('A missile strike on Velmar killed 14 people overnight, the governor said.');
    expect([war?.scope, period?.scope, attack?.scope]).toEqual(['war', 'period', 'incident']);
    expect(period?.incident.date).toBe('2025');
    expect(attack?.incident).toMatchObject({ kind: 'attack', place: 'Velmar', date: '2026-03-12' });
  });

  it('counts attacks over a year as that year, and "a year earlier" as the year before', () => {
    const fs = figures(
      'Drone attacks killed 410 civilians in 2025, up from 190 killed a year earlier, the monitors said.',
    );
    expect(fs.map((f) => [f.low, f.scope, f.incident.date])).toEqual([
      [410, 'period', '2025'],
      [190, 'period', '2024'],
    ]);
  });

  it('does not count an aim or a threat', () => {
    expect(figures('The army aims to inflict 20,000 casualties a month on the enemy.')).toEqual([]);
  });

  it('does not take the date of a statement for the period counted', () => {
    const [f] = figures('In February 2025, the minister said 9,100 Norlandic soldiers had been killed in the war.');
    expect(f?.scope).toBe('war');
  });

  it('gives a count without a place of its own the one place its article names that day', () => {
    const fs = figures(
      'Two people were injured in Velmar overnight. Officials now say four people were hurt in the city.',
    );
    expect(fs.map((f) => f.incident.place)).toEqual(['Velmar', 'Velmar']);
  });

  it('keeps a toll over several places apart from each place', () => {
    const fs = figures(
      'Drones wounded six people in Velmar and three in Ostrava overnight; the night toll stood at nine wounded.',
    );
    expect(fs.find((f) => f.low === 9)?.incident.place).toBeNull();
  });
});

describe('what is a harm to people', () => {
  it('does not count people who lost power or heating as killed', () => {
    expect(figures('About 200,000 people lost power after the strike, and 40,000 residents lost heating.')).toEqual([]);
    expect(figures('More than 90,000 households were left without electricity.')).toEqual([]);
  });

  it('counts people who lost their lives, or were lost in a war', () => {
    const [a] = figures('Some 300 soldiers lost their lives in the battle for the town.');
    const [b] = figures('An estimated 5,000 Norlandic troops were lost in the invasion.');
    expect([a?.measure, b?.measure]).toEqual(['killed', 'killed']);
  });

  it('counts people named by a plural demonym', () => {
    const [f] = figures('An exchange in February freed 157 Norwegians, the mediators said.');
    expect(f).toMatchObject({ low: 157, measure: 'prisoners exchanged' });
    expect(f?.population).toMatch(/^Norwegian/);
  });

  it('reads a number that is the object of a harm verb', () => {
    const fs = figures('The strike killed three people and injured 25, the mayor said.');
    expect(fs.map((f) => [f.low, f.measure])).toEqual([
      [3, 'killed'],
      [25, 'wounded'],
    ]);
  });
});

describe('conflicts and updates', () => {
  it('never shows counts of different attacks as conflicting', () => {
    const r = report([
      {
        id: 'a',
        text: 'A drone attack on Velmar wounded 12 people overnight, the governor said.',
        published: '2026-03-10',
      },
      {
        id: 'b',
        text: 'A missile strike on Ostrava wounded 30 people overnight, the mayor said.',
        published: '2026-03-11',
      },
    ]);
    expect(r.conflicts).toEqual([]);
    expect(r.figures).toHaveLength(2);
  });

  it('never shows different prisoner exchanges as conflicting', () => {
    const r = report([
      { id: 'a', text: 'In May the sides agreed to exchange 400 prisoners, the mediator said.' },
      { id: 'b', text: 'Last week they agreed to exchange 95 prisoners, the envoy said.' },
    ]);
    expect(r.conflicts).toEqual([]);
  });

  it('prefers the later, higher count of the same attack and shows it as an update', () => {
    const r = report([
      { id: 'a', text: 'A missile strike on Velmar killed five people, the governor said.', published: '2026-03-10' },
      { id: 'b', text: 'The missile strike on Velmar killed nine people, the governor said.', published: '2026-03-10' },
      {
        id: 'c',
        text: 'Rescuers said the strike on Velmar killed 11 people; first reports had put the toll at five.',
        published: '2026-03-11',
      },
    ]);
    const killed = r.figures.filter((f) => f.measure === 'killed');
    expect(killed.map((f) => f.low)).toEqual([11]);
    expect(r.conflicts).toEqual([
      expect.objectContaining({ about: expect.stringMatching(/: update$/), note: expect.stringMatching(/→ 11/) }),
    ]);
  });

  it('reads a death toll that rose as an update of the same attack', () => {
    const r = report([
      {
        id: 'a',
        text:
          'A missile strike on Velmar killed seven people and wounded 31 overnight, the governor said. ' +
          'Later on Tuesday the rescue service said the death toll in Velmar had risen to nine.',
        published: '2026-03-10',
      },
    ]);
    expect(r.figures.filter((f) => f.measure === 'killed').map((f) => f.low)).toEqual([9]);
    expect(r.figures.find((f) => f.measure === 'wounded')?.low).toBe(31);
    expect(r.conflicts.map((c) => c.about)).toEqual([expect.stringMatching(/killed: update$/)]);
  });

  it("shows a later article with another official's lower count side by side, not as an update", () => {
    const r = report([
      {
        id: 'a',
        text: 'In Velmar, drone attacks wounded 27 people overnight, Governor Anna Lind said.',
        published: '2026-03-10',
      },
      {
        id: 'b',
        text: 'The overnight drone attack on Velmar wounded 19 people, according to Mayor Piet Brandt.',
        published: '2026-03-11',
      },
    ]);
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]?.about).not.toMatch(/update$/);
  });

  it('reads "the toll rose to" the next morning as an update of the attack it continues', () => {
    const r = report([
      {
        id: 'a',
        text:
          'At least 12 people were killed when bombs hit a block of flats in Velmar on Sunday, Governor Anna Lind said.\n\n' +
          'By Monday morning the toll rose to 14, Lind said on Telegram.',
        published: '2026-03-09',
      },
    ]);
    expect(r.figures.map((f) => [f.measure, f.low])).toEqual([['killed', 14]]);
    expect(r.figures[0]?.population).toMatch(/in Velmar/);
    expect(r.conflicts.map((c) => c.about)).toEqual([expect.stringMatching(/: update$/)]);
  });

  it('does not count an exchange that is only expected', () => {
    expect(figures('No fewer than 300 prisoners are expected to be exchanged this month, officials said.')).toEqual([]);
  });

  it('still shows two claimants disagreeing on a war total', () => {
    const r = report([
      { id: 'a', text: 'Since the invasion, 20,000 Norlandic soldiers have been killed, President Mara Voss said.' },
      {
        id: 'b',
        text: 'Since the invasion, 45,000 Norlandic soldiers have been killed, the Institute for Conflict Studies estimated.',
      },
    ]);
    expect(r.conflicts.map((c) => c.about)).toEqual(['Norlandic soldiers killed']);
  });
});
