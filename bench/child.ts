/**
 * One benchmark measurement, run in its own process so that peak RSS belongs to one subject:
 *   node --expose-gc --import tsx bench/child.ts --corpus seeds|<articles> --subject <name> [--max-questions N]
 * Generates the corpus, builds the subject's index (timed), warms up on questions outside the mix, times
 * each question of the mix once, and prints one line `BENCH_RESULT <json>` (a ChildResult) on stdout.
 */
import { buildQuestionMix, evenSubset } from './questions.js';
import { type ChildResult, type CorpusSize, isSubject, RESULT_MARKER, type Subject, summarize } from './shared.js';

interface Searcher {
  /** Runs one question; true when it produced something (an answer, or at least one hit). */
  run(question: string): boolean;
  stats: string;
  parts?: Record<string, number>;
}

async function buildSubject(subject: Subject, corpus: import('../src/types.js').Corpus): Promise<Searcher> {
  const passages = corpus.sentences.filter((s) => !s.boilerplate);
  switch (subject) {
    case 'snapshot': {
      // What the bot serves: the whole snapshot, built in the steps and order of buildSnapshot (src/store.ts),
      // each step timed. The extractors share one analysis of the corpus, read by the first of them.
      const { buildEngine } = await import('../src/engine/engine.js');
      const { buildCasualtyReport } = await import('../src/extract/casualties.js');
      const { buildTalksBrief } = await import('../src/extract/talks.js');
      const { validateQuestion } = await import('../src/engine/question.js');
      const parts: Record<string, number> = {};
      const step = <T>(name: string, build: () => T): T => {
        const t = performance.now();
        const out = build();
        parts[name] = performance.now() - t;
        return out;
      };
      const engine = step('engine', () => buildEngine(corpus));
      const casualties = step('casualties', () => buildCasualtyReport(corpus));
      const talks = step('talks', () => buildTalksBrief(corpus));
      parts.total = (parts.engine ?? 0) + (parts.casualties ?? 0) + (parts.talks ?? 0);
      return {
        run: (question) => {
          const checked = validateQuestion(question);
          return checked.ok ? !engine.ask(checked.question).abstained : false;
        },
        stats:
          `${engine.stats.passages} passages, ${casualties.figures.length} figures, ${talks.items.length} brief items; ` +
          `engine ${((parts.engine ?? 0) / 1000).toFixed(2)} s, casualties (with the shared analysis) ` +
          `${((parts.casualties ?? 0) / 1000).toFixed(2)} s, talks ${((parts.talks ?? 0) / 1000).toFixed(2)} s`,
        parts,
      };
    }
    case 'snapshot-disk': {
      // A snapshot saved on disk against one built from the folder, as the bot's worker does either:
      // from the article files, load + engine + casualty report + talks brief, then save (snapshot-file.ts);
      // then, with all of that dropped, load it back (key the folder, read, make the engine from its data).
      const { mkdtemp, rm, writeFile, cp } = await import('node:fs/promises');
      const { tmpdir } = await import('node:os');
      const path = await import('node:path');
      const { generateArticleTexts, sourceSentences, loadSeedCorpus, SEEDS_DIR } = await import('./corpus.js');
      const { loadCorpus } = await import('../src/sources/load.js');
      const { buildEngine, engineData, engineFrom } = await import('../src/engine/engine.js');
      const { buildCasualtyReport } = await import('../src/extract/casualties.js');
      const { buildTalksBrief } = await import('../src/extract/talks.js');
      const { readSnapshot, snapshotFile, sourcesKey, writeSnapshot } = await import('../src/snapshot-file.js');
      const { validateQuestion } = await import('../src/engine/question.js');
      const { claimsData, restoreClaims } = await import('../src/nlp/annotate.js');
      const root = await mkdtemp(path.join(tmpdir(), 'bench-snapshot-'));
      const sources = path.join(root, 'sources');
      const cache = path.join(root, 'snapshot');
      await cp(SEEDS_DIR, sources, { recursive: true });
      if (corpus.dir.startsWith('generated:')) {
        const count = corpus.articles.length;
        for (const a of generateArticleTexts(sourceSentences(await loadSeedCorpus()), count)) {
          await writeFile(path.join(sources, `${a.id}.txt`), a.text);
          await writeFile(
            path.join(sources, `${a.id}.meta.json`),
            JSON.stringify({ outlet: null, published: a.published }),
          );
        }
      }
      const parts: Record<string, number> = {};
      const file = snapshotFile(cache, sources);
      let bytes = 0;
      {
        const t = performance.now();
        const key = await sourcesKey(sources);
        const loaded = await loadCorpus(sources);
        if (!loaded.ok) throw new Error('the generated folder does not load');
        const engine = buildEngine(loaded.corpus);
        const casualties = buildCasualtyReport(loaded.corpus);
        const talks = buildTalksBrief(loaded.corpus);
        parts.build = performance.now() - t;
        const s = performance.now();
        bytes = await writeSnapshot(file, {
          key,
          corpus: loaded.corpus,
          engine: engineData(engine),
          casualties,
          talks,
          claims: claimsData(loaded.corpus),
          warnings: loaded.warnings,
          buildMs: parts.build,
          savedAt: new Date().toISOString(),
        });
        parts.save = performance.now() - s;
      }
      gc?.();
      const t = performance.now();
      const key = await sourcesKey(sources);
      parts.key = performance.now() - t;
      const read = await readSnapshot(file, key);
      if (!read.ok) throw new Error(`the saved snapshot does not load: ${read.detail}`);
      parts.read = performance.now() - t - parts.key;
      if (read.saved.claims) restoreClaims(read.corpus, read.saved.claims);
      const engine = engineFrom(read.corpus, read.saved.engine);
      parts.load = performance.now() - t;
      parts.total = parts.load;
      parts.bytes = bytes;
      await rm(root, { recursive: true, force: true });
      return {
        run: (question) => {
          const checked = validateQuestion(question);
          return checked.ok ? !engine.ask(checked.question).abstained : false;
        },
        stats:
          `from the folder: build ${((parts.build ?? 0) / 1000).toFixed(2)} s, save ${((parts.save ?? 0) / 1000).toFixed(2)} s ` +
          `(${(bytes / 2 ** 20).toFixed(0)} MB); load ${((parts.load ?? 0) / 1000).toFixed(2)} s`,
        parts,
      };
    }
    case 'engine': {
      const { buildEngine } = await import('../src/engine/engine.js');
      const { validateQuestion } = await import('../src/engine/question.js');
      const engine = buildEngine(corpus);
      return {
        // The full answer path a user's question takes: validation, then ask.
        run: (question) => {
          const checked = validateQuestion(question);
          return checked.ok ? !engine.ask(checked.question).abstained : false;
        },
        stats: `${engine.stats.passages} passages, ${engine.stats.terms} terms`,
      };
    }
    case 'minisearch-defaults': {
      const { default: MiniSearch } = await import('minisearch');
      const index = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
      index.addAll(passages.map((s) => ({ id: s.ordinal, text: s.text })));
      return { run: (question) => index.search(question).length > 0, stats: `${index.documentCount} documents` };
    }
    case 'flexsearch': {
      const { Index } = await import('flexsearch');
      const index = new Index();
      for (const s of passages) index.add(s.ordinal, s.text);
      return { run: (question) => index.search(question).length > 0, stats: `${passages.length} documents` };
    }
  }
}

