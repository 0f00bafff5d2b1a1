import { describe, expect, it } from 'vitest';
import {
  excerpt,
  formatDate,
  isAgencyOutlet,
  reportName,
  type SourceLookup,
  SourceNumbering,
  shorten,
  sourceName,
  syndicationGroups,
} from '../../src/discord/cite.js';

const articles: Record<string, ReturnType<SourceLookup>> = {
  ap: {
    id: 'ap',
    outlet: 'The Associated Press',
    agency: 'AP',
    title: null,
    published: '2026-02-05',
    url: null,
    group: 'ap',
  },
  nb: {
    id: 'nb',
    outlet: 'NewsBeat',
    agency: 'AP',
    title: 'Zelenskyy reveals 55,000 soldiers lost',
    published: '2026-02-05',
    url: 'https://newsbeat.example/a',
    group: 'ap',
  },
  anon: {
    id: 'anon',
    outlet: null,
    title: null,
    published: '2026-02-05',
    url: null,
    headline: 'Talks resumed in Abu Dhabi on Thursday',
  },
};
const lookup: SourceLookup = (id) => articles[id];
const cite = (source: string, quote: string) => ({ source, outlet: null, quote });

describe('sourceName', () => {
  it('is the outlet, else the title, else the headline — never a file id', () => {
    expect(sourceName({ id: 'x', outlet: 'Reuters' })).toBe('Reuters');
    expect(sourceName({ id: 'x', outlet: null, title: 'A story' })).toBe('“A story”');
    expect(sourceName({ id: '004_36695bc192a49f9f', outlet: null, title: null, headline: 'Talks resumed' })).toBe(
      '“Talks resumed”',
    );
    expect(sourceName({ id: '004_36695bc192a49f9f', outlet: null })).toBe('an indexed article');
  });
});

describe('SourceNumbering', () => {
  it('shows the same sentence in syndicated copies as one report, named after the agency’s own outlet', () => {
    const n = new SourceNumbering(lookup, 'quote');
    expect(n.number(cite('nb', 'Fighting has cost 55,000 lives.'))).toBe(1);
    expect(n.number(cite('ap', 'Fighting has cost 55,000 lives.'))).toBe(1);
    expect(reportName(n.list[0] as never)).toBe('The Associated Press, also carried by NewsBeat');
    expect(n.list[0]?.url).toBe('https://newsbeat.example/a');
    expect(n.articles).toBe(2);
  });
  it('numbers by article when asked, merging one agency story carried by two outlets', () => {
    const n = new SourceNumbering(lookup, 'article');
    expect(n.refs([cite('ap', 'a'), cite('anon', 'b'), cite('nb', 'c')])).toBe('[1][2]');
    expect(n.list.map(reportName)).toEqual([
      'The Associated Press, also carried by NewsBeat',
      '“Talks resumed in Abu Dhabi on Thursday”',
    ]);
  });
  it('lists references in number order', () => {
    const n = new SourceNumbering(lookup, 'article');
    n.number(cite('anon', 'x'));
    expect(n.refs([cite('ap', 'y'), cite('anon', 'x')])).toBe('[1][2]');
  });
});

describe('syndicationGroups', () => {
  const article = (id: string, agency: string | null, texts: string[]) => ({
    id,
    meta: { agency },
    sentences: texts.map((text) => ({ text, boilerplate: false })),
  });
  const shared = [1, 2, 3].map((i) => `Shared sentence number ${i} of the agency story, long enough to count.`);
  it('groups copies of one agency story (sentences in common), not every story of the agency', () => {
    const corpus = {
      articles: [
        article('ap1', 'AP', shared),
        article('copy', 'AP', [...shared, 'A local paragraph added by the outlet that carried it.']),
        article('ap2', 'AP', ['Another AP story on the same day, with nothing in common at all.']),
        article('own', null, shared),
      ],
    };
    const groups = syndicationGroups(corpus as never);
    expect(groups.get('copy')).toBe('ap1');
    expect(groups.get('ap2')).toBe('ap2');
    expect(groups.has('own')).toBe(false);
  });
});

describe('isAgencyOutlet', () => {
  it('recognises an agency by name or initials', () => {
    expect(isAgencyOutlet('The Associated Press', 'AP')).toBe(true);
    expect(isAgencyOutlet('AP', 'AP')).toBe(true);
    expect(isAgencyOutlet('NewsBeat', 'AP')).toBe(false);
  });
});

describe('shorten', () => {
  it('cuts at a phrase boundary, never inside a number', () => {
    const text =
      'Ukrainian President Volodymyr Zelenskyy has said that about 55,000 Ukrainian soldiers have been killed';
    const out = shorten(text, 70);
    expect(out.length).toBeLessThanOrEqual(70);
    expect(out).not.toMatch(/55…$/);
    expect(out.endsWith('…')).toBe(true);
  });
});

describe('excerpt', () => {
  const quote =
    'The report by the Washington-based Center for Strategic and International Studies think tank, published in January after months of work, put the number of Russian soldiers killed at 325,000, with up to 140,000 deaths on the Ukrainian side.';
  it('keeps a short quote whole', () => {
    expect(excerpt('Short.', 100, '1')).toBe('Short.');
  });
  it('keeps the figure in view when the quote must be cut', () => {
    const out = excerpt(quote, 120, 'up to 140,000');
    expect(out.length).toBeLessThanOrEqual(120);
    expect(out).toContain('up to 140,000');
    expect(out.startsWith('…')).toBe(true);
  });
  it('cuts from the end when the figure is near the start', () => {
    const out = excerpt(quote, 120, 'Center for Strategic');
    expect(out.startsWith('The report')).toBe(true);
    expect(out.length).toBeLessThanOrEqual(120);
  });
});

describe('formatDate', () => {
  it('writes days, months and years one way', () => {
    expect(formatDate('2026-02-05')).toBe('5 Feb 2026');
    expect(formatDate('2025-12')).toBe('Dec 2025');
    expect(formatDate('2025')).toBe('2025');
  });
});
