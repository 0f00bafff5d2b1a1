import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import type { Corpus, Sentence } from '../types.js';
import { type EntityLexicon, LexiconBuilder } from './entities.js';
import { type Token, tokenize } from './text.js';

/**
 * First stage of answering: a MiniSearch index over passages (runs of consecutive sentences of one
 * paragraph, packed up to PASSAGE_MAX_SENTENCES). Terms are our own (stemmed, synonyms folded, spelling
 * variants and acronyms unified), so MiniSearch only tokenises on spaces.
 *
 * Speed on large corpora comes from two choices: terms that occur in most passages are not used to
 * *find* passages when rarer question terms exist (they still count when ranking sentences), and only the
 * best passages go on to sentence-level scoring.
 */

export const PASSAGE_MAX_SENTENCES = 12;
/** Passages handed from retrieval to sentence ranking. */
export const CANDIDATE_PASSAGES = 16;
/** On large corpora, a term in more than this share of passages is too common to retrieve with: pruned. */
export const COMMON_TERM_SHARE = 0.12;
/** On large corpora, a pruned term keeps this many of its passages for questions with no rarer word. */
export const PRUNED_TERM_SAMPLE = 256;
/** On large corpora, at most this many (rarest) question terms retrieve passages. */
export const MAX_RETRIEVAL_TERMS = 2;

export interface Passage {
  id: number;
  /** Sentence ordinals, in order. */
  sentences: number[];
}

export interface Retriever {
  corpus: Corpus;
  lexicon: EntityLexicon;
  passages: Passage[];
  /** Number of content (non-boilerplate) sentences. */
  sentenceCount: number;
  /** Sentence-level document frequency of each term. */
  df: Map<string, number>;
  /** Passage-level document frequency of each term. */
  passageDf: Map<string, number>;
  /** Every lower-case word the sources write, with its index term and how often it occurs. */
  words: Map<string, { term: string; count: number }>;
  search(terms: readonly string[]): Passage[];
  /** Terms of a sentence with token positions (for proximity), lexicon applied. */
  termPositions(text: string, tokens: readonly Token[]): { term: string; pos: number }[];
}

/**
 * Index terms with positions, with spelling variants and acronyms unified through the lexicon. The
 * variants' and names' own terms are worked out once here, not for every token of every sentence scored.
 */
export function termPositionsWith(
  lexicon: EntityLexicon,
): (text: string, tokens: readonly Token[]) => { term: string; pos: number }[] {
  const variantTerms = new Map<string, string>();
  for (const [rare, common] of lexicon.variants) {
    const term = tokenize(common)[0]?.term;
    if (term) variantTerms.set(rare, term);
  }
  const acronymTerms = new Map<string, string[]>();
  for (const [acronym, names] of lexicon.acronyms) {
    acronymTerms.set(
      acronym,
      tokenize(names[0] ?? '').flatMap((t) => (t.term ? [t.term] : [])),
    );
  }
  return (text, tokens) => {
    const out: { term: string; pos: number }[] = [];
    tokens.forEach((t, pos) => {
      if (!t.term) return;
      out.push({ term: (t.capitalized && variantTerms.get(t.lower)) || t.term, pos });
      if (t.surface === t.surface.toUpperCase()) {
        for (const term of acronymTerms.get(t.lower) ?? []) out.push({ term, pos });
      }
    });
    if (lexicon.acronyms.size > 0) {
      const lower = text.toLowerCase();
      for (const [acronym, names] of lexicon.acronyms) {
        const at = names.map((full) => lower.indexOf(full)).find((x) => x >= 0);
        if (at === undefined) continue;
        const pos = tokens.findIndex((t) => t.start >= at);
        out.push({ term: acronym, pos: Math.max(pos, 0) });
      }
    }
    return out;
  };
}

/**
 * Passages: consecutive sentences of one article, packed paragraph by paragraph up to
 * PASSAGE_MAX_SENTENCES (a long paragraph is cut into several passages). Short one-line paragraphs
 * share a passage, which keeps the index small and a passage big enough to rank.
 */
function packPassages(corpus: Corpus): Passage[] {
  const passages: Passage[] = [];
  for (const article of corpus.articles) {
    let current: number[] = [];
    let paragraph: Sentence[] = [];
    const flush = () => {
      if (current.length) passages.push({ id: passages.length, sentences: current });
      current = [];
    };
    const addParagraph = () => {
      if (current.length + paragraph.length > PASSAGE_MAX_SENTENCES) flush();
      for (const s of paragraph) {
        if (current.length >= PASSAGE_MAX_SENTENCES) flush();
        current.push(s.ordinal);
      }
      paragraph = [];
    };
    for (const s of article.sentences) {
      if (s.boilerplate) continue;
      if (paragraph.length > 0 && paragraph[0]?.paragraph !== s.paragraph) addParagraph();
      paragraph.push(s);
    }
    addParagraph();
    flush();
  }
  return passages;
}

const EMPTY = new Uint32Array(0);