function parseArgs(argv: string[]): { corpus: CorpusSize; subject: Subject; maxQuestions: number } {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const corpusArg = get('corpus') ?? 'seeds';
  const subject = get('subject') ?? 'engine';
  const maxQuestions = Number(get('max-questions') ?? '0');
  if (!isSubject(subject)) throw new Error(`unknown subject "${subject}"`);
  const corpus = corpusArg === 'seeds' ? 'seeds' : Number(corpusArg);
  if (corpus !== 'seeds' && !(Number.isInteger(corpus) && corpus > 0)) throw new Error(`bad --corpus "${corpusArg}"`);
  if (!Number.isInteger(maxQuestions) || maxQuestions < 0) throw new Error('bad --max-questions');
  return { corpus, subject, maxQuestions };
}

const mb = (bytes: number) => bytes / (1024 * 1024);
const gc = (globalThis as { gc?: () => void }).gc;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const { corpusFor, loadSeedCorpus } = await import('./corpus.js');

  const t0 = performance.now();
  const corpus = await corpusFor(args.corpus);
  const corpusMs = performance.now() - t0;
  // Questions come from the seeds' vocabulary, so every corpus size is asked the same mix.
  const mix = buildQuestionMix(args.corpus === 'seeds' ? corpus : await loadSeedCorpus());
  const questions = evenSubset(mix.timed, args.maxQuestions);
  gc?.();
  const rssCorpusMB = mb(process.memoryUsage().rss);

  const t1 = performance.now();
  const searcher = await buildSubject(args.subject, corpus);
  const buildMs = searcher.parts?.total ?? performance.now() - t1;
  // The first answer, right after the build and before any clean-up: when a user first gets one.
  const firstStart = performance.now();
  searcher.run(mix.warmup[0] ?? questions[0] ?? 'How many prisoners were exchanged?');
  const firstAnswerMs = buildMs + (performance.now() - firstStart);
  // Collect the build's garbage so that neither the RSS figure nor the first timed questions carry it.
  gc?.();
  const rssBuiltMB = mb(process.memoryUsage().rss);

  for (const q of mix.warmup) searcher.run(q);

  const latencies: number[] = [];
  let answered = 0;
  for (const q of questions) {
    const start = performance.now();
    const ok = searcher.run(q);
    latencies.push(performance.now() - start);
    if (ok) answered++;
  }
  const slowest = latencies
    .map((ms, i) => ({ question: questions[i] as string, ms }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5);

  const result: ChildResult = {
    corpus: args.corpus,
    subject: args.subject,
    articles: corpus.articles.length,
    sentences: corpus.sentences.length,
    corpusMs,
    buildMs,
    firstAnswerMs,
    ...(searcher.parts ? { parts: searcher.parts } : {}),
    questions: questions.length,
    mixSize: mix.timed.length,
    answered,
    ...summarize(latencies),
    // maxRSS is in KiB: the process' high-water mark, corpus generation included.
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    rssCorpusMB,
    rssBuiltMB,
    rssEndMB: mb(process.memoryUsage().rss),
    stats: searcher.stats,
    slowest,
  };
  process.stdout.write(`${RESULT_MARKER}${JSON.stringify(result)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
