import { formatSize } from './render.js';

/** Downloads an uploaded file (a Discord attachment URL) with a size cap and a timeout. */
export type Download = { ok: true; bytes: Uint8Array } | { ok: false; problem: string };

export async function downloadAttachment(url: string, maxBytes: number, timeoutMs = 15_000): Promise<Download> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (err) {
    const reason = err instanceof Error && err.name === 'TimeoutError' ? 'timed out' : 'could not be fetched';
    return { ok: false, problem: `the upload ${reason}; try attaching it again` };
  }
  if (!response.ok || !response.body) {
    return { ok: false, problem: `the upload could not be fetched (HTTP ${response.status}); try attaching it again` };
  }
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body.cancel().catch(() => undefined);
    return {
      ok: false,
      problem: `too large: ${formatSize(declared)}; an article can be at most ${formatSize(maxBytes)}`,
    };
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, problem: `too large: an article can be at most ${formatSize(maxBytes)}` };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, problem: 'the upload was interrupted; try attaching it again' };
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  return { ok: true, bytes };
}
