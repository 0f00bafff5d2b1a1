import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCasualtyReport,
  detectConflicts,
  extractFigures,
  filterCasualties,
  MEASURES,
  matchesMeasure,
  SIDES,
} from '../../src/extract/casualties.js';
import { buildTalksBrief } from '../../src/extract/talks.js';
import type { CasualtyFigure, CasualtyReport } from '../../src/extract/types.js';
import { corpusOf, FIXTURES_DIR, loadDir, SEEDS_DIR } from './corpus.js';

const one = (text: string, published = '2026-02-05') => extractFigures(corpusOf([{ id: 'a', text, published }]));

describe('what counts as a casualty figure', () => {
  it('reads prisoners handed over as released, and "over" there as no qualifier', () => {
    const [f] = one('The two sides agreed to hand over 157 prisoners each.');
    expect(f).toMatchObject({ measure: 'prisoners released', qualifier: 'exact', low: 157, high: 157 });
  });

  it('reads the count after a harm verb ("wounded 47 others")', () => {
    const figures = one('A missile strike on Dnipro killed two people and wounded 47 others.');
    expect(figures.map((f) => [f.measure, f.value])).toEqual([
      ['killed', 2],
      ['wounded', 47],
    ]);
  });

  it('reads population and measure from the noun phrase and the verb', () => {
    const [f] = one(
      'More than 50,000 Ukrainian soldiers have been killed fighting Russian troops, the president said.',
    );
    expect(f).toMatchObject({ population: 'Ukrainian soldiers', measure: 'killed', low: 50000, high: null });
  });

  it('reads a bare participle after the number and inherits who is counted', () => {
    const figures = one(
      'Almost 15,000 Sudanese civilians have been killed and just over 40,000 injured since the war began.',
    );
    expect(figures.map((f) => [f.population, f.measure, f.text])).toEqual([
      ['Sudanese civilians', 'killed', 'Almost 15,000'],
      ['Sudanese civilians', 'wounded', 'just over 40,000'],
    ]);
  });

  it('reads "put X deaths at N" and "on the X side"', () => {
    const figures = one(
      'The report put the number of Russian soldiers killed at 325,000, with up to 140,000 deaths on the Ukrainian side.',
    );
    expect(figures.map((f) => [f.population, f.measure, f.text])).toEqual([
      ['Russian soldiers', 'killed', '325,000'],
      ['Ukrainian soldiers', 'killed', 'up to 140,000'],
    ]);
  });

  it('reads both sides and combined measures', () => {
    const figures = one(
      'A battlefield toll since 2022: nearly 500,000 dead and 1.5 million wounded or missing on both sides.',
    );
    expect(figures.map((f) => [f.population, f.measure])).toEqual([
      ['both sides (military)', 'killed'],
      ['both sides (military)', 'wounded or missing'],
    ]);
  });

  it('counts prisoners exchanged between two sides', () => {
    const [f] = one('The envoy said the two sides agreed to exchange 314 prisoners.');
    expect(f).toMatchObject({ population: 'both sides (prisoners)', measure: 'prisoners exchanged', low: 314 });
  });

  it('reads a percent change as a change, not a count', () => {
    const [f] = one(
      'Last year saw a 31% increase in Ukrainian civilian casualties compared with 2024, the group said.',
    );
    expect(f).toMatchObject({ measure: 'casualties (% increase)', low: 31, high: 31, text: '31%', asOf: '2025' });
  });

  it('marks a single attack so it is not compared with war totals', () => {
    const [f] = one('Two people were injured in the Ukrainian capital as a result of overnight Russian drone strikes.');
    expect(f).toMatchObject({ population: 'Ukrainian civilians (attack, 2026-02-05)', measure: 'wounded', low: 2 });
  });

  it('skips drones, missiles, distances, ages, years and territory shares', () => {
    const figures = one(
      'Russia fired 183 drones and two ballistic missiles along a 1,000-kilometer front in the four-year-old war. ' +
        'Air defenses shot down 95 Ukrainian drones over Crimea, annexed in 2014. Russia occupies 20 percent of Ukraine.',
    );
    expect(figures).toEqual([]);
  });
});

