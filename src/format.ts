import { formatDate } from './discord/cite.js';
import type { Answer, Corpus, RichCitation } from './types.js';

/** Plain-text renderings for people (CLI and console). Discord has its own renderers in src/discord/. */

/** "000_e18e… — The Associated Press, “Title”, 5 Feb 2026". */
function citationLabel(c: RichCitation): string {
  const name = c.outlet ?? (c.title ? null : 'outlet not named in the text');
  const parts = [name, c.title ? `“${c.title}”` : null, formatDate(c.published)].filter(Boolean);
  return `${c.source} — ${parts.join(', ')}`;
}

export function formatAnswerText(a: Answer): string {
  const lines = [`Q: ${a.question}`, `A: ${a.answer}`];
  if (a.abstained) {
    lines.push('   (None of the indexed articles contains a sentence that answers this.)');
    return lines.join('\n');
  }
  const numbered = [...a.citations, ...a.alternatives.flatMap((alt) => alt.citations)];
  const seen = new Set<string>();
  let n = 0;
  lines.push('');
  for (const c of numbered) {
    const key = `${c.source}\u0000${c.quote}`;
    if (seen.has(key)) continue;
    seen.add(key);
    n++;
    lines.push(`[${n}] ${citationLabel(c)}`, `    “${c.quote}”`);
  }
  return lines.join('\n');
}

/** The indexed articles, one line each. */
export function formatSourcesText(corpus: Corpus, builtAt: Date, figuresBySource: Map<string, number>): string {
  const lines = [`${corpus.articles.length} articles from ${corpus.dir}, index built ${builtAt.toISOString()}`];
  for (const a of corpus.articles) {
    const passages = a.sentences.filter((s) => !s.boilerplate).length;
    lines.push(
      `- ${a.id}: ${a.meta.outlet ?? a.meta.agency ?? 'outlet not named in the text'}${a.meta.published ? `, ${formatDate(a.meta.published)}` : ''}${
        a.meta.title ? ` — “${a.meta.title}”` : ''
      } (${passages} sentences, ${figuresBySource.get(a.id) ?? 0} casualty figures${
        a.corrections.length
          ? `, ${a.corrections.length} correction${a.corrections.length === 1 ? '' : 's'} applied`
          : ''
      })`,
    );
  }
  return lines.join('\n');
}

/** How many casualty figures cite each source. */
export function figuresPerSource(
  figures: readonly { citations: readonly { source: string }[] }[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of figures)
    for (const s of new Set(f.citations.map((c) => c.source))) counts.set(s, (counts.get(s) ?? 0) + 1);
  return counts;
}
