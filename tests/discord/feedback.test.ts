import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeedbackStore, feedbackFile, formatFeedback, type Vote } from '../../src/discord/feedback.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'feedback-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const vote = (partial: Partial<Vote>): Vote => ({
  at: '2026-02-06T10:00:00.000Z',
  user: '111111111111111111',
  messageId: '222222222222222222',
  vote: 1,
  question: 'How many prisoners were exchanged?',
  answer: '314 prisoners',
  abstained: false,
  sources: ['a', 'b'],
  ...partial,
});

describe('FeedbackStore', () => {
  it('stores votes with the question, the answer and the sources, newest first', () => {
    const store = new FeedbackStore(feedbackFile(dir));
    store.record(vote({}));
    store.record(vote({ user: '333333333333333333', vote: -1, at: '2026-02-06T11:00:00.000Z' }));
    const votes = store.list();
    expect(votes.map((v) => v.vote)).toEqual([-1, 1]);
    expect(votes[1]).toEqual(vote({}));
    store.close();
  });
  it('keeps one vote per person per message: voting again changes it', () => {
    const store = new FeedbackStore(feedbackFile(dir));
    store.record(vote({}));
    store.record(vote({ vote: -1, at: '2026-02-06T12:00:00.000Z' }));
    expect(store.list().map((v) => v.vote)).toEqual([-1]);
    store.close();
  });
  it('keeps votes across restarts in DATA_DIR/feedback.sqlite', () => {
    const first = new FeedbackStore(feedbackFile(dir));
    first.record(vote({}));
    first.close();
    const again = new FeedbackStore(path.join(dir, 'feedback.sqlite'));
    expect(again.list()).toHaveLength(1);
    again.close();
  });
});

describe('formatFeedback', () => {
  it('lists votes for people, with totals', () => {
    const text = formatFeedback([vote({}), vote({ vote: -1, abstained: true, answer: 'not found', sources: [] })]);
    expect(text).toContain('2 votes: 1 👍, 1 👎');
    expect(text).toContain('Q: How many prisoners were exchanged?');
    expect(text).toContain('A: not found (not found)');
    expect(text).toContain('Sources: a, b');
  });
  it('says so when there is nothing yet', () => {
    expect(formatFeedback([])).toBe('No feedback yet.');
  });
});
