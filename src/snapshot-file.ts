/**
 * A built snapshot on disk, so a restart (or a second shard) loads it instead of rebuilding.
 *
 * One file per sources folder under the cache folder (`DATA_DIR/snapshot/`), written by the worker after
 * a build: the corpus, the engine's built data (`engineData`), the casualty report, the talks brief and the
 * loader's warnings, with `v8.serialize`. It is keyed by the sources (every entry's name, type, size and
 * modification time and the SHA-256 of each regular file's bytes) and by the code that built it (the
 * SHA-256 of this program's own source files and of `package-lock.json`): any change to either is a
 * different key, and a file with another key, another format or that does not deserialise is ignored
 * (the caller logs why and rebuilds).
 *
 * Shards building the same folder at once: the first takes a lock file naming its process and key;
 * another with the same key waits for it (bounded) and then loads what it wrote.
 */
import { createHash } from 'node:crypto';
import { lstat, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { EngineData } from './engine/engine.js';
import type { CasualtyReport, TalksBrief } from './extract/types.js';
import type { Attribution } from './nlp/attribution.js';
import type { Article, Corpus, Sentence, SourceError } from './types.js';

/** Bumped when the file's layout changes. */
export const SNAPSHOT_FORMAT = 3;
/** Snapshot files kept in the cache folder (the most recently written); older ones are removed. */
export const SNAPSHOTS_KEPT = 4;
/** How long a build waits for another process building the same sources before building itself. */
export const LOCK_WAIT_MS = 5 * 60_000;
/** How long a lock file may stay empty (created, its content not yet written) before it counts as abandoned. */
export const UNWRITTEN_LOCK_MS = 10_000;

export interface SavedSnapshot {
  format: number;
  key: string;
  corpus: Omit<Corpus, 'byId'>;
  engine: EngineData;
  casualties: CasualtyReport;
  talks: TalksBrief;
  /** The reports' corpus-wide claims (`claimsData`), which answers read too. */
  claims: [number, readonly Attribution[]][] | null;
  warnings: SourceError[];
  buildMs: number;
  savedAt: string;
}

export type ReadResult =
  | { ok: true; saved: SavedSnapshot; corpus: Corpus; bytes: number }
  | { ok: false; reason: 'missing' | 'stale' | 'corrupt'; detail: string };

/** Articles or figures per serialised part: each part is serialised between turns of the worker's event loop. */
export const ITEMS_PER_PART = 500;

interface Header extends Omit<SavedSnapshot, 'corpus' | 'engine' | 'casualties' | 'claims'> {
  corpus: Omit<Corpus, 'byId' | 'articles' | 'sentences'>;
  /** Claims: -1 when there are none (null). */
  parts: { articles: number; figures: number; conflicts: number; claims: number };
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
/** The snapshot file of a sources folder. */
export function snapshotFile(cacheDir: string, sourcesDir: string): string {
  return path.join(cacheDir, `${sha256(path.resolve(sourcesDir)).slice(0, 16)}.snapshot`);
}

let codeVersionMemo: Promise<string> | null = null;

/**
 * The code that builds snapshots: every `.ts`/`.js` file of this program (the folder this module is in,
 * `src/` or the compiled `dist/src/`) and the installed dependencies' lock file.
 */
export function codeVersion(): Promise<string> {
  codeVersionMemo ??= (async () => {
    const root = path.dirname(fileURLToPath(import.meta.url));
    const files = (await readdir(root, { recursive: true }))
      .filter((f) => /\.(?:ts|js|json)$/.test(f) && !f.endsWith('.d.ts'))
      .sort();
    const hash = createHash('sha256');
    for (const f of files) hash.update(`${f}\0`).update(await readFile(path.join(root, f)));
    for (const lock of [path.join(root, '..', 'package-lock.json'), path.join(root, '..', '..', 'package-lock.json')]) {
      const bytes = await readFile(lock).catch(() => null);
      if (bytes) {
        hash.update(bytes);
        break;
      }
    }
    return hash.digest('hex');
  })();
  return codeVersionMemo;
}

/** The key of a sources folder as it is now, built by this code. */
export async function sourcesKey(dir: string): Promise<string> {
  const names = (await readdir(dir)).sort();
  const parts: string[] = [`format ${SNAPSHOT_FORMAT}`, `code ${await codeVersion()}`];
  const CONCURRENT = 32;
  const entries: string[] = new Array(names.length);
  for (let i = 0; i < names.length; i += CONCURRENT) {
    await Promise.all(
      names.slice(i, i + CONCURRENT).map(async (name, j) => {
        const full = path.join(dir, name);
        const info = await lstat(full);
        const kind = info.isFile() ? 'f' : info.isSymbolicLink() ? 'l' : info.isDirectory() ? 'd' : 'o';
        const content = info.isFile() ? sha256(await readFile(full)) : '';
        entries[i + j] = `${name}\0${kind}\0${info.size}\0${info.mtimeMs}\0${content}`;
      }),
    );
  }
  return sha256([...parts, ...entries].join('\n'));
}

/**
 * Reads the snapshot saved for `key`; anything else (missing, another key, unreadable) says why. The file
 * is a sequence of parts, each an 8-byte little-endian length and a `v8.serialize`d value: a header, the
 * articles, the engine's data without its index, the index, the figures, the conflicts, the claims.
 */
export async function readSnapshot(file: string, key: string): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? 'missing' : 'corrupt', detail: String(code ?? err) };
  }
  let at = 0;
  const next = (): unknown => {
    if (at + 8 > bytes.byteLength) throw new Error('the file ends early');
    const length = Number(bytes.readBigUInt64LE(at));
    if (at + 8 + length > bytes.byteLength) throw new Error('the file ends early');
    const value = deserialize(bytes.subarray(at + 8, at + 8 + length));
    at += 8 + length;
    return value;
  };
  try {
    const header = next() as Header;
    if (!header || typeof header !== 'object' || header.format !== SNAPSHOT_FORMAT) {
      return { ok: false, reason: 'corrupt', detail: 'not a snapshot of this format' };
    }
    if (header.key !== key) {
      return { ok: false, reason: 'stale', detail: 'the sources or the code changed since it was saved' };
    }
    const articles: Article[] = [];
    for (let i = 0; i < header.parts.articles; i++) {
      for (const a of next() as Article[]) {
        // Saved once when the corrected text is the text (most sentences): the same string again.
        for (const s of a.sentences) if (s.corrected === null) s.corrected = s.text;
        articles.push(a);
      }
    }
    const { index: _none, ...retriever } = next() as EngineData['retriever'];
    const index = next() as EngineData['retriever']['index'];
    const figures: CasualtyReport['figures'] = [];
    for (let i = 0; i < header.parts.figures; i++) figures.push(...(next() as CasualtyReport['figures']));
    const conflicts: CasualtyReport['conflicts'] = [];
    for (let i = 0; i < header.parts.conflicts; i++) conflicts.push(...(next() as CasualtyReport['conflicts']));
    const claims: SavedSnapshot['claims'] = header.parts.claims < 0 ? null : [];
    for (let i = 0; i < header.parts.claims; i++) claims?.push(...(next() as NonNullable<SavedSnapshot['claims']>));
    if (at !== bytes.byteLength) throw new Error('bytes after the last part');
    if (!(retriever.df instanceof Map) || !Array.isArray(header.talks?.items)) throw new Error('a part is missing');
    const sentences = articles.flatMap((a) => a.sentences);
    if (!sentences.every((s, i) => s.ordinal === i)) throw new Error('sentences out of order');
    const { parts: _parts, ...rest } = header;
    const saved: SavedSnapshot = {
      ...rest,
      corpus: { ...header.corpus, articles, sentences },
      engine: { retriever: { ...retriever, index } },
      casualties: { figures, conflicts },
      claims,
    };
    const corpus: Corpus = { ...saved.corpus, byId: new Map(articles.map((a) => [a.id, a])) };
    return { ok: true, saved, corpus, bytes: bytes.byteLength };
  } catch (err) {
    return { ok: false, reason: 'corrupt', detail: `unreadable: ${(err as Error).message}` };
  }
}

