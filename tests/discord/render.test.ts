import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  ARTICLES_PER_PAGE,
  clip,
  clipEscaped,
  ELLIPSIS,
  embedLength,
  escapeText,
  FIGURES_PER_PAGE,
  figureAsWritten,
  figureValue,
  fitEmbed,
  fitLines,
  formatDate,
  MAX_AUTOCOMPLETE_CHOICES,
  MAX_CHOICE_LENGTH,
  MAX_CONTENT_LENGTH,
  MAX_EMBED_DESCRIPTION,
  MAX_EMBED_FIELDS,
  MAX_EMBED_TITLE,
  MAX_EMBEDS_TOTAL,
  MAX_FIELD_NAME,
  MAX_FIELD_VALUE,
  MAX_FOOTER_TEXT,
  messageEmbedsLength,
  renderAnswer,
  renderCasualties,
  renderReload,
  renderSourcesList,
  renderTalks,
  SHORTENED_NOTE,
  type SourceLookup,
  splitMessage,
  toChoices,
} from '../../src/discord/render.js';
import type { CasualtyReport, TalksBrief } from '../../src/extract/types.js';
import type { Answer, RichCitation } from '../../src/types.js';

/** Every Discord limit, for any rendered message. */
function expectWithinLimits(embeds: APIEmbed[], content?: string): void {
  expect(content?.length ?? 0).toBeLessThanOrEqual(MAX_CONTENT_LENGTH);
  expect(embeds.length).toBeLessThanOrEqual(10);
  expect(messageEmbedsLength(embeds)).toBeLessThanOrEqual(MAX_EMBEDS_TOTAL);
  for (const e of embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(MAX_EMBED_TITLE);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(MAX_EMBED_DESCRIPTION);
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(MAX_FOOTER_TEXT);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(MAX_EMBED_FIELDS);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(MAX_FIELD_NAME);
      expect(f.value.length).toBeLessThanOrEqual(MAX_FIELD_VALUE);
    }
  }
}

const OWNER = '123456789012345678';

const lookup: SourceLookup = (id) => ({
  id,
  outlet: `Outlet ${id}`,
  title: `Title of ${id}`,
  published: '2026-02-05',
  url: null,
});

function citation(source: string, quote: string): RichCitation {
  return {
    source,
    outlet: `Outlet ${source}`,
    title: `Title of ${source}`,
    published: '2026-02-05',
    paragraph: 1,
    quote,
  };
}

function answer(partial: Partial<Answer>): Answer {
  return {
    question: 'How many prisoners were exchanged?',
    answer: '314 prisoners',
    abstained: false,
    kind: 'count',
    supportingSources: 2,
    totalSources: 5,
    alternatives: [],
    citations: [
      citation('a', 'The sides agreed to exchange 314 prisoners.'),
      citation('b', 'An exchange of 314 prisoners.'),
    ],
    ...partial,
  };
}

describe('clip', () => {
  it('leaves short text alone', () => {
    expect(clip('hello', 10)).toBe('hello');
  });
  it('cuts long text at a word boundary and ends with an ellipsis', () => {
    const out = clip('the quick brown fox jumps over the lazy dog', 20);
    expect(out.length).toBeLessThanOrEqual(20);
    expect(out.endsWith(ELLIPSIS)).toBe(true);
    expect(out).toBe('the quick brown fox…');
  });
  it('never splits a surrogate pair', () => {
    const out = clip('😀'.repeat(20), 9);
    expect(out.length).toBeLessThanOrEqual(9);
    expect(/[\ud800-\udbff]…$/.test(out)).toBe(false);
  });
  it('never leaves a dangling markdown escape', () => {
    const escaped = escapeText('a*b*c*d*e*f*g*h');
    for (let max = 3; max < escaped.length; max++) {
      const out = clip(escaped, max);
      expect(/(^|[^\\])(\\\\)*\\…$/.test(out)).toBe(false);
    }
  });
});

describe('clipEscaped', () => {
  it('escapes markdown so user text shows as typed', () => {
    expect(clipEscaped('# head **bold** _it_ `code`', 100)).toBe('\\# head \\*\\*bold\\*\\* \\_it\\_ \\`code\\`');
  });
  it('fits the escaped result within the limit', () => {
    const out = clipEscaped('*'.repeat(500), 101);
    expect(out.length).toBeLessThanOrEqual(101);
    expect(out.endsWith(ELLIPSIS)).toBe(true);
  });
});

