import { describe, expect, it } from 'vitest';
import { fitMeasure } from '../../commands/casualties.js';
import {
  clipLabel,
  decodePage,
  encodePage,
  linkRow,
  MAX_BUTTON_LABEL,
  MAX_CUSTOM_ID,
  type PageState,
  pagerRow,
  rows,
} from '../../src/discord/components.js';

const OWNER = '123456789012345678';

describe('encodePage / decodePage', () => {
  it.each<PageState>([
    { kind: 'ask', view: 'sources', page: 2, owner: OWNER },
    { kind: 'casualties', view: 'figures', page: 1, owner: OWNER, side: 'ukraine', measure: 'killed or missing' },
    { kind: 'casualties', view: 'quotes', page: 0, owner: OWNER, side: 'all', measure: null },
    { kind: 'talks', view: 'items', page: 3, owner: OWNER, topic: 'sticking-points' },
    { kind: 'talks', view: 'items', page: 0, owner: OWNER, topic: null },
  ])('round-trips %j within the custom id limit', (state) => {
    const id = encodePage(state, 'n');
    expect(id.length).toBeLessThanOrEqual(MAX_CUSTOM_ID);
    expect(decodePage(id)).toEqual(state);
  });
  it('refuses ids that are not pages', () => {
    expect(decodePage('fb:up')).toBeNull();
    expect(decodePage('pg:n:c:f:-1:123456789012345678:all:')).toBeNull();
    expect(decodePage('pg:n:x:f:0:123456789012345678')).toBeNull();
    expect(decodePage('pg:n:c:f:0:not-a-user')).toBeNull();
  });
});

describe('pagerRow', () => {
  const state: PageState = { kind: 'talks', view: 'items', page: 0, owner: OWNER, topic: 'participants' };
  it('has Previous (disabled on the first page) and Next, with distinct ids', () => {
    const buttons = pagerRow(state, 3);
    expect(buttons.map((b) => ('label' in b ? b.label : ''))).toEqual(['◀ Previous', 'Next ▶']);
    expect(buttons[0]).toMatchObject({ disabled: true });
    expect(new Set(buttons.map((b) => ('custom_id' in b ? b.custom_id : ''))).size).toBe(2);
    expect(decodePage(String((buttons[1] as { custom_id: string }).custom_id))?.page).toBe(1);
  });
  it('has no paging buttons for a single page', () => {
    expect(pagerRow(state, 1)).toEqual([]);
  });
});

describe('rows / linkRow / clipLabel', () => {
  it('puts at most five buttons in a row and five rows in a message', () => {
    const many = Array.from(
      { length: 30 },
      (_, i) => ({ type: 2, style: 2, custom_id: `b${i}`, label: `${i}` }) as never,
    );
    const r = rows(many);
    expect(r).toHaveLength(5);
    for (const row of r) expect(row.components.length).toBeLessThanOrEqual(5);
  });
  it('makes link buttons only for http(s) URLs, once each', () => {
    const links = linkRow([
      { url: 'https://a.example/x', name: 'A' },
      { url: 'https://a.example/x', name: 'A again' },
      { url: 'javascript:alert(1)', name: 'B' },
      { url: null, name: 'C' },
    ]);
    expect(links).toEqual([{ type: 2, style: 5, url: 'https://a.example/x', label: 'A' }]);
  });
  it('clips labels to the button limit', () => {
    expect(clipLabel('x'.repeat(200)).length).toBe(MAX_BUTTON_LABEL);
  });
});

describe('fitMeasure', () => {
  it('shortens any typed measure until its page buttons fit the custom id limit', () => {
    for (const typed of ['killed', 'убитые и раненые '.repeat(5), '💥'.repeat(50), 'x'.repeat(300)]) {
      const measure = fitMeasure(typed);
      const id = encodePage(
        { kind: 'casualties', view: 'figures', page: 99, owner: '12345678901234567890', side: 'civilians', measure },
        'n',
      );
      expect(id.length).toBeLessThanOrEqual(MAX_CUSTOM_ID);
    }
    expect(fitMeasure('  killed ')).toBe('killed');
  });
});