/** Numbers are matched when sentences are scored, not indexed: every figure would be a term of its own. */
function indexable(term: string): boolean {
  const c = term.charCodeAt(0);
  return !(c >= 48 && c <= 57);
}

/**
 * What a retriever is built from, as plain data (Maps, arrays and MiniSearch's own plain form), so a
 * built snapshot can be saved and loaded without rebuilding (`retrieverData`, `retrieverFrom`).
 */
export interface RetrieverData {
  passages: Passage[];
  sentenceCount: number;
  df: Map<string, number>;
  passageDf: Map<string, number>;
  words: Map<string, { term: string; count: number }>;
  lexicon: EntityLexicon;
  /** On a large corpus: the sample of passages kept for each pruned term. */
  samples: Map<string, number[]>;
  large: boolean;
  index: AsPlainObject;
}

/** Our own terms, joined with spaces: MiniSearch only splits them (`extract` gives a document's terms). */
function indexOptions(extract: () => string): Options<{ id: number }> {
  return {
    fields: ['terms'],
    idField: 'id',
    extractField: (doc, field) => (field === 'id' ? String(doc.id) : extract()),
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term || null,
    searchOptions: { tokenize: (text) => text.split(' '), processTerm: (term) => term || null },
  };
}

const built = new WeakMap<Retriever, () => RetrieverData>();

/** The data a retriever was built from (for saving a snapshot); `retrieverFrom` makes the same retriever again. */
export function retrieverData(retriever: Retriever): RetrieverData {
  const data = built.get(retriever);
  if (!data) throw new Error('retrieverData: not a retriever made by buildRetriever or retrieverFrom');
  return data();
}

/** The retriever of `corpus` from data `retrieverData` gave for the same corpus. */
export function retrieverFrom(corpus: Corpus, data: RetrieverData): Retriever {
  const mini = MiniSearch.loadJS(
    data.index,
    indexOptions(() => ''),
  );
  return assemble(corpus, data, mini);
}

/** What pass 1 of `buildRetriever` counts of one term: one map lookup per token instead of one per count. */
interface TermCount {
  id: number;
  /** Sentences it occurs in. */
  df: number;
  /** Passages it occurs in (index terms only). */
  passages: number;
  /** The last sentence and passage counted, so that each is counted once. */
  lastSentence: number;
  lastPassage: number;
  indexable: boolean;
}

export function buildRetriever(corpus: Corpus): Retriever {
  const passages = packPassages(corpus);
  const builder = new LexiconBuilder();
  const words = new Map<string, { term: string; count: number }>();
  let sentenceCount = 0;
  let current = '';

  const mini = new MiniSearch<{ id: number }>(indexOptions(() => current));

  // Pass 1: each sentence is tokenised once, feeding the entity lexicon and the frequencies; the
  // passage's terms are kept for pass 2 as term ids, not strings: a quarter of the memory on a large corpus.
  // Terms are counted in the order they first occur, which is the order of `df` and `passageDf` below.
  const counts = new Map<string, TermCount>();
  const termNames: string[] = [];
  const passageTerms: Uint32Array[] = new Array(passages.length);
  let all: number[] = [];
  for (const p of passages) {
    all.length = 0;
    for (const ordinal of p.sentences) {
      const s = corpus.sentences[ordinal];
      if (!s) continue;
      const sentence = sentenceCount++;
      const tokens = tokenize(s.corrected);
      builder.add(s.corrected, tokens);
      for (const t of tokens) {
        const term = t.term;
        if (!term) continue;
        let c = counts.get(term);
        if (c === undefined) {
          c = {
            id: termNames.length,
            df: 0,
            passages: 0,
            lastSentence: -1,
            lastPassage: -1,
            indexable: indexable(term),
          };
          termNames.push(term);
          counts.set(term, c);
        }
        if (c.lastSentence !== sentence) {
          c.lastSentence = sentence;
          c.df++;
        }
        // A number is no index term, but how rare it is still weighs it when a question gives it.
        if (!c.indexable) continue;
        if (!t.capitalized && !t.numeric) {
          const w = words.get(t.lower);
          if (w) w.count++;
          else words.set(t.lower, { term, count: 1 });
        }
        all.push(c.id);
        if (c.lastPassage !== p.id) {
          c.lastPassage = p.id;
          c.passages++;
        }
      }
    }
    passageTerms[p.id] = Uint32Array.from(all);
  }
  all = [];
  const df = new Map<string, number>();
  const passageDf = new Map<string, number>();
  for (const [term, c] of counts) {
    df.set(term, c.df);
    if (c.indexable) passageDf.set(term, c.passages);
  }
  // Pass 2: the index. On a large corpus, terms found in more than COMMON_TERM_SHARE of the passages
  // are pruned from it: they would be the longest posting lists and are too common to find passages
  // with; their frequencies still rank sentences. Each keeps a short sample of its passages, used only
  // when a question has no rarer word (see `search`).
  const large = passages.length > 4 * CANDIDATE_PASSAGES;
  const prunedId = new Uint8Array(termNames.length);
  const seenIn = new Int32Array(termNames.length).fill(-1);
  if (large) {
    for (const c of counts.values()) {
      if (c.indexable && c.passages > passages.length * COMMON_TERM_SHARE) prunedId[c.id] = 1;
    }
  }
  counts.clear();
  const samples = new Map<string, number[]>();
  const kept: string[] = [];
  for (const p of passages) {
    const ids = passageTerms[p.id] ?? EMPTY;
    kept.length = 0;
    for (const id of ids) {
      const term = termNames[id] ?? '';
      if (prunedId[id] !== 1) {
        kept.push(term);
        continue;
      }
      if (seenIn[id] === p.id) continue;
      seenIn[id] = p.id;
      const sample = samples.get(term);
      if (!sample) samples.set(term, [p.id]);
      else if (sample.length < PRUNED_TERM_SAMPLE) sample.push(p.id);
    }
    current = kept.join(' ');
    mini.add({ id: p.id });
    passageTerms[p.id] = EMPTY;
  }
  current = '';
  const lexicon = builder.finish();
  const spellings = spellingsOf(lexicon);
  for (const [common, rares] of spellings) {
    df.set(common, (df.get(common) ?? 0) + rares.reduce((n, r) => n + (df.get(r) ?? 0), 0));
  }
  // An acronym is about as frequent as the rarest word of its spelled-out name.
  for (const [acronym, names] of lexicon.acronyms) {
    if (df.has(acronym)) continue;
    const rarest = (full: string) =>
      Math.min(...tokenize(full).map((t) => (t.term ? (df.get(t.term) ?? 0) : Number.POSITIVE_INFINITY)));
    const n = Math.max(...names.map(rarest));
    if (Number.isFinite(n) && n > 0) df.set(acronym, n);
  }
  return assemble(corpus, { passages, sentenceCount, df, passageDf, words, lexicon, samples, large }, mini);
}

