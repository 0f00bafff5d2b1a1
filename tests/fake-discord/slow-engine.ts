/**
 * Preload for the bot process (`node --import tsx --import tests/fake-discord/slow-engine.ts src/main.ts`):
 * every `ask` to the index worker first blocks the main thread for SLOW_ENGINE_MS milliseconds, as a slow
 * engine on a large corpus or a slow host would (the real call waits synchronously for the worker too).
 * Tests only: nothing in src/ knows about it.
 */
import { SnapshotHost } from '../../src/snapshot-host.js';

const delayMs = Number(process.env.SLOW_ENGINE_MS ?? 0);
if (delayMs > 0) {
  const call = SnapshotHost.prototype.call;
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  SnapshotHost.prototype.call = function slowCall(this: SnapshotHost, request, timeoutMs) {
    if (request.method === 'ask') Atomics.wait(sleeper, 0, 0, delayMs);
    return call.call(this, request, timeoutMs);
  };
}
