/**
 * Paragraph and sentence segmentation. Sentences come from `Intl.Segmenter` (ICU's sentence rules);
 * on top of it we only undo the splits ICU makes after abbreviations that do not end a sentence
 * ("U.S. European Command", "Gen. Smith", "Donald J. Trump").
 */

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Abbreviations that precede a name and never end a sentence. */
const TITLE_ABBREVIATIONS = new Set([
  'mr.',
  'mrs.',
  'ms.',
  'dr.',
  'gen.',
  'lt.',
  'col.',
  'maj.',
  'capt.',
  'sgt.',
  'adm.',
  'sen.',
  'rep.',
  'gov.',
  'prof.',
  'st.',
  'rev.',
  'pres.',
  'no.',
  'vs.',
  'approx.',
  'e.g.',
  'i.e.',
]);

/**
 * Words that start a new sentence after a dotted acronym ("… in the U.S. The talks …").
 * Closed-class English words: a capitalized content word after "U.S." is part of the same sentence.
 */
const SENTENCE_STARTERS = new Set(
  (
    'the a an this that these those he she it they we i you his her its their our my your ' +
    'but and or so yet however meanwhile in on at for from with by as after before while when if ' +
    'there here what who which where why how some many most all no not neither both each'
  ).split(' '),
);

const DOTTED_ACRONYM = /(?:^|[\s(“"'])(?:[A-Za-z]\.){2,}$/;
const SINGLE_INITIAL = /(?:^|\s)[A-Z]\.$/;

function endsWithNonTerminalAbbreviation(segment: string, next: string): boolean {
  const trimmed = segment.trimEnd();
  const lastWord = trimmed.split(/\s+/).pop()?.toLowerCase() ?? '';
  if (TITLE_ABBREVIATIONS.has(lastWord)) return true;
  // "Donald J. Trump": an initial after a capitalised word, followed by a capitalised word (not "on X. “Quote”").
  if (SINGLE_INITIAL.test(trimmed)) {
    const before = trimmed.split(/\s+/).at(-2) ?? '';
    return /^\p{Lu}/u.test(before) && /^\p{Lu}/u.test(next.trimStart());
  }
  if (DOTTED_ACRONYM.test(trimmed)) {
    const firstWord = (next.trimStart().match(/^[“"'(]?([A-Za-z]+)/)?.[1] ?? '').toLowerCase();
    return firstWord !== '' && !SENTENCE_STARTERS.has(firstWord);
  }
  return false;
}

/**
 * ""Why was the ferry late?" asked the harbour master.": a quoted question or exclamation followed by a lower-case word is
 * one sentence with its attribution, not two.
 */
function quoteGoesOn(segment: string, next: string): boolean {
  return /[?!]["”’']\s*$/.test(segment) && /^\p{Ll}/u.test(next.trimStart());
}

/** What opens a paragraph as its label or list mark: "Q.", "A:", "4.", "12)", "**", "-". */
const PARAGRAPH_LABEL = /^\s*(?:\p{Lu}|\d{1,2}|\*{1,2}|[-•–])[.):]?\s*$/u;

/** Splits one paragraph into verbatim sentences (trimmed, never empty). */
export function splitSentences(paragraph: string): string[] {
  const raw = [...sentenceSegmenter.segment(paragraph)].map((s) => s.segment);
  const merged: string[] = [];
  for (const segment of raw) {
    const previous = merged.at(-1);
    // A paragraph's label or list mark alone ("Q.", "A.", "4.", "**") is no sentence: it opens the next.
    const labelOnly = merged.length === 1 && previous !== undefined && PARAGRAPH_LABEL.test(previous);
    if (
      previous !== undefined &&
      (labelOnly || endsWithNonTerminalAbbreviation(previous, segment) || quoteGoesOn(previous, segment))
    ) {
      merged[merged.length - 1] = previous + segment;
    } else {
      merged.push(segment);
    }
  }
  return merged.map((s) => s.trim()).filter((s) => s.length > 0);
}

/** Paragraphs are non-empty lines: news text puts one paragraph per line, with or without blank lines. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

const BOILERPLATE = [
  /^_{2,}$/,
  /^-{3,}$/,
  /^!\[[^\]]*\]\([^)]*\)$/,
  /\bcopyright\b/i,
  /all rights reserved/i,
  /contributed to this report/i,
  /^follow\b.*\bcoverage\b/i,
  /^share and follow$/i,
  /^(?:read|see) more\b/i,
  /^this (?:story|article|report) (?:corrects|has been corrected|was updated)/i,
  /^(?:an )?earlier version of this (?:story|article|report)/i,
];

/** Lines that carry no reportable content: separators, image stubs, credits, copyright, correction notices. */
export function isBoilerplate(paragraph: string): boolean {
  return BOILERPLATE.some((re) => re.test(paragraph)) || isShortHeading(paragraph);
}

/** A line of at most three words without sentence punctuation: a site name or section heading ("NewsBeat"). */
function isShortHeading(paragraph: string): boolean {
  return paragraph.split(/\s+/).length <= 3 && !/[.!?:”"]$/.test(paragraph);
}