describe('claimants', () => {
  it('resolves "he said" to the person quoted before', () => {
    const figures = one(
      'President Mara Voss told reporters the war was going badly. In March 2025, she said more than 9,000 Norlandic soldiers had been killed.',
    );
    expect(figures[0]).toMatchObject({ claimant: 'Mara Voss', asOf: '2025-03' });
  });

  it('resolves "its report said" to the organisation cited before', () => {
    const figures = one(
      'The Institute for Conflict Research estimated that up to 30,000 Norlandic troops had been killed through the end of last year. ' +
        'Its report said 4,200 Norlandic civilians had died over the same time.',
    );
    expect(figures.map((f) => [f.claimant, f.asOf])).toEqual([
      ['Institute for Conflict Research', '2025-12'],
      ['Institute for Conflict Research', '2025-12'],
    ]);
  });

  it('resolves "the same report" to the last report cited', () => {
    const figures = one(
      'A report by the Institute for Conflict Research put Norlandic military deaths at up to 30,000. ' +
        'The same report estimated Norlandic civilian deaths at 4,200.',
    );
    expect(figures.map((f) => [f.population, f.claimant])).toEqual([
      ['Norlandic soldiers', 'Institute for Conflict Research'],
      ['Norlandic civilians', 'Institute for Conflict Research'],
    ]);
  });

  it('reads "according to X", "X\'s statement" and "a statement … that said"', () => {
    expect(one('According to the Harbor Monitoring Group, nearly 700 civilians have been killed.')[0]?.claimant).toBe(
      'Harbor Monitoring Group',
    );
    expect(
      one("President Mara Voss spoke. Voss's February 2025 statement that over 46,000 soldiers had died.")[0]?.claimant,
    ).toBe('Mara Voss');
    expect(
      one(
        'The Norlandic Defense Ministry has not released figures since a statement in September 2022 that said 900 soldiers had died.',
      )[0],
    ).toMatchObject({ claimant: 'Norlandic Defense Ministry', asOf: '2022-09' });
  });

  it('resolves "a recent analysis" to the report named in the next sentence', () => {
    const figures = one(
      'A recent analysis revealed a battlefield toll: nearly 90,000 dead on both sides. The report by the Institute for Conflict Research was published in May.',
    );
    expect(figures[0]?.claimant).toBe('Institute for Conflict Research');
  });
});

describe('merging, conflicts and change over time (two fixture articles)', () => {
  let report: CasualtyReport;
  beforeAll(async () => {
    report = buildCasualtyReport(await loadDir(path.join(FIXTURES_DIR, 'merge')));
  });
  const find = (text: string) => report.figures.find((f) => f.text === text || f.text.endsWith(text));

  it('merges the same claim across articles despite name spellings and qualifiers', () => {
    const f = find('12,500');
    expect(f).toMatchObject({
      population: 'Norlandic soldiers',
      measure: 'killed',
      claimant: 'Mara Voss',
      asOf: '2026-04-08',
    });
    expect(f?.citations.map((c) => c.source)).toEqual(['alpha', 'beta']);
    expect(f?.citations.map((c) => c.outlet)).toEqual(['Alpha Daily (fictional)', 'Beta Times (fictional)']);
  });

  it('takes the most precise as-of date among the merged reports', () => {
    expect(find('4,200')).toMatchObject({ claimant: 'Institute for Conflict Research', asOf: '2025-12' });
    expect(find('4,200')?.citations).toHaveLength(2);
  });

  it('quotes each citation verbatim', () => {
    expect(find('up to 30,000')?.citations[1]?.quote).toBe(
      'A report by the Institute for Conflict Research put Norlandic military deaths at up to 30,000 by the end of last year.',
    );
  });

  it('flags different claimants for the same count side by side', () => {
    const c = report.conflicts.find((x) => x.about === 'Norlandic soldiers killed');
    expect(c?.figures.map((f) => [f.text, f.claimant])).toEqual([
      ['12,500', 'Mara Voss'],
      ['up to 30,000', 'Institute for Conflict Research'],
    ]);
    expect(c?.note).toMatch(/side by side/);
  });

  it("shows one claimant's figures over time", () => {
    const c = report.conflicts.find((x) => x.about.includes('change over time'));
    expect(c?.figures.map((f) => f.text)).toEqual(['more than 9,000', '12,500']);
    expect(c?.note).toContain('2025-03 → 12,500 as of 2026-04-08');
  });

  it('recomputes conflicts from the figures alone', () => {
    expect(detectConflicts(report.figures)).toEqual(report.conflicts);
  });
});

