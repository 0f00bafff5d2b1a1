/**
 * Plain data shared by every layer: sources, the answer engine, the reports and the Discord layer.
 * Nothing in here knows about Discord, the file system or the index.
 */

/** What an article's metadata may say about it; every field is only what the text itself shows. */
export interface ArticleMeta {
  outlet: string | null;
  /** The agency the story comes from when it is syndicated (e.g. "AP" for "KYIV (AP) —"). */
  agency: string | null;
  title: string | null;
  /** ISO date, `YYYY-MM-DD`. Relative dates in the text ("Wednesday", "last month") resolve against it. */
  published: string | null;
  url: string | null;
}

/** A correction notice: the article once said `wrong`, it should say `right`. */
export interface Correction {
  wrong: string;
  right: string;
  /** The verbatim notice sentence. */
  notice: string;
  /** Content words of the corrected claim: a sentence is corrected only where it talks about the same thing. */
  context: string[];
}

export interface Sentence {
  /** Global position in the corpus' sentence array. */
  ordinal: number;
  /** Article id (the file name without extension). */
  source: string;
  paragraph: number;
  /** Position of the sentence within its article. */
  index: number;
  /** Verbatim text as it appears in the article. */
  text: string;
  /**
   * The text with the article's correction notices applied (equal to `text` when nothing is corrected).
   * Answers are read from this; quotes stay verbatim.
   */
  corrected: string;
  /** True for boilerplate (bylines, copyright lines, "Follow AP's coverage" …): never an answer. */
  boilerplate: boolean;
}

export interface Article {
  id: string;
  file: string;
  meta: ArticleMeta;
  /** Bytes of the file; the text itself lives in `sentences` (kept once, not twice, in memory). */
  size: number;
  corrections: Correction[];
  sentences: Sentence[];
  paragraphs: number;
}

export interface Corpus {
  dir: string;
  articles: Article[];
  /** Every sentence of every article, `sentences[s.ordinal] === s`. */
  sentences: Sentence[];
  byId: Map<string, Article>;
  loadedAt: string;
}

export interface SourceError {
  file: string;
  problem: string;
}

export type LoadResult = { ok: true; corpus: Corpus; warnings: SourceError[] } | { ok: false; errors: SourceError[] };

/* ---------------------------------------------------------------- answers */

export interface Citation {
  source: string;
  outlet: string | null;
  quote: string;
}

/** A citation with what a renderer needs beyond the CLI contract. */
export interface RichCitation extends Citation {
  title: string | null;
  published: string | null;
  paragraph: number;
}

export type AnswerKind =
  | 'count'
  | 'percent'
  | 'person'
  | 'organisation'
  | 'place'
  | 'date'
  | 'length'
  /** "Who is Jared Kushner?": the role the sources give a named person. */
  | 'role'
  /** "Did they agree to a ceasefire?": "Yes — …" or "No — …", with the sentence that says so. */
  | 'yes-no'
  /** "Was it 314 or 157?": the option the sources support. */
  | 'choice'
  | 'description';

export interface Answer {
  question: string;
  /** Short direct answer, or the "not in my sources" sentence when abstaining. */
  answer: string;
  abstained: boolean;
  kind: AnswerKind;
  /** How many distinct articles support the answer. */
  supportingSources: number;
  totalSources: number;
  /** Disagreeing answers found in other sentences (different figures or claimants), attributed. */
  alternatives: { answer: string; citations: RichCitation[] }[];
  citations: RichCitation[];
  /** The answer's reading as read from its sentence ("55,000 Ukrainian soldiers"), without counts or notes. */
  text?: string;
  /** The figure a count, percentage, length or duration answer reads, else null. */
  value?: number | null;
  /** Who gives the figure, when the text says. */
  claimant?: string | null;
}
