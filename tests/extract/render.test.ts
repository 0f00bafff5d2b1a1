import { describe, expect, it } from 'vitest';
import { formatCasualtiesText, formatTalksText } from '../../src/extract/render.js';
import type { CasualtyReport, TalksBrief } from '../../src/extract/types.js';

const report: CasualtyReport = {
  figures: [
    {
      population: 'Norlandic soldiers',
      measure: 'killed',
      low: 12500,
      high: 12500,
      qualifier: 'exact',
      text: '12,500',
      claimant: 'Mara Voss',
      asOf: '2026-04-08',
      citations: [
        { source: 'alpha', outlet: 'Alpha Daily', quote: 'Voss said 12,500 soldiers were killed.' },
        { source: 'beta', outlet: null, quote: 'About 12,500 soldiers were killed, Voss said.' },
      ],
    },
  ],
  conflicts: [
    {
      about: 'Norlandic soldiers killed',
      figures: [
        { text: '12,500', low: 12500, high: 12500, claimant: 'Mara Voss' },
        { text: 'up to 30,000', low: null, high: 30000, claimant: 'Institute' },
      ],
      note: 'Different figures.',
    },
    {
      about: 'Norlandic soldiers killed: change over time (Mara Voss)',
      figures: [
        { text: '9,000', low: 9000, high: 9000, claimant: 'Mara Voss' },
        { text: '12,500', low: 12500, high: 12500, claimant: 'Mara Voss' },
      ],
      note: 'Change over time.',
    },
  ],
};

describe('formatCasualtiesText', () => {
  const text = formatCasualtiesText(report, 5);

  it('shows each figure with claimant, date, corroboration and numbered quotes', () => {
    expect(text).toContain('• killed: 12,500 — according to Mara Voss — as of 2026-04-08 — reported by 2 of 5 sources');
    expect(text).toContain('[1] Alpha Daily: "Voss said 12,500 soldiers were killed."');
    expect(text).toContain('[2] beta: "About 12,500 soldiers were killed, Voss said."');
  });

  it('separates disagreements from change over time', () => {
    expect(text.indexOf('Conflicting figures')).toBeLessThan(text.indexOf('Change over time'));
    expect(text).toContain('up to 30,000 — Institute');
  });

  it('says so when there is nothing to show', () => {
    expect(formatCasualtiesText({ figures: [], conflicts: [] })).toBe('No casualty figures found in the sources.');
  });
});

describe('formatTalksText', () => {
  const brief: TalksBrief = {
    items: [
      {
        topic: 'outcomes',
        summary: 'Agreed to exchange 75 prisoners',
        citations: [{ source: 'a', outlet: 'Test', quote: 'Q1.' }],
      },
      {
        topic: 'timeline',
        summary: 'Second round — Oslo — 2026-05-11',
        citations: [{ source: 'a', outlet: null, quote: 'Q2.' }],
      },
    ],
  };

  it('orders sections and numbers items and citations', () => {
    const text = formatTalksText(brief);
    expect(text.indexOf('Where and when')).toBeLessThan(text.indexOf('Outcomes'));
    expect(text).toContain('  1. Agreed to exchange 75 prisoners\n       [1] Test: "Q1."');
    expect(text).toContain('[1] a: "Q2."');
  });

  it('says so when there is nothing to show', () => {
    expect(formatTalksText({ items: [] })).toBe('Nothing about the talks found in the sources.');
  });
});
