import { constants, type Stats } from 'node:fs';
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Article, Corpus, Correction, LoadResult, Sentence, SourceError } from '../types.js';
import { applyCorrections, findCorrections } from './corrections.js';
import {
  describeZodError,
  frontMatterToRaw,
  metaSchema,
  type RawMeta,
  splitFrontMatter,
  toArticleMeta,
} from './metadata.js';
import { isBoilerplate, splitParagraphs, splitSentences } from './segment.js';

/** Largest article file accepted (bytes). News articles are a few KiB; anything past this is a mistake. */
export const MAX_ARTICLE_BYTES = 512 * 1024;
/** Largest number of articles one directory may hold. */
export const MAX_ARTICLES = 20_000;
export const ARTICLE_EXTENSIONS = ['.txt', '.md'] as const;
export const SIDECAR_SUFFIX = '.meta.json';
/** Article ids are file names without extension: letters, digits, `_`, `-`, `.`; no path separators. */
export const ARTICLE_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function articleIdOf(file: string): string | null {
  const ext = ARTICLE_EXTENSIONS.find((e) => file.toLowerCase().endsWith(e));
  if (!ext) return null;
  const id = file.slice(0, -ext.length);
  return ARTICLE_ID.test(id) ? id : null;
}

/** Decodes bytes as UTF-8 or says why not. Strips a byte-order mark. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}

/**
 * The same text as a string of its own, in the narrowest encoding V8 has for it: a sentence cut out of
 * the file is a slice that keeps the whole file's text alive, and a file with one curly quote is stored
 * two bytes a character, every sentence of it too. Most sentences are Latin-1 only: one byte a character
 * (half the memory of the corpus' text, and the expressions that read it run on one-byte strings).
 */
export function ownString(text: string): string {
  const latin1 = Buffer.from(text, 'latin1').toString('latin1');
  return latin1 === text ? latin1 : Buffer.from(text, 'utf16le').toString('utf16le');
}

export interface ParsedArticle {
  article: Omit<Article, 'sentences'> & { sentences: Omit<Sentence, 'ordinal'>[] };
}

/**
 * Parses one article from its bytes (and optional sidecar metadata). Pure: no file system.
 * Returns the problem as a string when the file cannot be used.
 */
export function parseArticle(
  file: string,
  bytes: Uint8Array,
  sidecar: unknown | undefined,
): { ok: true; article: ParsedArticle['article'] } | { ok: false; problem: string } {
  const id = articleIdOf(file);
  if (!id) {
    return { ok: false, problem: `file name must be an id of letters, digits, "_", "-" or "." ending in .txt or .md` };
  }
  if (bytes.byteLength > MAX_ARTICLE_BYTES) {
    return { ok: false, problem: `too large: ${bytes.byteLength} bytes, the limit is ${MAX_ARTICLE_BYTES}` };
  }
  const text = decodeUtf8(bytes);
  if (text === null) return { ok: false, problem: 'not valid UTF-8 text (save it as UTF-8)' };
  if (text.includes('\u0000')) return { ok: false, problem: 'contains NUL bytes: not a text file' };

  const fm = splitFrontMatter(text);
  if ('error' in fm) return { ok: false, problem: `bad metadata: ${fm.error}` };
  if (fm.data && sidecar !== undefined) {
    return { ok: false, problem: `metadata given twice: front matter and ${id}${SIDECAR_SUFFIX}; keep one` };
  }
  const rawInput = fm.data ? frontMatterToRaw(fm.data) : (sidecar ?? {});
  const parsedMeta = metaSchema.safeParse(rawInput);
  if (!parsedMeta.success) return { ok: false, problem: `bad metadata: ${describeZodError(parsedMeta.error)}` };
  const raw: RawMeta = parsedMeta.data;

  const body = fm.body;
  const paragraphs = splitParagraphs(body);
  const contentParagraphs = paragraphs.filter((p) => !isBoilerplate(p));
  if (contentParagraphs.length === 0) return { ok: false, problem: 'empty: no article text' };

  const paragraphSentences = paragraphs.map((p) => ({ p, sentences: splitSentences(p) }));
  const allSentences = paragraphSentences.flatMap((x) => x.sentences);
  const corrections: Correction[] = [
    ...findCorrections(allSentences),
    ...(raw.corrections ?? []).map((c) => ({
      wrong: c.wrong,
      right: c.right,
      notice: `Correction: ${c.wrong} should be ${c.right}.`,
      context: c.context ?? [],
    })),
  ];

  const sentences: Omit<Sentence, 'ordinal'>[] = [];
  paragraphSentences.forEach(({ p, sentences: list }, paragraph) => {
    const boilerplate = isBoilerplate(p);
    for (const written of list) {
      const s = ownString(written);
      const corrected = boilerplate ? s : applyCorrections(s, corrections);
      sentences.push({
        source: id,
        paragraph,
        index: sentences.length,
        text: s,
        corrected: corrected === s ? s : ownString(corrected),
        boilerplate,
      });
    }
  });

  return {
    ok: true,
    article: {
      id,
      file,
      meta: toArticleMeta(raw),
      size: bytes.byteLength,
      corrections,
      sentences,
      paragraphs: paragraphs.length,
    },
  };
}

