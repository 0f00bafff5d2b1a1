/**
 * Adding and removing article files in the sources directory (for `/sources-admin add|remove`).
 * Names are checked so nothing can be written outside the directory, content is validated with the
 * same `parseArticle` the loader uses, and writes are atomic (temp file + rename in the same
 * directory). These functions only change files: the caller reloads the index afterwards, and runs
 * both inside `store.change`, which reloads in the same step, so nothing interleaves with a reload.
 */
import { randomUUID } from 'node:crypto';
import { lstat, open, readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import {
  ARTICLE_EXTENSIONS,
  ARTICLE_ID,
  articleIdOf,
  entryKindProblem,
  MAX_ARTICLE_BYTES,
  MAX_SIDECAR_BYTES,
  parseArticle,
  readContained,
  resolveSourcesDir,
  SIDECAR_SUFFIX,
} from './load.js';

export type AddResult =
  | { ok: true; id: string; file: string; replaced: boolean; sentences: number }
  | { ok: false; problem: string };

export type RemoveResult = { ok: true; id: string; removed: string[] } | { ok: false; problem: string };

const NAME_RULE = 'use only letters, digits, "_", "-" and "." (no folders), ending in .txt or .md';

/** Checks an uploaded file name; returns the article id or the problem. */
export function checkArticleName(name: string): { ok: true; id: string } | { ok: false; problem: string } {
  const shown = JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name);
  if (
    name.length === 0 ||
    name !== name.trim() ||
    /[/\\]/.test(name) ||
    [...name].some((c) => c.charCodeAt(0) < 0x20) ||
    name !== path.basename(name) ||
    name.startsWith('.')
  ) {
    return { ok: false, problem: `the file name ${shown} is not allowed: ${NAME_RULE}` };
  }
  if (!ARTICLE_EXTENSIONS.some((e) => name.toLowerCase().endsWith(e))) {
    return { ok: false, problem: `the file name ${shown} is not allowed: only .txt and .md articles can be added` };
  }
  const id = articleIdOf(name);
  if (!id) return { ok: false, problem: `the file name ${shown} is not allowed: ${NAME_RULE}` };
  return { ok: true, id };
}

async function articleFilesById(dir: string): Promise<Map<string, string[]>> {
  const byId = new Map<string, string[]>();
  for (const f of await readdir(dir)) {
    if (f.startsWith('.')) continue;
    const id = articleIdOf(f);
    if (id) byId.set(id, [...(byId.get(id) ?? []), f]);
  }
  return byId;
}

/** Writes `bytes` to `dir/name` atomically: a temp file in the same directory, fsync, then rename. */
export async function writeAtomic(dir: string, name: string, bytes: Uint8Array): Promise<void> {
  const temp = path.join(dir, `.${name}.${process.pid}.${randomUUID()}.tmp`);
  const handle = await open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path.join(dir, name));
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
}

/**
 * Validates an uploaded article (name, size, encoding, metadata, content) and writes it into the
 * sources directory. Refuses to overwrite an existing article unless `replace` is set.
 */
export async function addArticle(
  dir: string,
  name: string,
  bytes: Uint8Array,
  options: { replace?: boolean } = {},
): Promise<AddResult> {
  const checked = checkArticleName(name);
  if (!checked.ok) return checked;
  const { id } = checked;
  if (bytes.byteLength === 0) return { ok: false, problem: `${name} is empty` };
  if (bytes.byteLength > MAX_ARTICLE_BYTES) {
    return { ok: false, problem: `${name} is too large: ${bytes.byteLength} bytes, the limit is ${MAX_ARTICLE_BYTES}` };
  }

  const resolved = await resolveSourcesDir(dir);
  if (!resolved.ok) return { ok: false, problem: `the sources folder ${resolved.problem}` };
  const { root } = resolved;

  const existing = (await articleFilesById(root)).get(id) ?? [];
  const twin = existing.find((f) => f !== name);
  if (twin) return { ok: false, problem: `${twin} already uses the id "${id}"; remove it first or rename the upload` };
  const replaced = existing.includes(name);
  if (replaced) {
    // Checked before the `replace` option, so an admin learns at once that this entry is not an article.
    const kind = entryKindProblem(await lstat(path.join(root, name)));
    if (kind) return { ok: false, problem: `${name} exists and ${kind}; not touching it` };
    if (!options.replace) {
      return { ok: false, problem: `${name} already exists; set replace to true to overwrite it` };
    }
  }

  let sidecar: unknown;
  const sidecarName = `${id}${SIDECAR_SUFFIX}`;
  const meta = await readContained(root, sidecarName, MAX_SIDECAR_BYTES);
  if (meta.ok) {
    try {
      sidecar = JSON.parse(new TextDecoder().decode(meta.bytes));
    } catch {
      return { ok: false, problem: `${sidecarName} (its metadata) is not valid JSON; fix or remove it first` };
    }
  } else if (!meta.missing) {
    return { ok: false, problem: `${sidecarName} (its metadata) ${meta.problem}` };
  }
  const parsed = parseArticle(name, bytes, sidecar);
  if (!parsed.ok) return { ok: false, problem: `${name}: ${parsed.problem}` };

  await writeAtomic(root, name, bytes);
  return { ok: true, id, file: name, replaced, sentences: parsed.article.sentences.length };
}

/** Removes an article (given by id or file name) and its sidecar metadata. Never removes the last article. */
export async function removeArticle(dir: string, idOrFile: string): Promise<RemoveResult> {
  const given = idOrFile.trim();
  const id = articleIdOf(given) ?? (ARTICLE_ID.test(given) ? given : null);
  if (!id || given !== path.basename(given)) {
    return { ok: false, problem: `"${given.slice(0, 80)}" is not an article id; see /sources list` };
  }
  const resolved = await resolveSourcesDir(dir);
  if (!resolved.ok) return { ok: false, problem: `the sources folder ${resolved.problem}` };
  const { root } = resolved;
  const byId = await articleFilesById(root);
  const files = byId.get(id);
  if (!files?.length) return { ok: false, problem: `there is no article "${id}"; see /sources list` };
  if (byId.size <= 1) return { ok: false, problem: `"${id}" is the only article; add another before removing it` };

  // Only files and links are removed (unlinking a link never touches what it points to); a folder, pipe
  // or device with an article's name is left for an operator on the server.
  const targets = [...files, `${id}${SIDECAR_SUFFIX}`];
  for (const f of targets) {
    const info = await lstat(path.join(root, f)).catch(() => null);
    if (info && !info.isFile() && !info.isSymbolicLink()) {
      return { ok: false, problem: `${f} ${entryKindProblem(info)}; remove it on the server, not from Discord` };
    }
  }
  const removed: string[] = [];
  for (const f of targets) {
    try {
      await unlink(path.join(root, f));
      removed.push(f);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return { ok: true, id, removed };
}
