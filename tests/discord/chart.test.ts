import { describe, expect, it } from 'vitest';
import { casualtiesPng, casualtiesSvg, MAX_CHART_BARS } from '../../src/discord/chart.js';
import type { CasualtyFigure } from '../../src/extract/types.js';

const figure = (partial: Partial<CasualtyFigure>): CasualtyFigure => ({
  population: 'Ukrainian soldiers',
  measure: 'killed',
  low: 55000,
  high: 55000,
  qualifier: 'exact',
  text: '55,000',
  claimant: 'Volodymyr Zelenskyy',
  asOf: '2026-02-04',
  citations: [],
  ...partial,
});

describe('casualtiesSvg', () => {
  it('draws one panel per population and one bar per figure, labelled as written', () => {
    const svg = casualtiesSvg([
      figure({}),
      figure({ low: null, high: 140000, qualifier: 'up to', text: 'up to 140,000', claimant: 'CSIS', asOf: null }),
      figure({ population: 'Russian soldiers', low: 1_200_000, high: 1_200_000, text: '1.2 million' }),
    ]) as string;
    expect(svg).toContain('>Ukrainian soldiers<');
    expect(svg).toContain('>Russian soldiers<');
    expect(svg).toContain('>up to 140,000<');
    expect(svg).toContain('>1.2 million<');
    expect(svg).toContain('killed — Volodymyr Zelenskyy, 4 Feb 2026');
  });
  it('draws "up to" as a light range, "between" as solid then light, "more than" with an arrow', () => {
    const upTo = casualtiesSvg([figure({ low: null, high: 100, qualifier: 'up to', text: 'up to 100' })]) as string;
    expect(upTo).toContain('fill="#feb2b2"');
    expect(upTo).not.toContain('fill="#c53030"/>');
    const between = casualtiesSvg([figure({ low: 50, high: 100, qualifier: 'between', text: 'between 50 and 100' })]);
    expect(between).toContain('fill="#feb2b2"');
    expect(between).toContain('fill="#c53030"');
    const more = casualtiesSvg([figure({ low: 50, high: null, qualifier: 'more than', text: 'more than 50' })]);
    expect(more).toContain('<path');
  });
  it('leaves out percentages and figures without numbers, and caps the number of bars', () => {
    expect(casualtiesSvg([figure({ measure: 'casualties (% increase)', text: '31%', low: 31, high: 31 })])).toBeNull();
    expect(casualtiesSvg([figure({ low: null, high: null, text: 'dozens' })])).toBeNull();
    const many = casualtiesSvg(Array.from({ length: 100 }, (_, i) => figure({ low: i + 1, high: i + 1 }))) as string;
    expect(many.match(/fill="#e2e8f0"/g)).toHaveLength(MAX_CHART_BARS);
  });
  it('escapes text', () => {
    expect(casualtiesSvg([figure({ claimant: 'A & B <C>' })])).toContain('A &#38; B &#60;C&#62;');
  });
});

describe('casualtiesPng', () => {
  it('renders a PNG', () => {
    const png = casualtiesPng([figure({})]);
    expect(png?.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });
});
