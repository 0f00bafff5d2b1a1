/**
 * Preload for the bot process (`node --import tsx --import tests/fake-discord/slow-engine.ts src/main.ts`):
 * every `ask` to the index worker takes SLOW_ENGINE_MS milliseconds longer, as a slow engine on a large
 * corpus or a slow host would: a blocking call (`call`) blocks the main thread that long, an awaited one
 * (`callAsync`) resolves that much later. Tests only: nothing in src/ knows about it.
 */
import { SnapshotHost } from '../../src/snapshot-host.js';

const delayMs = Number(process.env.SLOW_ENGINE_MS ?? 0);
if (delayMs > 0) {
  const host = SnapshotHost.prototype;
  const call = host.call;
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  host.call = function slowCall(this: SnapshotHost, request, timeoutMs) {
    if (request.method === 'ask') Atomics.wait(sleeper, 0, 0, delayMs);
    return call.call(this, request, timeoutMs);
  };
  const callAsync = host.callAsync;
  if (callAsync) {
    host.callAsync = async function slowCallAsync(this: SnapshotHost, request, timeoutMs) {
      if (request.method === 'ask') await new Promise((r) => setTimeout(r, delayMs));
      return callAsync.call(this, request, timeoutMs);
    };
  }
}