/**
 * Spelling variants and acronyms are unified at query time: "zelenskyy" also looks for "zelensky",
 * "csis" also for the words of "Center for Strategic and International Studies".
 */
function spellingsOf(lexicon: EntityLexicon): Map<string, string[]> {
  const spellings = new Map<string, string[]>();
  for (const [rare, common] of lexicon.variants) {
    const rareTerm = tokenize(rare)[0]?.term;
    const commonTerm = tokenize(common)[0]?.term;
    if (!rareTerm || !commonTerm) continue;
    spellings.set(commonTerm, [...(spellings.get(commonTerm) ?? []), rareTerm]);
  }
  return spellings;
}

/** The retriever's query side over built data (cheap: the index and the frequencies are not recomputed). */
function assemble(corpus: Corpus, data: Omit<RetrieverData, 'index'>, mini: MiniSearch<{ id: number }>): Retriever {
  const { passages, sentenceCount, df, passageDf, words, lexicon, samples, large } = data;
  const pruned = (term: string) => large && (passageDf.get(term) ?? 0) > passages.length * COMMON_TERM_SHARE;
  const termPositions = termPositionsWith(lexicon);
  const spellings = spellingsOf(lexicon);
  const expand = (term: string): string[] => {
    const out = [term, ...(spellings.get(term) ?? [])];
    for (const full of lexicon.acronyms.get(term) ?? []) for (const t of tokenize(full)) if (t.term) out.push(t.term);
    return out;
  };

  const search = (terms: readonly string[]): Passage[] => {
    const known = [...new Set(terms.flatMap(expand))].filter((t) => (passageDf.get(t) ?? 0) > 0);
    const indexed = known.filter((t) => !pruned(t));
    if (indexed.length === 0) return large ? fromSamples(known) : [];
    // Retrieval cost is the length of the posting lists walked: on a large corpus the rarest few terms
    // find the passages; the others only rank the sentences found.
    const chosen = large
      ? indexed.sort((a, b) => (passageDf.get(a) ?? 0) - (passageDf.get(b) ?? 0)).slice(0, MAX_RETRIEVAL_TERMS)
      : indexed;
    const hits = mini.search(chosen.join(' '), { combineWith: 'OR' });
    const out: Passage[] = [];
    for (const hit of large ? hits.slice(0, CANDIDATE_PASSAGES) : hits) {
      const p = passages[hit.id as number];
      if (p) out.push(p);
    }
    return out;
  };

  /** A question made only of words found nearly everywhere: the passages most of their samples share. */
  const fromSamples = (known: readonly string[]): Passage[] => {
    const votes = new Map<number, number>();
    for (const t of known) for (const id of samples.get(t) ?? []) votes.set(id, (votes.get(id) ?? 0) + 1);
    return [...votes.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, CANDIDATE_PASSAGES)
      .flatMap(([id]) => passages[id] ?? []);
  };

  const retriever: Retriever = {
    corpus,
    lexicon,
    passages,
    sentenceCount,
    df,
    passageDf,
    words,
    search,
    termPositions,
  };
  built.set(retriever, () => ({ ...data, index: mini.toJSON() }));
  return retriever;
}