/** Builds a corpus from parsed articles (sorted by id), numbering every sentence. */
export function assembleCorpus(dir: string, parsed: ParsedArticle['article'][]): Corpus {
  const articles: Article[] = [];
  const sentences: Sentence[] = [];
  for (const a of [...parsed].sort((x, y) => x.id.localeCompare(y.id))) {
    const own: Sentence[] = a.sentences.map((s) => {
      // A literal with every field, in the order `{ ...s, ordinal }` gives: one hidden class for every
      // sentence (the spread copy gave each sentence its own, ~300 bytes a sentence).
      const numbered: Sentence = {
        source: s.source,
        paragraph: s.paragraph,
        index: s.index,
        text: s.text,
        corrected: s.corrected,
        boilerplate: s.boilerplate,
        ordinal: sentences.length,
      };
      sentences.push(numbered);
      return numbered;
    });
    articles.push({ ...a, sentences: own });
  }
  return {
    dir,
    articles,
    sentences,
    byId: new Map(articles.map((a) => [a.id, a])),
    loadedAt: new Date().toISOString(),
  };
}

/* ------------------------------------------------------------ containment */

const LINK_PROBLEM = 'is a symbolic link; links are not followed (copy the file itself into the sources folder)';

/**
 * What a directory entry is, by `lstat` (links are not followed): only regular files are ever read.
 * Anything else gets a reason an operator can act on.
 */
export function entryKindProblem(info: Stats): string | null {
  if (info.isFile()) return null;
  if (info.isSymbolicLink()) return LINK_PROBLEM;
  if (info.isDirectory()) return 'is a directory; sub-folders are not read (move its articles up one level)';
  if (info.isFIFO()) return 'is a named pipe (FIFO), not a file; remove it from the sources folder';
  if (info.isSocket()) return 'is a socket, not a file; remove it from the sources folder';
  if (info.isBlockDevice() || info.isCharacterDevice())
    return 'is a device, not a file; remove it from the sources folder';
  return 'is not a regular file';
}

/** Flags for reading an entry: never through a symbolic link, never blocking on a FIFO. */
const SAFE_READ = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

export type ContainedRead = { ok: true; bytes: Uint8Array } | { ok: false; problem: string; missing?: boolean };

/**
 * Reads `root/name`, where `root` is already a real path and `name` a plain file name, only if it is a
 * regular file whose real path is inside `root` and no larger than `maxBytes`. The entry is checked
 * with `lstat` for a clear reason, opened without following links (so a file swapped for a link after
 * the check is refused too), and checked again on the open handle before a byte is read.
 */
