/**
 * 👍/👎 on answers, stored in SQLite (`<DATA_DIR>/feedback.sqlite`) with the question, the answer and
 * the sources it cited, so answers people found wrong can be looked at later
 * (`npm run cli -- feedback`). One vote per person per message: voting again changes it.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { answerWithoutBlocking } from '../engine/engine.js';
import { log } from '../log.js';
import { NO_PINGS } from './respond.js';
import type { BotContext } from './types.js';
import { questionOf } from './views.js';

export const FEEDBACK_FILE = 'feedback.sqlite';

export interface Vote {
  at: string;
  user: string;
  messageId: string;
  /** 1 for 👍, -1 for 👎. */
  vote: 1 | -1;
  question: string;
  answer: string;
  abstained: boolean;
  /** Article ids the answer cited, in order. */
  sources: string[];
}

export class FeedbackStore {
  readonly #db: Database.Database;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
    this.#db = new Database(file);
    this.#db.pragma('journal_mode = WAL');
    this.#db.exec(`CREATE TABLE IF NOT EXISTS votes (
      message_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      at TEXT NOT NULL,
      vote INTEGER NOT NULL CHECK (vote IN (1, -1)),
      question TEXT NOT NULL,
      answer TEXT NOT NULL,
      abstained INTEGER NOT NULL,
      sources TEXT NOT NULL,
      PRIMARY KEY (message_id, user_id)
    )`);
  }

  /** Stores a vote; a second vote by the same person on the same message replaces the first. */
  record(v: Vote): void {
    this.#db
      .prepare(
        `INSERT INTO votes (message_id, user_id, at, vote, question, answer, abstained, sources)
         VALUES (@messageId, @user, @at, @vote, @question, @answer, @abstained, @sources)
         ON CONFLICT (message_id, user_id) DO UPDATE SET at = excluded.at, vote = excluded.vote,
           question = excluded.question, answer = excluded.answer, abstained = excluded.abstained, sources = excluded.sources`,
      )
      .run({ ...v, abstained: v.abstained ? 1 : 0, sources: JSON.stringify(v.sources) });
  }

  /** Every vote, newest first. */
  list(limit = 1000): Vote[] {
    const rows = this.#db.prepare('SELECT * FROM votes ORDER BY at DESC LIMIT ?').all(limit) as Record<
      string,
      string | number
    >[];
    return rows.map((r) => ({
      at: String(r.at),
      user: String(r.user_id),
      messageId: String(r.message_id),
      vote: Number(r.vote) === 1 ? 1 : -1,
      question: String(r.question),
      answer: String(r.answer),
      abstained: Number(r.abstained) === 1,
      sources: JSON.parse(String(r.sources)) as string[],
    }));
  }

  close(): void {
    this.#db.close();
  }
}

/** The feedback file for a data directory. */
export function feedbackFile(dataDir: string | undefined): string {
  return path.resolve(dataDir ?? 'data', FEEDBACK_FILE);
}

const stores = new Map<string, FeedbackStore>();

export function feedbackStore(dataDir: string | undefined): FeedbackStore {
  const file = feedbackFile(dataDir);
  let store = stores.get(file);
  if (!store) {
    store = new FeedbackStore(file);
    stores.set(file, store);
  }
  return store;
}

export const THANKS_UP = 'Thanks — glad it helped. Your 👍 is saved with the question and its sources.';
export const THANKS_DOWN =
  'Thanks — your 👎 is saved with the question, the answer and its sources, so it can be looked at.';
export const VOTE_FAILED = 'Sorry — I could not save your vote just now.';

/** A click on 👍/👎: the question from the message, the answer and sources as the engine gives them now. */
export async function recordVote(interaction: ButtonInteraction, ctx: BotContext, vote: 1 | -1): Promise<void> {
  // The answer is asked again to store it with its sources: acknowledge first.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const question = questionOf(interaction.message);
  let content = vote === 1 ? THANKS_UP : THANKS_DOWN;
  try {
    if (!question) throw new Error('the message has no question');
    const answer = await answerWithoutBlocking(ctx.store.current.engine, question);
    feedbackStore(ctx.config.dataDir).record({
      at: new Date().toISOString(),
      user: interaction.user.id,
      messageId: interaction.message.id,
      vote,
      question,
      answer: answer.answer,
      abstained: answer.abstained,
      sources: [...new Set(answer.citations.map((c) => c.source))],
    });
    log.info({ user: interaction.user.id, vote, message: interaction.message.id }, 'feedback recorded');
  } catch (err) {
    log.error({ err, user: interaction.user.id }, 'could not record feedback');
    content = VOTE_FAILED;
  }
  await interaction.editReply({ content, allowedMentions: NO_PINGS });
}

/** `npm run cli -- feedback`: the votes as text lines (newest first), or JSON. */
export function formatFeedback(votes: readonly Vote[]): string {
  if (votes.length === 0) return 'No feedback yet.';
  const up = votes.filter((v) => v.vote === 1).length;
  const lines = [`${votes.length} votes: ${up} 👍, ${votes.length - up} 👎`];
  for (const v of votes) {
    lines.push(
      '',
      `${v.vote === 1 ? '👍' : '👎'} ${v.at} by ${v.user}`,
      `  Q: ${v.question}`,
      `  A: ${v.answer}${v.abstained ? ' (not found)' : ''}`,
      `  Sources: ${v.sources.join(', ') || 'none'}`,
    );
  }
  return lines.join('\n');
}
