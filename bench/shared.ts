/** Types and helpers shared by the benchmark's parent (run.ts) and its measurement processes (child.ts). */

export const SUBJECTS = ['snapshot', 'snapshot-disk', 'engine', 'minisearch-defaults', 'flexsearch'] as const;
export type Subject = (typeof SUBJECTS)[number];
export type CorpusSize = 'seeds' | number;

export const RESULT_MARKER = 'BENCH_RESULT ';

export function isSubject(name: string): name is Subject {
  return (SUBJECTS as readonly string[]).includes(name);
}

export interface LatencySummary {
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
}

export interface ChildResult extends LatencySummary {
  corpus: CorpusSize;
  subject: Subject;
  articles: number;
  sentences: number;
  /** Time to load or generate the corpus (not part of the subject's build). */
  corpusMs: number;
  /** Time to build the subject's index from the corpus (snapshot: engine, casualty report and talks brief). */
  buildMs: number;
  /** Build plus the first question answered right after it: when a user first gets an answer. */
  firstAnswerMs: number;
  /** Snapshot only: milliseconds of each part of the build. */
  parts?: Record<string, number>;
  /** Questions timed (each once). */
  questions: number;
  /** Size of the full question mix. */
  mixSize: number;
  /** Engine: questions answered (not abstained). Anchors: questions with at least one hit. */
  answered: number;
  /** `process.resourceUsage().maxRSS` at the end of the run, MiB. */
  peakRssMB: number;
  /** RSS after the corpus was built and garbage collected, before the index, MiB. */
  rssCorpusMB: number;
  rssBuiltMB: number;
  rssEndMB: number;
  stats: string;
  /** The five slowest timed questions, slowest first. */
  slowest: { question: string; ms: number }[];
}

/** Nearest-rank percentile of ascending-sorted values: the smallest value with ≥ p of the values at or below it. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1] as number;
}

export function summarize(latencies: readonly number[]): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    meanMs: sorted.length ? sum / sorted.length : Number.NaN,
    maxMs: sorted.at(-1) ?? Number.NaN,
  };
}