describe('filterCasualties', () => {
  const fig = (population: string, measure: string): CasualtyFigure => ({
    population,
    measure,
    low: 1,
    high: 1,
    qualifier: 'exact',
    text: '1',
    claimant: null,
    asOf: null,
    citations: [],
  });
  const report: CasualtyReport = {
    figures: [
      fig('Ukrainian soldiers', 'killed'),
      fig('Russian soldiers', 'killed'),
      fig('Ukrainian civilians', 'wounded'),
      fig('both sides (military)', 'wounded or missing'),
    ],
    conflicts: [],
  };

  it('keeps one side', () => {
    expect(filterCasualties(report, { side: 'ukraine' }).figures.map((f) => f.population)).toEqual([
      'Ukrainian soldiers',
    ]);
    expect(filterCasualties(report, { side: 'russia' }).figures.map((f) => f.population)).toEqual(['Russian soldiers']);
    expect(filterCasualties(report, { side: 'civilians' }).figures.map((f) => f.population)).toEqual([
      'Ukrainian civilians',
    ]);
    expect(filterCasualties(report, { side: 'all' }).figures).toHaveLength(4);
  });

  it('matches a measure by word and synonym', () => {
    expect(filterCasualties(report, { measure: 'wounded' }).figures).toHaveLength(2);
    expect(matchesMeasure('killed', 'deaths')).toBe(true);
    expect(matchesMeasure('prisoners exchanged', 'prisoners')).toBe(true);
  });

  it('exports the option lists', () => {
    expect(SIDES).toEqual(['ukraine', 'russia', 'civilians', 'all']);
    expect(MEASURES).toContain('wounded or missing');
  });
});

describe('the seed articles', () => {
  let report: CasualtyReport;
  beforeAll(async () => {
    report = buildCasualtyReport(await loadDir(SEEDS_DIR));
  });
  const pick = (pred: (f: CasualtyFigure) => boolean) => report.figures.filter(pred);

  it("lists Zelenskyy's 55,000 soldiers killed, reported by 4 sources", () => {
    const [f] = pick((f) => f.low === 55000 && f.high === 55000);
    expect(f).toMatchObject({ population: 'Ukrainian soldiers', measure: 'killed', claimant: 'Volodymyr Zelenskyy' });
    expect(new Set(f?.citations.map((c) => c.source)).size).toBe(4);
  });

  it("lists the think tank's up to 140,000 as of the end of 2025", () => {
    const [f] = pick((f) => f.high === 140000);
    expect(f).toMatchObject({
      low: null,
      qualifier: 'up to',
      claimant: 'Center for Strategic and International Studies',
      asOf: '2025-12',
    });
  });

  it('lists 46,000 as of February 2025 and the change to 55,000', () => {
    expect(pick((f) => f.low === 46000)[0]).toMatchObject({ claimant: 'Volodymyr Zelenskyy', asOf: '2025-02' });
    const change = report.conflicts.find((c) => c.about.includes('change over time'));
    expect(change?.figures.map((f) => f.low)).toEqual([46000, 55000]);
  });

  it('flags the Zelenskyy / think-tank conflict without picking a winner', () => {
    const c = report.conflicts.find((x) => x.about === 'Ukrainian soldiers killed');
    expect(c?.figures.map((f) => f.claimant)).toEqual([
      'Volodymyr Zelenskyy',
      'Center for Strategic and International Studies',
    ]);
  });

  it('lists 15,000 civilians killed per the UN mission as of December 2025', () => {
    const [f] = pick((f) => f.high === 15000);
    expect(f).toMatchObject({
      population: 'Ukrainian civilians',
      measure: 'killed',
      claimant: 'United Nations Human Rights Monitoring Mission in Ukraine',
      asOf: '2025-12',
    });
    expect(f?.citations).toHaveLength(3);
  });

  it('lists the exchange of 314 prisoners and the other claimants', () => {
    expect(pick((f) => f.low === 314)[0]?.measure).toBe('prisoners exchanged');
    const claimants = new Set(report.figures.map((f) => f.claimant));
    for (const c of ['Human Rights Watch', 'Russian Defense Ministry', 'Vitali Klitschko'])
      expect(claimants).toContain(c);
  });

  it('keeps every citation a verbatim sentence of its article', async () => {
    const corpus = await loadDir(SEEDS_DIR);
    for (const f of report.figures) {
      for (const c of f.citations) expect(corpus.byId.get(c.source)?.sentences.map((s) => s.text)).toContain(c.quote);
    }
  });
});

