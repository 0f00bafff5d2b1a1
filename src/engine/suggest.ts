import type { Retriever } from './retrieval.js';
import { STOP_WORDS, tokenize } from './text.js';

/**
 * Autocomplete drawn from the index: the last word the user is typing is completed with words and names
 * the sources use (most frequent first); an empty input gets starter questions built from the names the
 * sources mention most.
 */
export function buildSuggester(r: Retriever): (partial: string, limit: number, maxLength: number) => string[] {
  const counts = new Map<string, { surface: string; count: number }>();
  const names = new Map<string, { text: string; count: number }>();
  const content = r.corpus.sentences.filter((s) => !s.boilerplate);
  // Sample at most 20,000 sentences: completions need the common vocabulary, not all of it.
  const step = Math.max(1, Math.floor(content.length / 20_000));
  for (let i = 0; i < content.length; i += step) {
    const s = content[i];
    if (!s) continue;
    for (const t of tokenize(s.text)) {
      if (t.numeric || t.surface.length < 3 || STOP_WORDS.has(t.lower)) continue;
      const key = t.lower;
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { surface: t.capitalized && !/^\p{Lu}+$/u.test(t.surface) ? t.surface : t.lower, count: 1 });
    }
  }
  for (const [name, type] of r.lexicon.types) {
    if (type !== 'person' && type !== 'organisation') continue;
    const words = name.split(/\s+/);
    if (words.length < 2) continue;
    const entry = names.get(name);
    const display = name.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
    names.set(name, { text: display, count: (entry?.count ?? 0) + (counts.get(words.at(-1) ?? '')?.count ?? 0) });
  }
  const vocabulary = [...counts.values()].sort((a, b) => b.count - a.count);
  const people = [...names.entries()]
    .filter(([name]) => r.lexicon.types.get(name) === 'person')
    .sort((a, b) => b[1].count - a[1].count)
    .map(([, v]) => v.text);
  const starters = [
    'How many prisoners were exchanged?',
    'Where are the talks taking place?',
    'What is the main sticking point?',
    'How many soldiers have been killed?',
    ...people.slice(0, 10).map((p) => `What did ${p} say?`),
  ];

  return (partial, limit, maxLength) => {
    const clip = (s: string) => (s.length <= maxLength ? s : `${s.slice(0, maxLength - 1).trimEnd()}…`);
    const text = partial.replace(/\s+/g, ' ').trimStart();
    if (!text.trim()) return starters.slice(0, limit).map(clip);
    const m = /^(.*?)([\p{L}\p{N}'’-]*)$/u.exec(text);
    const head = m?.[1] ?? '';
    const stem = (m?.[2] ?? '').toLowerCase();
    const out = new Set<string>([clip(text.trim())]);
    if (stem.length > 0) {
      for (const w of vocabulary) {
        if (out.size >= limit) break;
        if (w.surface.toLowerCase().startsWith(stem) && w.surface.toLowerCase() !== stem)
          out.add(clip(`${head}${w.surface}`));
      }
    }
    for (const s of starters) {
      if (out.size >= limit) break;
      if (s.toLowerCase().includes(text.trim().toLowerCase())) out.add(clip(s));
    }
    return [...out].slice(0, limit);
  };
}
