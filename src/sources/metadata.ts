import { z } from 'zod';
import type { ArticleMeta } from '../types.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'is not a real calendar date');

/**
 * Article metadata, from a sidecar `<id>.meta.json` or a front-matter block at the top of the file.
 * Every field is optional: metadata says only what the article text supports.
 */
export const metaSchema = z
  .object({
    outlet: z.string().trim().min(1).max(200).nullable().optional(),
    agency: z.string().trim().min(1).max(100).nullable().optional(),
    title: z.string().trim().min(1).max(300).nullable().optional(),
    published: isoDate.nullable().optional(),
    url: z
      .url({ protocol: /^https?$/ })
      .nullable()
      .optional(),
    corrections: z
      .array(z.object({ wrong: z.string().min(1), right: z.string().min(1), context: z.array(z.string()).optional() }))
      .optional(),
  })
  .strict();

export type RawMeta = z.infer<typeof metaSchema>;

export function toArticleMeta(raw: RawMeta): ArticleMeta {
  return {
    outlet: raw.outlet ?? null,
    agency: raw.agency ?? null,
    title: raw.title ?? null,
    published: raw.published ?? null,
    url: raw.url ?? null,
  };
}

/** Readable one-line summary of a zod error: "published: must be a date written YYYY-MM-DD". */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`)
    .join('; ');
}

export interface FrontMatter {
  data: Record<string, string> | null;
  body: string;
}

/**
 * A minimal front-matter block: `---` on the first line, `key: value` lines, `---`.
 * Values are plain strings (quotes stripped); `null` or an empty value means null.
 */
export function splitFrontMatter(text: string): FrontMatter | { error: string } {
  if (!/^---\r?\n/.test(text)) return { data: null, body: text };
  const end = text.search(/\r?\n---\s*(?:\r?\n|$)/);
  if (end < 0) return { error: 'front matter starts with --- but never ends with a --- line' };
  const block = text.slice(text.indexOf('\n') + 1, end);
  const rest = text.slice(end).replace(/^\r?\n---\s*(?:\r?\n|$)/, '');
  const data: Record<string, string> = {};
  for (const [i, line] of block.split(/\r?\n/).entries()) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const m = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!m?.[1]) return { error: `front matter line ${i + 2} is not "key: value"` };
    data[m[1]] = (m[2] ?? '').trim().replace(/^(["'])(.*)\1$/, '$2');
  }
  return { data, body: rest };
}

/** Front-matter values are strings; turn "null"/"" into null before validation. */
export function frontMatterToRaw(data: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) out[k] = v === '' || v === 'null' ? null : v;
  return out;
}
