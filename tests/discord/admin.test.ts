import { describe, expect, it } from 'vitest';
import { AdminCheck, MANAGE_SERVER, ownerIds } from '../../src/discord/admin.js';
import { confirmRemoval, describeArticle } from '../../src/discord/admin-buttons.js';
import { formatSize } from '../../src/discord/render.js';

describe('ownerIds', () => {
  it('is the owner user for a personal application', () => {
    expect(ownerIds({ owner: { id: '111' } })).toEqual(['111']);
  });
  it('is every team member (and the team owner) for a team application', () => {
    const members = new Map([
      ['1', {}],
      ['2', {}],
    ]);
    expect(ownerIds({ owner: { id: 'team', ownerId: '3', members } }).sort()).toEqual(['1', '2', '3']);
  });
  it('is nobody when the application is unknown', () => {
    expect(ownerIds(null)).toEqual([]);
  });
});

describe('AdminCheck', () => {
  it('accepts ADMIN_USER_IDS without asking Discord', async () => {
    let fetched = 0;
    const check = new AdminCheck(['42'], async () => {
      fetched++;
      return { owner: { id: '7' } };
    });
    expect(await check.isAdmin('42')).toBe(true);
    expect(fetched).toBe(0);
  });
  it('accepts the application owner and refuses everyone else, fetching the owner once', async () => {
    let fetched = 0;
    const check = new AdminCheck([], async () => {
      fetched++;
      return { owner: { id: '7' } };
    });
    expect(await check.isAdmin('7')).toBe(true);
    expect(await check.isAdmin('8')).toBe(false);
    expect(fetched).toBe(1);
  });
  it('fails closed when the owner cannot be fetched, and tries again next time', async () => {
    let calls = 0;
    const check = new AdminCheck([], async () => {
      calls++;
      if (calls === 1) throw new Error('network');
      return { owner: { id: '7' } };
    });
    expect(await check.isAdmin('7')).toBe(false);
    expect(await check.isAdmin('7')).toBe(true);
  });
});

describe('AdminCheck.allows', () => {
  const perms = (bits: bigint) => ({ has: (p: bigint) => (bits & p) === p });
  it('allows members with Manage Server without asking Discord', async () => {
    let fetched = 0;
    const check = new AdminCheck([], async () => {
      fetched++;
      return { owner: { id: '7' } };
    });
    expect(await check.allows('99', perms(MANAGE_SERVER))).toBe(true);
    expect(fetched).toBe(0);
  });
  it('allows ADMIN_USER_IDS and the owner without Manage Server, and refuses everyone else', async () => {
    const check = new AdminCheck(['42'], async () => ({ owner: { id: '7' } }));
    expect(await check.allows('42', perms(0n))).toBe(true);
    expect(await check.allows('7', null)).toBe(true);
    expect(await check.allows('99', perms(1n << 13n))).toBe(false);
  });
});

describe('describeArticle / confirmRemoval', () => {
  it('names an article by outlet, title, date and size in KB', () => {
    const article = {
      id: 'x1',
      size: 4200,
      meta: { outlet: 'NewsBeat', agency: 'AP', title: 'Zelenskyy reveals 55,000', published: '2026-02-05' },
    };
    expect(describeArticle(article)).toBe('NewsBeat · “Zelenskyy reveals 55,000” · 5 Feb 2026 · 4.1 KB');
    const anonymous = { ...article, meta: { outlet: null, agency: null, title: null, published: null } };
    expect(describeArticle(anonymous, 'Talks resumed')).toBe('“Talks resumed” · 4.1 KB');
  });
  it('asks before removing, with Remove and Cancel buttons only the asker can use', () => {
    const confirm = confirmRemoval('x1', '123456789012345678', 'NewsBeat · 5 Feb 2026');
    expect(confirm?.content).toMatch(/^Remove \*\*NewsBeat · 5 Feb 2026\*\* \(file x1\)/);
    const ids = confirm?.components?.[0]?.components.map((b) => ('custom_id' in b ? b.custom_id : ''));
    expect(ids).toEqual(['adm:rm:123456789012345678:x1', 'adm:no:123456789012345678']);
    expect(confirmRemoval('y'.repeat(90), '123456789012345678', 'x')).toBeNull();
  });
});

describe('formatSize', () => {
  it('writes sizes in bytes, KB and MB', () => {
    expect(formatSize(812)).toBe('812 bytes');
    expect(formatSize(4300)).toBe('4.2 KB');
    expect(formatSize(200 * 1024)).toBe('200 KB');
    expect(formatSize(1.5 * 1024 * 1024)).toBe('1.5 MB');
  });
});
