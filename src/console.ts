import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { validateQuestion } from './engine/question.js';
import { filterCasualties, SIDES } from './extract/casualties.js';
import { formatCasualtiesText, formatTalksText } from './extract/render.js';
import { filterTalks, TALKS_TOPICS } from './extract/talks.js';
import type { Side, TalksTopic } from './extract/types.js';
import { figuresPerSource, formatAnswerText, formatSourcesText } from './format.js';
import { log } from './log.js';
import type { SourceStore } from './store.js';

export const CONSOLE_HELP = `Ask a question about the Abu Dhabi talks, or use a command:
  /casualties [${SIDES.join('|')}]   casualty figures from the articles
  /talks [${TALKS_TOPICS.join('|')}]   the talks brief
  /sources                   the indexed articles
  /reload                    reload the articles from disk
  /help                      this help
End of input (Ctrl-D) quits.`;

/** Handles one console line and returns the text to print. Never throws for bad input. */
export async function handleConsoleLine(store: SourceStore, line: string): Promise<string> {
  const input = line.trim();
  if (!input.startsWith('/')) {
    const check = validateQuestion(input);
    if (!check.ok) return check.error;
    return formatAnswerText(store.current.engine.ask(check.question));
  }
  const [command, arg, ...extra] = input.slice(1).split(/\s+/);
  if (extra.length > 0) return `Too many words after /${command}. ${CONSOLE_HELP}`;
  switch (command) {
    case 'help':
      return CONSOLE_HELP;
    case 'casualties': {
      const side = arg ?? 'all';
      if (!(SIDES as readonly string[]).includes(side))
        return `Unknown side "${side}". Use one of: ${SIDES.join(', ')}.`;
      return formatCasualtiesText(
        filterCasualties(store.current.casualties, { side: side as Side }),
        store.current.corpus.articles.length,
      );
    }
    case 'talks': {
      if (arg !== undefined && arg !== 'all' && !(TALKS_TOPICS as readonly string[]).includes(arg)) {
        return `Unknown topic "${arg}". Use one of: ${TALKS_TOPICS.join(', ')}.`;
      }
      return formatTalksText(
        filterTalks(store.current.talks, arg === 'all' ? undefined : (arg as TalksTopic | undefined)),
      );
    }
    case 'sources': {
      const s = store.current;
      return formatSourcesText(s.corpus, s.builtAt, figuresPerSource(s.casualties.figures));
    }
    case 'reload': {
      const result = await store.reload();
      if (result.ok) return `Reloaded: ${result.snapshot.corpus.articles.length} articles indexed.`;
      return `Reload failed; still serving the previous index.\n${result.errors.map((e) => `  ${e.file}: ${e.problem}`).join('\n')}`;
    }
    default:
      return `Unknown command "/${command}". ${CONSOLE_HELP}`;
  }
}

/**
 * The local console: one line in, one answer out, over the same engine as the bot. Works piped
 * (`echo "question" | npm start`) and interactively; ends at end of input.
 */
export async function runConsole(store: SourceStore, input: Readable, output: Writable): Promise<void> {
  const interactive = Boolean((input as { isTTY?: boolean }).isTTY);
  const rl = createInterface({
    input,
    crlfDelay: Number.POSITIVE_INFINITY,
    terminal: interactive,
    ...(interactive ? { output } : {}),
  });
  if (interactive) {
    output.write(`${CONSOLE_HELP}\n\n`);
    rl.setPrompt('> ');
    rl.prompt();
  }
  for await (const line of rl) {
    if (line.trim()) {
      try {
        output.write(`${await handleConsoleLine(store, line)}\n\n`);
      } catch (err) {
        log.error({ err, line }, 'console command failed');
        output.write('Sorry, something went wrong answering that; the details are in the log.\n\n');
      }
    }
    if (interactive) rl.prompt();
  }
}
