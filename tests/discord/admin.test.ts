import { describe, expect, it } from 'vitest';
import { AdminCheck, ownerIds } from '../../src/discord/admin.js';

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
