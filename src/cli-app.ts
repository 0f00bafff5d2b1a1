import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { validateQuestion } from './engine/question.js';
import { filterCasualties, SIDES } from './extract/casualties.js';
import { formatCasualtiesText, formatTalksText } from './extract/render.js';
import { filterTalks, TALKS_TOPICS } from './extract/talks.js';
import type { Side, TalksTopic } from './extract/types.js';
import { figuresPerSource, formatAnswerText, formatSourcesText } from './format.js';
import { log } from './log.js';
import { loadCorpus } from './sources/load.js';
import { buildSnapshot, type Snapshot } from './store.js';
import type { Answer } from './types.js';

/**
 * Command-line interface. The `--json` outputs are a contract other tools rely on: keep them stable.
 *
 *   cli ask "QUESTION" [--json]          one answer; without a question, one per stdin line
 *   cli casualties [--side S] [--measure M] [--json]
 *   cli talks [--topic T] [--json]
 *   cli sources [--json]
 * Every subcommand takes --sources DIR (default: SOURCES_DIR or seeds/).
 */

const USAGE = `Usage: npm run --silent cli -- <command> [options]

Commands:
  ask "QUESTION"   answer a question with its sources (no question: read one per line from stdin)
  casualties       casualty figures extracted from the articles
  talks            the talks brief: participants, outcomes, sticking points, next steps, timeline
  sources          the indexed articles
  feedback         the 👍/👎 votes on the bot's answers (from DATA_DIR/feedback.sqlite), newest first

Options:
  --json           machine-readable output (one JSON object; one per line for stdin questions)
  --sources DIR    article directory (default: SOURCES_DIR or seeds/)
  --side S         casualties: ${SIDES.join(' | ')}
  --measure M      casualties: only this measure (e.g. killed, wounded, missing)
  --topic T        talks: ${TALKS_TOPICS.join(' | ')}
  --data DIR       feedback: the data directory (default: DATA_DIR or data/)
  -h, --help       this help`;

export class UsageError extends Error {
  override name = 'UsageError';
}

/** The answer as the CLI contract shapes it: exactly these fields. */
export function answerJson(a: Answer) {
  return {
    question: a.question,
    answer: a.answer,
    abstained: a.abstained,
    citations: a.citations.map((c) => ({ source: c.source, outlet: c.outlet, quote: c.quote })),
  };
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        sources: { type: 'string' },
        side: { type: 'string' },
        measure: { type: 'string' },
        topic: { type: 'string' },
        data: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

async function loadSnapshot(dir: string): Promise<Snapshot> {
  const loaded = await loadCorpus(dir);
  if (!loaded.ok) {
    throw new UsageError(
      `Cannot load the sources in "${dir}":\n${loaded.errors.map((e) => `  ${e.file}: ${e.problem}`).join('\n')}`,
    );
  }
  for (const w of loaded.warnings) log.warn({ file: w.file, problem: w.problem }, 'source file skipped');
  return buildSnapshot(loaded.corpus);
}

function askOne(snapshot: Snapshot, input: string, json: boolean): string {
  const check = validateQuestion(input);
  if (!check.ok) {
    if (json) return JSON.stringify({ question: input, answer: check.error, abstained: true, citations: [] });
    return `Q: ${input}\nA: ${check.error}`;
  }
  const answer = snapshot.engine.ask(check.question);
  return json ? JSON.stringify(answerJson(answer)) : formatAnswerText(answer);
}

export async function runCli(
  argv: string[],
  defaultSources: string,
  out: NodeJS.WritableStream,
  stdin: NodeJS.ReadableStream,
) {
  const { values, positionals } = parse(argv);
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    out.write(`${USAGE}\n`);
    if (!command && !values.help) throw new UsageError('No command given.');
    return;
  }
  const dir = values.sources ?? defaultSources;
  const write = (s: string) => out.write(`${s}\n`);

  switch (command) {
    case 'ask': {
      const snapshot = await loadSnapshot(dir);
      if (rest.length > 0) {
        write(askOne(snapshot, rest.join(' '), values.json));
        return;
      }
      const lines = createInterface({ input: stdin, crlfDelay: Number.POSITIVE_INFINITY });
      let first = true;
      for await (const line of lines) {
        if (!line.trim()) continue;
        if (!values.json && !first) write('');
        write(askOne(snapshot, line, values.json));
        first = false;
      }
      return;
    }
    case 'casualties': {
      const side = values.side ?? 'all';
      if (!(SIDES as readonly string[]).includes(side))
        throw new UsageError(`Unknown --side "${side}". Use one of: ${SIDES.join(', ')}.`);
      const snapshot = await loadSnapshot(dir);
      const report = filterCasualties(snapshot.casualties, {
        side: side as Side,
        ...(values.measure ? { measure: values.measure } : {}),
      });
      write(
        values.json ? JSON.stringify(report, null, 2) : formatCasualtiesText(report, snapshot.corpus.articles.length),
      );
      return;
    }
    case 'talks': {
      const topic = values.topic;
      if (topic !== undefined && topic !== 'all' && !(TALKS_TOPICS as readonly string[]).includes(topic)) {
        throw new UsageError(
          `Unknown --topic "${topic}". Use one of: ${TALKS_TOPICS.join(', ')} (or leave it out for all).`,
        );
      }
      const snapshot = await loadSnapshot(dir);
      const brief = filterTalks(snapshot.talks, topic === 'all' ? undefined : (topic as TalksTopic | undefined));
      write(values.json ? JSON.stringify(brief, null, 2) : formatTalksText(brief));
      return;
    }
    case 'sources': {
      const snapshot = await loadSnapshot(dir);
      const counts = figuresPerSource(snapshot.casualties.figures);
      if (values.json) {
        write(
          JSON.stringify(
            {
              dir: snapshot.corpus.dir,
              builtAt: snapshot.builtAt.toISOString(),
              articles: snapshot.corpus.articles.map((a) => ({
                id: a.id,
                outlet: a.meta.outlet,
                title: a.meta.title,
                published: a.meta.published,
                sentences: a.sentences.filter((s) => !s.boilerplate).length,
                figures: counts.get(a.id) ?? 0,
              })),
            },
            null,
            2,
          ),
        );
      } else write(formatSourcesText(snapshot.corpus, snapshot.builtAt, counts));
      return;
    }
    case 'feedback': {
      const { existsSync } = await import('node:fs');
      const { feedbackFile, FeedbackStore, formatFeedback } = await import('./discord/feedback.js');
      const { getConfig } = await import('./config.js');
      const file = feedbackFile(values.data ?? getConfig().dataDir);
      const votes = existsSync(file) ? new FeedbackStore(file).list(Number.MAX_SAFE_INTEGER) : [];
      write(values.json ? JSON.stringify({ file, votes }, null, 2) : formatFeedback(votes));
      return;
    }
    default:
      throw new UsageError(`Unknown command "${command}". Commands: ask, casualties, talks, sources, feedback.`);
  }
}