export async function readContained(root: string, name: string, maxBytes: number): Promise<ContainedRead> {
  if (name !== path.basename(name) || name === '.' || name === '..') {
    return { ok: false, problem: 'is not a plain file name in the sources folder' };
  }
  const full = path.join(root, name);
  let info: Stats;
  try {
    info = await lstat(full);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return {
      ok: false,
      problem: code === 'ENOENT' ? 'does not exist' : `cannot read (${code})`,
      missing: code === 'ENOENT',
    };
  }
  const kind = entryKindProblem(info);
  if (kind) return { ok: false, problem: kind };
  if (info.size > maxBytes) return { ok: false, problem: `too large: ${info.size} bytes, the limit is ${maxBytes}` };
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(full, SAFE_READ);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // O_NOFOLLOW: the entry became a link after it was checked.
    if (code === 'ELOOP' || code === 'EMLINK') return { ok: false, problem: LINK_PROBLEM };
    return { ok: false, problem: `cannot read (${code ?? String(err)})`, missing: code === 'ENOENT' };
  }
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) return { ok: false, problem: entryKindProblem(opened) ?? 'is not a regular file' };
    if (opened.size > maxBytes)
      return { ok: false, problem: `too large: ${opened.size} bytes, the limit is ${maxBytes}` };
    // The real path of what was opened must be this entry of the sources folder.
    const real = await realpath(full).catch(() => null);
    if (real === null || path.dirname(real) !== root) {
      return { ok: false, problem: 'resolves to a file outside the sources folder; refused' };
    }
    const bytes = await handle.readFile();
    if (bytes.byteLength > maxBytes)
      return { ok: false, problem: `too large: ${bytes.byteLength} bytes, the limit is ${maxBytes}` };
    return { ok: true, bytes };
  } catch (err) {
    return { ok: false, problem: `cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})` };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** The sources folder's real path, or why it cannot be used. */
export async function resolveSourcesDir(
  dir: string,
): Promise<{ ok: true; root: string } | { ok: false; problem: string }> {
  try {
    const root = await realpath(dir);
    const info = await stat(root);
    if (!info.isDirectory()) return { ok: false, problem: 'is not a directory' };
    return { ok: true, root };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return {
      ok: false,
      problem: code === 'ENOENT' ? 'directory does not exist' : `cannot read directory (${code ?? String(err)})`,
    };
  }
}

/** Largest sidecar metadata file read (bytes). */
export const MAX_SIDECAR_BYTES = 64 * 1024;

/**
 * Loads every article in a directory. Returns a complete, valid corpus, or every problem found,
 * each naming its file. Never a partial corpus.
 */
export async function loadCorpus(dir: string): Promise<LoadResult> {
  const errors: SourceError[] = [];
  const warnings: SourceError[] = [];
  const resolved = await resolveSourcesDir(dir);
  if (!resolved.ok) return { ok: false, errors: [{ file: dir, problem: resolved.problem }] };
  const { root } = resolved;
  let entries: string[];
  try {
    entries = (await readdir(root)).sort();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, errors: [{ file: dir, problem: `cannot read directory (${code ?? String(err)})` }] };
  }

  const articleFiles = entries.filter(
    (f) => !f.startsWith('.') && ARTICLE_EXTENSIONS.some((e) => f.toLowerCase().endsWith(e)),
  );
  const sidecars = new Set(entries.filter((f) => f.endsWith(SIDECAR_SUFFIX)));
  for (const f of entries) {
    if (f.startsWith('.') || f.endsWith('.tmp')) continue;
    if (!articleFiles.includes(f) && !sidecars.has(f)) {
      // Say what it is when it is not a file at all (a folder, a link, a pipe), so the warning is actionable.
      const info = await lstat(path.join(root, f)).catch(() => null);
      const kind = info ? entryKindProblem(info) : null;
      warnings.push({ file: f, problem: kind ? `ignored: ${kind}` : 'ignored: not a .txt or .md article' });
    }
  }
  if (articleFiles.length > MAX_ARTICLES) {
    return {
      ok: false,
      errors: [{ file: dir, problem: `${articleFiles.length} articles; the limit is ${MAX_ARTICLES}` }],
    };
  }

  const seen = new Map<string, string>();
  const parsed: ParsedArticle['article'][] = [];
  const usedSidecars = new Set<string>();
  for (const file of articleFiles) {
    const id = articleIdOf(file);
    if (id) {
      const twin = seen.get(id);
      if (twin) {
        errors.push({ file, problem: `duplicate id "${id}": ${twin} has the same name` });
        continue;
      }
      seen.set(id, file);
    }
    const read = await readContained(root, file, MAX_ARTICLE_BYTES);
    if (!read.ok) {
      errors.push({ file, problem: read.problem });
      continue;
    }
    const bytes = read.bytes;
    let sidecar: unknown;
    const sidecarName = id ? `${id}${SIDECAR_SUFFIX}` : '';
    if (id && sidecars.has(sidecarName)) {
      usedSidecars.add(sidecarName);
      const meta = await readContained(root, sidecarName, MAX_SIDECAR_BYTES);
      if (!meta.ok) {
        errors.push({ file: sidecarName, problem: meta.problem });
        continue;
      }
      try {
        sidecar = JSON.parse(new TextDecoder().decode(meta.bytes));
      } catch (err) {
        errors.push({ file: sidecarName, problem: `bad metadata: not valid JSON (${(err as Error).message})` });
        continue;
      }
    }
    const result = parseArticle(file, bytes, sidecar);
    if (result.ok) parsed.push(result.article);
    else
      errors.push({
        file: result.problem.startsWith('bad metadata') && sidecar !== undefined ? sidecarName : file,
        problem: result.problem,
      });
  }
  for (const s of sidecars) {
    if (!usedSidecars.has(s)) warnings.push({ file: s, problem: 'ignored: no article with this id' });
  }
  if (errors.length > 0) return { ok: false, errors };
  if (parsed.length === 0)
    return { ok: false, errors: [{ file: dir, problem: 'no .txt or .md articles in the directory' }] };
  return { ok: true, corpus: assembleCorpus(dir, parsed), warnings };
}