describe('fitLines', () => {
  it('keeps whole lines and notes how many were left out', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `line number ${i}`);
    const { text, omitted } = fitLines(lines, 100);
    expect(text.length).toBeLessThanOrEqual(100);
    expect(omitted).toBeGreaterThan(0);
    expect(text).toContain(`and ${omitted} more not shown`);
    expect(
      text
        .split('\n')
        .slice(0, -1)
        .every((l) => /^line number \d+$/.test(l)),
    ).toBe(true);
  });
  it('clips a first line that is too long on its own', () => {
    const { text } = fitLines(['x'.repeat(500), 'short'], 100);
    expect(text.length).toBeLessThanOrEqual(100);
    expect(text).toContain(ELLIPSIS);
  });
});

describe('splitMessage', () => {
  it('splits long text into chunks within the content limit, at line breaks', () => {
    const text = Array.from({ length: 300 }, (_, i) => `Line ${i}: ${'word '.repeat(5)}`).join('\n');
    const chunks = splitMessage(text);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(MAX_CONTENT_LENGTH);
    expect(chunks.join('\n').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
  });
  it('splits a single overlong line too', () => {
    const chunks = splitMessage('word '.repeat(1000).trim(), 300);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(300);
    expect(chunks.join(' ').split(' ').filter(Boolean)).toHaveLength(1000);
  });
});

describe('fitEmbed', () => {
  it('drops fields beyond 25 and says so in the footer', () => {
    const fields = Array.from({ length: 40 }, (_, i) => ({ name: `F${i}`, value: 'v' }));
    const e = fitEmbed({ title: 'T', fields, footer: 'base', moreFields: (n) => `${n} more hidden` });
    expect(e.fields).toHaveLength(MAX_EMBED_FIELDS);
    expect(e.footer?.text).toContain('15 more hidden');
  });
  it('stays within the 6,000 total even when every part is huge', () => {
    const e = fitEmbed({
      title: 't'.repeat(1000),
      lines: Array.from({ length: 100 }, () => 'd'.repeat(100)),
      fields: Array.from({ length: 30 }, () => ({ name: 'n'.repeat(400), value: 'v'.repeat(2000) })),
      footer: 'f'.repeat(3000),
    });
    expectWithinLimits([e]);
    expect(embedLength(e)).toBeLessThanOrEqual(MAX_EMBEDS_TOTAL);
    expect(e.footer?.text).toContain(ELLIPSIS);
  });
  it('notes that material was shortened', () => {
    const e = fitEmbed({ title: 'T', fields: [{ name: 'n', value: 'v'.repeat(2000) }] });
    expect(e.fields?.[0]?.value.length).toBeLessThanOrEqual(MAX_FIELD_VALUE);
    expect(e.footer?.text).toContain(SHORTENED_NOTE);
  });
});

describe('renderAnswer', () => {
  it('shows the answer with numbered citations: outlet, title, date and the verbatim quote', () => {
    const { embeds } = renderAnswer(answer({}), lookup);
    const [e] = embeds;
    expect(e?.description).toContain('**314 prisoners** [1][2]');
    expect(e?.fields?.map((f) => f.name)).toEqual(['[1] Outlet a', '[2] Outlet b']);
    expect(e?.fields?.[0]?.value).toContain('*Title of a* · 5 Feb 2026');
    expect(e?.fields?.[0]?.value).toContain('> The sides agreed to exchange 314 prisoners.');
    expect(e?.footer?.text).toBe('2 of 5 sources agree');
  });
  it('calls out disagreeing figures with their own numbered sources', () => {
    const { embeds } = renderAnswer(
      answer({ alternatives: [{ answer: '300 prisoners', citations: [citation('c', 'About 300 prisoners.')] }] }),
      lookup,
    );
    expect(embeds[0]?.description).toContain('**The sources also give:**\n• 300 prisoners [3]');
    expect(embeds[0]?.fields).toHaveLength(3);
    expect(embeds[0]?.footer?.text).toContain('1 reports a different answer');
  });
  it('does not repeat disagreeing answers an engine appended to the main answer', () => {
    const alt = {
      answer: 'about 300 prisoners (reported by 1 of 5 sources)',
      citations: [citation('c', 'About 300.')],
    };
    const text = `314 prisoners (reported by 2 of 5 sources); the sources also give: ${alt.answer}`;
    const { embeds } = renderAnswer(answer({ answer: text, alternatives: [alt] }), lookup);
    expect(embeds[0]?.description).toBe(
      '**314 prisoners (reported by 2 of 5 sources)** [1][2]\n\n**The sources also give:**\n• about 300 prisoners (reported by 1 of 5 sources) [3]',
    );
  });
  it('renders an abstention as a clear "not in my sources" reply without citations', () => {
    const { embeds } = renderAnswer(
      answer({ abstained: true, answer: 'I could not find that in my sources.', citations: [], supportingSources: 0 }),
      lookup,
    );
    expect(embeds[0]?.description).toContain('I could not find that in my sources.');
    expect(embeds[0]?.fields).toBeUndefined();
    expect(embeds[0]?.footer?.text).toBe('Searched 5 sources');
  });
  it('escapes the echoed question so markdown and masked links do not render', () => {
    const { embeds } = renderAnswer(answer({ question: '**why** [click](http://evil.example) @everyone' }), lookup);
    expect(embeds[0]?.title).not.toContain('**why**');
    expect(embeds[0]?.title).toContain('\\*\\*why\\*\\*');
    expect(embeds[0]?.title).not.toMatch(/(^|[^\\])\[click\]\(/);
  });
  it('stays within every limit with many long citations', () => {
    const citations = Array.from({ length: 40 }, (_, i) => citation(`s${i}`, `quote ${i} `.repeat(200)));
    const { embeds } = renderAnswer(answer({ citations, answer: 'a'.repeat(5000) }), lookup);
    expectWithinLimits(embeds);
    expect(embeds[0]?.footer?.text).toMatch(/more sources? not shown|Shortened/);
  });
});

const report: CasualtyReport = {
  figures: [
    {
      population: 'Ukrainian soldiers',
      measure: 'killed',
      low: 55000,
      high: 55000,
      qualifier: 'exact',
      text: '55,000',
      claimant: 'Volodymyr Zelenskyy',
      asOf: '2026-02-04',
      citations: [{ source: 'a', outlet: 'Outlet a', quote: 'Zelenskyy said 55,000 soldiers were killed.' }],
    },
    {
      population: 'Ukrainian soldiers',
      measure: 'killed',
      low: null,
      high: 140000,
      qualifier: 'up to',
      text: 'up to 140,000',
      claimant: 'CSIS',
      asOf: null,
      citations: [{ source: 'b', outlet: 'Outlet b', quote: 'CSIS estimated up to 140,000.' }],
    },
  ],
  conflicts: [
    {
      about: 'Ukrainian soldiers killed',
      figures: [
        { text: '55,000', low: 55000, high: 55000, claimant: 'Volodymyr Zelenskyy' },
        { text: 'up to 140,000', low: null, high: 140000, claimant: 'CSIS' },
      ],
      note: 'Kyiv’s figure is far below outside estimates.',
    },
  ],
};

describe('renderAnswer with buttons', () => {
  const many = answer({
    citations: Array.from({ length: 12 }, (_, i) =>
      citation(`s${i}`, `Source ${i} says 314 prisoners were exchanged.`),
    ),
    supportingSources: 12,
  });
  it('shows the short answer with two quotes, and says how many more are under "Show all sources"', () => {
    const { embeds, components } = renderAnswer(many, lookup, { owner: OWNER });
    expect(embeds[0]?.description).toBe('**314 prisoners** [1][2]');
    expect(embeds[0]?.fields?.map((f) => f.name)).toEqual(['[1] Outlet s0', '[2] Outlet s1']);
    expect(embeds[0]?.footer?.text).toBe('12 of 5 sources agree · 10 more sources under “Show all sources”');
    const labels = components?.[0]?.components.map((b) =>
      'label' in b && b.label ? b.label : (b as { emoji?: { name?: string } }).emoji?.name,
    );
    expect(labels).toEqual(['Show all sources (12)', '👍', '👎']);
  });
  it('pages all sources five at a time; every number shown is listed on its page', () => {
    const pages = [0, 1, 2].map((page) => renderAnswer(many, lookup, { owner: OWNER, view: 'sources', page }));
    expect(pages.map((p) => p.embeds[0]?.fields?.map((f) => f.name.slice(0, 4)))).toEqual([
      ['[1] ', '[2] ', '[3] ', '[4] ', '[5] '],
      ['[6] ', '[7] ', '[8] ', '[9] ', '[10]'],
      ['[11]', '[12]'],
    ]);
    expect(pages[1]?.embeds[0]?.footer?.text).toBe('Sources 6–10 of 12 · page 2 of 3');
    const nav = pages[1]?.components?.[0]?.components.map((b) => ('label' in b ? b.label : ''));
    expect(nav).toEqual(['◀ Previous', 'Next ▶', 'Back to the answer']);
    for (const p of pages) expectWithinLimits(p.embeds);
  });
  it('adds a link button for a cited article with a URL', () => {
    const withUrl: SourceLookup = (id) => ({
      ...(lookup(id) as NonNullable<ReturnType<SourceLookup>>),
      url: `https://news.example/${id}`,
    });
    const { components } = renderAnswer(answer({}), withUrl, { owner: OWNER });
    expect(components?.[1]?.components).toEqual([
      { type: 2, style: 5, url: 'https://news.example/a', label: 'Outlet a' },
      { type: 2, style: 5, url: 'https://news.example/b', label: 'Outlet b' },
    ]);
  });
  it('numbers what the answer page shows 1, 2, 3 in reading order, disagreeing answers included', () => {
    const a = answer({
      citations: [1, 2, 3, 4].map((i) => citation(`m${i}`, `Main ${i}: 314.`)),
      alternatives: [{ answer: '300 prisoners', citations: [citation('x', 'Other: 300.')] }],
    });
    const { embeds } = renderAnswer(a, lookup, { owner: OWNER });
    expect(embeds[0]?.description).toBe('**314 prisoners** [1][2]\n\n**The sources also give:**\n• 300 prisoners [3]');
    expect(embeds[0]?.fields?.map((f) => f.name)).toEqual(['[1] Outlet m1', '[2] Outlet m2', '[3] Outlet x']);
  });
  it('offers "Show all sources" only when some are not on the answer page', () => {
    const { components } = renderAnswer(answer({}), lookup, { owner: OWNER });
    const labels = components?.[0]?.components.map((b) => ('label' in b ? b.label : undefined));
    expect(labels).toEqual([undefined, undefined]);
  });
  it('has no buttons without an asker (CLI-like rendering)', () => {
    expect(renderAnswer(answer({}), lookup).components).toBeUndefined();
  });
  it('writes commands as clickable mentions in an abstention', () => {
    const mention = (n: string) => `</${n}:1>`;
    const { embeds } = renderAnswer(answer({ abstained: true, citations: [] }), lookup, { mention });
    expect(embeds[0]?.description).toContain('see </talks:1> for the talks and </casualties:1>');
  });
});

describe('renderCasualties', () => {
  it('shows one line per figure, grouped by who is counted, with the qualifier as written and one date format', () => {
    const { embeds } = renderCasualties(report, { side: 'ukraine' }, lookup, 5);
    const [main, sources] = embeds;
    expect(main?.title).toBe('Casualty figures — Ukraine');
    expect(main?.fields).toBeUndefined();
    expect(main?.description).toBe(
      [
        '**Ukrainian soldiers**',
        '• Killed: **55,000** — Volodymyr Zelenskyy, as of 4 Feb 2026 [1]',
        '• Killed: **up to 140,000** — CSIS [2]',
      ].join('\n'),
    );
    expect(main?.description).not.toContain('exact');
    expect(sources?.title).toBe('Sources');
    expect(sources?.description).toBe(
      '**[1]** Outlet a · *Title of a* · 5 Feb 2026\n**[2]** Outlet b · *Title of b* · 5 Feb 2026',
    );
    expect(main?.footer?.text).toBe('Figures 1–2 of 2 · from 2 of 5 sources');
    expectWithinLimits(embeds);
  });
  it('shows later reports of one incident as an update, not as a disagreement', () => {
    const sameDate = { ...report, figures: report.figures.map((f) => ({ ...f, asOf: '2026-02-04' })) };
    const updated = {
      ...sameDate,
      conflicts: sameDate.conflicts.map((c) => ({ ...c, about: `${c.about}: update`, note: 'later count' })),
    };
    const description = renderCasualties(updated, { side: 'ukraine' }, lookup, 5).embeds[0]?.description ?? '';
    expect(description).toContain(
      '🔄 **Updated — Ukrainian soldiers killed:** 55,000 (Volodymyr Zelenskyy) → up to 140,000 (CSIS)',
    );
    expect(description).not.toContain('Sources disagree');
  });
  it('calls out a disagreement only between figures of the same date', () => {
    const sameDate = { ...report, figures: report.figures.map((f) => ({ ...f, asOf: '2026-02-04' })) };
    const { embeds } = renderCasualties(sameDate, { side: 'ukraine' }, lookup, 5);
    expect(embeds[0]?.description).toContain(
      '⚠️ **Sources disagree — Ukrainian soldiers killed:** Kyiv’s figure is far below outside estimates.',
    );
    const noNote = { ...sameDate, conflicts: sameDate.conflicts.map((c) => ({ ...c, note: '' })) };
    expect(renderCasualties(noNote, { side: 'ukraine' }, lookup, 5).embeds[0]?.description).toContain(
      '55,000 (Volodymyr Zelenskyy) vs up to 140,000 (CSIS)',
    );
    const otherDates = renderCasualties(report, { side: 'ukraine' }, lookup, 5);
    expect(otherDates.embeds[0]?.description).not.toContain('Sources disagree');
  });
  it('never calls one claimant’s figures at different dates a disagreement', () => {
    const change = {
      about: 'Ukrainian soldiers killed: change over time (Volodymyr Zelenskyy)',
      figures: [
        { text: '46,000', low: 46000, high: 46000, claimant: 'Volodymyr Zelenskyy' },
        { text: '55,000', low: 55000, high: 55000, claimant: 'Volodymyr Zelenskyy' },
      ],
      note: '46,000 as of 2025-02 → 55,000 as of 2026-02-04.',
    };
    const { embeds } = renderCasualties({ ...report, conflicts: [change] }, { side: 'ukraine' }, lookup, 5);
    expect(embeds[0]?.description).not.toContain('Sources disagree');
  });
  it('says plainly when there are no figures', () => {
    const { embeds } = renderCasualties(
      { figures: [], conflicts: [] },
      { side: 'russia', measure: 'wounded' },
      lookup,
      5,
    );
    expect(embeds).toHaveLength(1);
    expect(embeds[0]?.description).toContain('No casualty figures for Russia · wounded in my sources.');
  });
  it('pages hundreds of figures: every page within the limits, footers counting what is shown, nothing dropped', () => {
    const many: CasualtyReport = {
      figures: Array.from({ length: 200 }, (_, i) => ({
        ...(report.figures[0] as CasualtyReport['figures'][number]),
        text: `${i + 1},000`,
        citations: [{ source: `s${i}`, outlet: null, quote: `q${i} `.repeat(300) }],
      })),
      conflicts: Array.from({ length: 60 }, () => report.conflicts[0] as CasualtyReport['conflicts'][number]),
    };
    const pages = Math.ceil(200 / FIGURES_PER_PAGE);
    const seen: string[] = [];
    for (let page = 0; page < pages; page++) {
      const { embeds, components } = renderCasualties(many, { side: 'all' }, lookup, 200, { owner: OWNER, page });
      expectWithinLimits(embeds);
      const lines = (embeds[0]?.description ?? '').split('\n').filter((l) => l.startsWith('• '));
      seen.push(...lines.map((l) => /\*\*(.+?)\*\*/.exec(l)?.[1] ?? ''));
      const first = page * FIGURES_PER_PAGE + 1;
      expect(embeds[0]?.footer?.text).toContain(`Figures ${first}–${first + lines.length - 1} of 200`);
      expect(embeds[0]?.footer?.text).toContain(`page ${page + 1} of ${pages}`);
      // Every [n] shown resolves in this page's source list.
      const refs = new Set([...(embeds[0]?.description ?? '').matchAll(/\[(\d+)\]/g)].map((m) => m[1]));
      for (const n of refs) expect(embeds[1]?.description).toContain(`**[${n}]**`);
      expect(components?.[0]?.components.map((b) => ('label' in b ? b.label : ''))).toEqual([
        '◀ Previous',
        'Next ▶',
        'Sources (quotes)',
      ]);
    }
    expect(seen).toEqual(many.figures.map((f) => f.text));
  });
  it('shows the quotes behind a page, cut around the figure', () => {
    const long = {
      ...report,
      figures: [
        {
          ...(report.figures[0] as CasualtyReport['figures'][number]),
          citations: [
            {
              source: 'a',
              outlet: 'Outlet a',
              quote: `${'The war has gone on for years, with many rounds of talks, '.repeat(5)}and Zelenskyy said 55,000 soldiers were killed, more than before.`,
            },
          ],
        },
      ],
    };
    const { embeds } = renderCasualties(long, { side: 'ukraine' }, lookup, 5, { owner: OWNER, view: 'quotes' });
    expect(embeds[0]?.title).toBe('Sources — Casualty figures — Ukraine');
    expect(embeds[0]?.description).toContain('55,000 soldiers were killed');
    expect(embeds[0]?.description).toMatch(/> …/);
  });
});

describe('figureAsWritten', () => {
  it('keeps qualifiers as the source wrote them and never says "exact"', () => {
    const f = (text: string, qualifier: string) => figureAsWritten({ text, qualifier, low: 1, high: 1 });
    expect(f('55,000', 'exact')).toBe('55,000');
    expect(f('55,000', 'about')).toBe('about 55,000');
    expect(f('More than 46,000', 'more than')).toBe('more than 46,000');
    expect(f('1.2 million', 'exact')).toBe('1.2 million');
    expect(f('up to 140,000', 'up to')).toBe('up to 140,000');
  });
});

const brief: TalksBrief = {
  items: [
    {
      topic: 'participants',
      summary: 'Steve Witkoff — U.S. special envoy',
      citations: [{ source: 'a', outlet: 'Outlet a', quote: 'Witkoff attended.' }],
    },
    {
      topic: 'outcomes',
      summary: 'exchange of 314 prisoners',
      citations: [{ source: 'b', outlet: 'Outlet b', quote: '314 prisoners.' }],
    },
  ],
};

describe('figureValue', () => {
  it('formats single figures, ranges and percentages', () => {
    expect(figureValue({ low: 55000, high: 55000, text: '55,000' })).toBe('55,000');
    expect(figureValue({ low: 15000, high: 20000, text: '15,000 to 20,000' })).toBe('15,000–20,000');
    expect(figureValue({ low: 31, high: 31, text: '31%', measure: 'casualties (% increase)' })).toBe('31%');
    expect(figureValue({ low: 31, high: 31, text: '31 percent' })).toBe('31%');
    expect(figureValue({ low: null, high: null, text: 'dozens' })).toBe('dozens');
  });
});

describe('formatDate', () => {
  it('writes ISO dates and months for people, and leaves anything else alone', () => {
    expect(formatDate('2026-02-05')).toBe('5 Feb 2026');
    expect(formatDate('2025-12')).toBe('Dec 2025');
    expect(formatDate('last winter')).toBe('last winter');
    expect(formatDate(null)).toBeNull();
  });
});

describe('renderTalks', () => {
  it('gives a compact brief: a couple of lines per topic, a button per topic, numbers resolving on the page', () => {
    const { embeds, components } = renderTalks(brief, null, lookup, 5, undefined, { owner: OWNER });
    expect(embeds[0]?.description).toBe(
      '**Participants**\n• Steve Witkoff — U.S. special envoy [1]\n\n**Outcomes**\n• exchange of 314 prisoners [2]',
    );
    expect(embeds[1]?.description).toContain('**[2]** Outlet b');
    expect(embeds[0]?.footer?.text).toBe('2 items in 2 topics · from 2 of 5 sources');
    expect(components?.[0]?.components.map((b) => ('label' in b ? b.label : ''))).toEqual([
      'Participants (1)',
      'Outcomes (1)',
    ]);
  });
  it('says how many more items a topic has behind its button', () => {
    const big: TalksBrief = {
      items: Array.from({ length: 5 }, (_, i) => ({
        topic: 'participants' as const,
        summary: `Person ${i}`,
        citations: [{ source: 'a', outlet: 'Outlet a', quote: 'x' }],
      })),
    };
    const { embeds } = renderTalks(big, null, lookup, 5, undefined, { owner: OWNER });
    expect(embeds[0]?.description).toContain('• and 3 more under Participants');
  });
  it('lists one topic as bullet lines', () => {
    const one = { items: brief.items.filter((i) => i.topic === 'outcomes') };
    const { embeds } = renderTalks(one, 'outcomes', lookup, 5);
    expect(embeds[0]?.title).toBe('Abu Dhabi talks — Outcomes');
    expect(embeds[0]?.description).toBe('• exchange of 314 prisoners [1]');
  });
  it('says so when a topic has nothing', () => {
    const { embeds } = renderTalks({ items: [] }, 'next-steps', lookup, 5);
    expect(embeds[0]?.description).toContain('Nothing on next steps in my sources.');
  });
});

describe('renderSourcesList', () => {
  it('lists articles by outlet (or title, or headline), title and date — no build statistics', () => {
    const builtAt = new Date('2026-02-06T10:00:00Z');
    const { embeds } = renderSourcesList({
      articles: [
        { id: 'a1', outlet: 'AP', title: 'Talks', published: '2026-02-05', url: 'https://example.com/(x)' },
        {
          id: 'a2',
          outlet: null,
          title: null,
          published: '2026-02-04',
          url: null,
          headline: 'Talks resumed on Monday',
        },
        { id: 'a3', outlet: null, title: 'A titled story', published: null, url: null },
      ],
      builtAt,
    });
    const e = embeds[0];
    expect(e?.title).toBe('The articles I answer from (3)');
    expect(e?.description).toContain('• **AP** · [Talks](https://example.com/%28x%29) · 5 Feb 2026');
    expect(e?.description).toContain('• **“Talks resumed on Monday”** · 4 Feb 2026');
    expect(e?.description).toContain('• **“A titled story”**');
    expect(e?.description).not.toMatch(/passage|sentence|ms\b|a1|a2/);
  });
  it('stays within the limits with thousands of articles', () => {
    const articles = Array.from({ length: 3000 }, (_, i) => ({
      id: `article-${i}`,
      outlet: 'Outlet',
      title: 'T'.repeat(200),
      published: null,
      url: null,
      passages: 1,
      sentences: 1,
      figures: 0,
    }));
    const last = Math.ceil(3000 / ARTICLES_PER_PAGE) - 1;
    for (const page of [0, 1, last]) {
      const { embeds, components } = renderSourcesList({ articles, builtAt: new Date() }, { owner: OWNER, page });
      expectWithinLimits(embeds);
      const shown = (embeds[0]?.description ?? '').split('\n').filter((l) => l.startsWith('• ')).length;
      expect(shown).toBe(ARTICLES_PER_PAGE);
      const first = page * ARTICLES_PER_PAGE + 1;
      expect(embeds[0]?.footer?.text).toContain(
        `Articles ${first}–${first + shown - 1} of 3000 · page ${page + 1} of ${last + 1}`,
      );
      expect(components?.[0]?.components.map((b) => ('disabled' in b ? Boolean(b.disabled) : false))).toEqual([
        page === 0,
        page === last,
      ]);
    }
  });
});

describe('renderReload', () => {
  it('names every broken file and says the previous index keeps answering', () => {
    const kept = {
      corpus: { articles: [1, 2, 3] },
      builtAt: new Date(),
      engine: { stats: { passages: 1 } },
      buildMs: 1,
    };
    const { content } = renderReload({
      ok: false,
      errors: [{ file: 'bad_*name*.txt', problem: 'not valid UTF-8 text' }],
      kept: kept as never,
    });
    expect(content).toContain('previous one keeps answering (3 articles');
    expect(content).toContain('**bad\\_\\*name\\*.txt**: not valid UTF-8 text');
    expect(content?.length).toBeLessThanOrEqual(MAX_CONTENT_LENGTH);
  });
  it('fits a huge error list into one message', () => {
    const errors = Array.from({ length: 500 }, (_, i) => ({ file: `f${i}.txt`, problem: 'too large' }));
    const { content } = renderReload({ ok: false, errors, kept: null });
    expect(content?.length).toBeLessThanOrEqual(MAX_CONTENT_LENGTH);
    expect(content).toMatch(/and \d+ more not shown/);
  });
});

describe('toChoices', () => {
  it('keeps at most 25 unique choices of 1–100 characters', () => {
    const choices = toChoices(['', 'a', 'a', ...Array.from({ length: 40 }, (_, i) => `${i} ${'x'.repeat(150)}`)]);
    expect(choices.length).toBe(MAX_AUTOCOMPLETE_CHOICES);
    for (const c of choices) {
      expect(c.name.length).toBeGreaterThan(0);
      expect(c.name.length).toBeLessThanOrEqual(MAX_CHOICE_LENGTH);
      expect(c.value).toBe(c.name);
    }
  });
});