describe('an article the extractor has never seen', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'extract-unseen-'));
    await cp(SEEDS_DIR, dir, { recursive: true });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('shows its figures and talks facts once it is added to the sources directory', async () => {
    const before = buildCasualtyReport(await loadDir(dir));
    expect(before.figures.some((f) => f.population.startsWith('Sudanese'))).toBe(false);

    const unseen = path.join(FIXTURES_DIR, 'unseen');
    for (const file of await readdir(unseen)) await cp(path.join(unseen, file), path.join(dir, file));
    const corpus = await loadDir(dir);
    const report = buildCasualtyReport(corpus);

    const un = report.figures.find((f) => f.low === 61000);
    expect(un).toMatchObject({
      population: 'Sudanese civilians',
      measure: 'killed',
      qualifier: 'at least',
      claimant: 'United Nations Office for the Coordination of Humanitarian Affairs',
    });
    expect(un?.citations[0]?.source).toBe('geneva_sudan_talks');
    expect(report.figures.find((f) => f.low === 120)).toMatchObject({ measure: 'prisoners exchanged' });
    expect(report.figures.find((f) => f.high === 8500)).toMatchObject({
      population: 'Sudanese children',
      measure: 'wounded',
    });
    expect(report.figures.find((f) => f.low === 2000)).toMatchObject({ measure: 'captured', claimant: 'Omar Haddad' });
    expect(report.conflicts.map((c) => c.about)).toContain('Sudanese civilians killed');
    expect(report.conflicts.some((c) => c.about.includes('change over time (Sudanese Health Ministry)'))).toBe(true);
    // The seeds' figures are still there.
    expect(report.figures.some((f) => f.low === 55000)).toBe(true);

    const talks = buildTalksBrief(corpus).items.map((i) => `${i.topic}: ${i.summary}`);
    expect(talks).toContainEqual(
      expect.stringMatching(/^timeline: Third round of talks — Geneva — Tuesday 2026-03-10/),
    );
    expect(talks).toContainEqual(expect.stringMatching(/^participants: Lena Brunner — .*envoy.*\(Switzerland\)/));
    expect(talks).toContainEqual(expect.stringMatching(/^participants: Omar Haddad — .*negotiator.*\(Sudan\)/));
    expect(talks).toContainEqual(expect.stringMatching(/^outcomes: .*exchange 120 prisoners/));
    expect(talks).toContainEqual(expect.stringMatching(/^sticking-points: .*withdrawal of RSF fighters/));
    expect(talks).toContainEqual(expect.stringMatching(/^next-steps: .*meet again in Geneva next month/));
  });
});

describe('claimants of counts', () => {
  it('does not take a noun like "counts" for a verb of saying', () => {
    const [f] = one('With two people killed in Velmar, early counts put the toll at two dead.');
    expect(f?.claimant).not.toBe('Velmar');
  });
});
