import type { Correction } from '../types.js';

/**
 * Correction notices as news outlets write them:
 *   "This story corrects an earlier version that said Russia illegally annexed Crimea in 2016. It should be 2014."
 *   "An earlier version of this story incorrectly said X. It was Y."
 * The notice gives the wrong claim and the right value; the wrong value is the token in the claim
 * with the same shape as the right one (a year for a year, a number for a number, a name for a name).
 */
const NOTICE =
  /(?:corrects an earlier version (?:of this (?:story|article|report) )?that (?:said|stated|reported|misstated)|earlier version of this (?:story|article|report) (?:incorrectly |erroneously )?(?:said|stated|reported|misstated))\s+(.+?)[.,;]?\s+(?:It|The (?:correct )?(?:figure|year|number|date|name)) (?:should (?:have been|be)|was|is|were)(?: actually)?\s+([^.]+?)\.?$/i;

function contextWords(claim: string, wrong: string): string[] {
  return claim
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 4 && w !== wrong && !/^(?:that|this|with|from|have|were|said)$/i.test(w))
    .map((w) => w.toLowerCase());
}

function shape(token: string): 'number' | 'name' | 'word' {
  if (/^\d[\d.,]*%?$/.test(token)) return 'number';
  if (/^[A-Z]/.test(token)) return 'name';
  return 'word';
}

/**
 * The words of a claim with the punctuation around them dropped, but a number kept whole with its
 * thousands separators and decimals ("1,710", "2.5", "31%"): a comma inside a number does not split it.
 */
function claimWords(claim: string): string[] {
  return claim
    .split(/\s+/)
    .map((w) => w.replace(/^[("'“‘]+/, '').replace(/[)"'”’,;:.!?]+$/, ''))
    .filter(Boolean);
}

/** A whole number as written in text: digits with optional thousands separators, decimals and a percent sign. */
const NUMBER_TOKEN =
  /(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?%?(?![\w]|[.,]\d)|(?<![\w.,])\d+(?:\.\d+)?%?(?![\w]|[.,]\d)/g;

/** The same number however it is written: "1,170" and "1170" are one value. */
function numberValue(token: string): number | null {
  const n = Number(token.replace(/,/g, '').replace(/%$/, ''));
  return Number.isFinite(n) ? n : null;
}

/** Finds the correction in one notice sentence (or null). */
export function parseCorrectionNotice(sentence: string): Correction | null {
  const match = NOTICE.exec(sentence.trim());
  if (!match) return null;
  const claim = match[1] ?? '';
  const right = (match[2] ?? '').trim();
  if (!claim || !right) return null;
  const rightTokens = right.split(/\s+/);
  if (rightTokens.length === 1) {
    const wanted = shape(right);
    const candidates = claimWords(claim).filter(
      (t) => shape(t) === wanted && t !== right && (wanted !== 'number' || numberValue(t) !== numberValue(right)),
    );
    const wrong = candidates.at(-1);
    if (wrong) return { wrong, right, notice: sentence.trim(), context: contextWords(claim, wrong) };
    return null;
  }
  // A multi-word right value replaces the same number of trailing words of the claim.
  const claimTokens = claim.split(/\s+/);
  const wrong = claimTokens.slice(-rightTokens.length).join(' ');
  return wrong && wrong !== right
    ? { wrong, right, notice: sentence.trim(), context: contextWords(claim, wrong) }
    : null;
}

/** Finds notices in a list of sentences; a notice may span two sentences ("…in 2016. It should be 2014."). */
export function findCorrections(sentences: readonly string[]): Correction[] {
  const found: Correction[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const one = sentences[i] ?? '';
    const two = i + 1 < sentences.length ? `${one} ${sentences[i + 1]}` : one;
    const correction = parseCorrectionNotice(one) ?? parseCorrectionNotice(two);
    if (correction) {
      found.push(correction);
      if (!parseCorrectionNotice(one)) i++;
    }
  }
  return found;
}

/**
 * Applies corrections to a sentence: replaces the wrong value where it stands as a whole token in a
 * sentence about the same thing (sharing a content word with the corrected claim).
 */
export function applyCorrections(text: string, corrections: readonly Correction[]): string {
  let out = text;
  for (const c of corrections) {
    if (out.includes(c.notice) || c.notice.includes(out)) continue;
    const lower = out.toLowerCase();
    if (c.context.length > 0 && !c.context.some((w) => lower.includes(w))) continue;
    const wrongValue = shape(c.wrong) === 'number' ? numberValue(c.wrong) : null;
    if (wrongValue !== null) {
      // A number is the same number with or without thousands separators: "1,710" and "1710".
      out = out.replace(NUMBER_TOKEN, (token) => (numberValue(token) === wrongValue ? c.right : token));
      continue;
    }
    const escaped = c.wrong.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`(?<![\\w.,])${escaped}(?![\\w]|[.,]\\d)`, 'g'), c.right);
  }
  return out;
}