/** A sentence's corrected text is saved only where it differs from its text (null otherwise). */
function withoutRepeatedText(article: Article): Article {
  const sentences = article.sentences.map((s) =>
    s.corrected === s.text ? ({ ...s, corrected: null } as unknown as Sentence) : s,
  );
  return { ...article, sentences };
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes the snapshot to a temporary file renamed into place (a reader never sees half a file), one part
 * at a time with `pause` between parts, so a worker serving answers meanwhile answers between parts.
 */
export async function writeSnapshot(
  file: string,
  saved: Omit<SavedSnapshot, 'format'>,
  pause: () => Promise<void> = turn,
): Promise<number> {
  const { corpus, engine, casualties, claims, ...rest } = saved;
  const { byId: _byId, articles, sentences: _sentences, ...corpusRest } = corpus as Corpus;
  const chunks = <T>(list: readonly T[]) => {
    const out: T[][] = [];
    for (let i = 0; i < list.length; i += ITEMS_PER_PART) out.push(list.slice(i, i + ITEMS_PER_PART));
    return out;
  };
  const parts = {
    articles: chunks(articles),
    figures: chunks(casualties.figures),
    conflicts: chunks(casualties.conflicts),
    claims: claims ? chunks(claims) : null,
  };
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  const handle = await open(tmp, 'w');
  let total = 0;
  const put = async (value: unknown) => {
    const body = serialize(value);
    const length = Buffer.alloc(8);
    length.writeBigUInt64LE(BigInt(body.byteLength));
    await handle.write(length);
    await handle.write(body);
    total += 8 + body.byteLength;
    await pause();
  };
  try {
    const header: Header = {
      format: SNAPSHOT_FORMAT,
      ...rest,
      corpus: corpusRest,
      parts: {
        articles: parts.articles.length,
        figures: parts.figures.length,
        conflicts: parts.conflicts.length,
        claims: parts.claims ? parts.claims.length : -1,
      },
    };
    await put(header);
    for (const p of parts.articles) await put(p.map(withoutRepeatedText));
    const { index: _index, ...retriever } = engine.retriever;
    await put(retriever);
    await put(engine.retriever.index);
    for (const p of parts.figures) await put(p);
    for (const p of parts.conflicts) await put(p);
    for (const p of parts.claims ?? []) await put(p);
    await handle.close();
    await rename(tmp, file);
  } catch (err) {
    await handle.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw err;
  }
  await prune(path.dirname(file));
  return total;
}

/** Keeps the SNAPSHOTS_KEPT most recently written snapshots of the folder (tests make many folders). */
async function prune(cacheDir: string): Promise<void> {
  const names = (await readdir(cacheDir)).filter((n) => n.endsWith('.snapshot'));
  if (names.length <= SNAPSHOTS_KEPT) return;
  const dated = await Promise.all(
    names.map(async (n) => ({ n, at: (await stat(path.join(cacheDir, n)).catch(() => null))?.mtimeMs ?? 0 })),
  );
  dated.sort((a, b) => b.at - a.at);
  for (const { n } of dated.slice(SNAPSHOTS_KEPT)) await rm(path.join(cacheDir, n), { force: true });
}

interface LockContent {
  pid: number;
  key: string;
  at: number;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Before building: if another live process is building the same key, waits until it is done (or
 * LOCK_WAIT_MS) and returns true (the caller reads the snapshot again). Otherwise takes the lock and
 * returns false; `release` removes it.
 */
export async function waitOrLock(
  file: string,
  key: string,
  options: { waitMs?: number; pollMs?: number } = {},
): Promise<{ waited: boolean; release: () => Promise<void> }> {
  const lock = `${file}.lock`;
  const deadline = Date.now() + (options.waitMs ?? LOCK_WAIT_MS);
  await mkdir(path.dirname(file), { recursive: true });
  let waited = false;
  for (;;) {
    try {
      const handle = await open(lock, 'wx');
      await handle.writeFile(JSON.stringify({ pid: process.pid, key, at: Date.now() } satisfies LockContent));
      await handle.close();
      return { waited, release: () => rm(lock, { force: true }) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return { waited, release: async () => {} };
    }
    const held = await readFile(lock, 'utf8')
      .then((t) => JSON.parse(t) as LockContent)
      .catch(() => null);
    // A lock just created and not yet written (its holder is between creating and writing it) is live:
    // taking it over there would let two processes build at once.
    const fresh =
      held === null && Date.now() - ((await stat(lock).catch(() => null))?.mtimeMs ?? 0) < UNWRITTEN_LOCK_MS;
    const live = fresh || (held !== null && held.pid !== process.pid && alive(held.pid));
    // Another live process building other sources (an older or newer version): build alongside, no lock.
    if (live && held !== null && held.key !== key) return { waited, release: async () => {} };
    if (!live || Date.now() > deadline) {
      // A stale lock (its process is gone, or an earlier build of this one was cancelled) or waited long
      // enough: take it over.
      await rm(lock, { force: true });
      if (Date.now() > deadline) return { waited, release: async () => {} };
      continue;
    }
    waited = true;
    await new Promise((r) => setTimeout(r, options.pollMs ?? 250));
    // The other builder is done when its lock is gone: the caller reads what it saved.
    if (!(await stat(lock).catch(() => null))) return { waited, release: async () => {} };
  }
}
