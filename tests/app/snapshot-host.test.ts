import { MessageChannel, Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { SnapshotHost } from '../../src/snapshot-host.js';

/** A worker speaking the snapshot worker's reply protocol with a scripted engine (plain JS, eval'd). */
function scriptedHost(engine: string) {
  const channel = new MessageChannel();
  const asyncChannel = new MessageChannel();
  const signal = new SharedArrayBuffer(4);
  const worker = new Worker(
    `const { workerData } = require('node:worker_threads');
     const { port, asyncPort, signal } = workerData;
     const flag = new Int32Array(signal);
     const engine = ${engine};
     port.on('message', (request) => {
       const reply = (r) => { port.postMessage({ id: request.id, ...r }); Atomics.store(flag, 0, 1); Atomics.notify(flag, 0); };
       engine(request, reply);
     });
     asyncPort.on('message', (request) => engine(request, (r) => asyncPort.postMessage({ id: request.id, ...r })));`,
    {
      eval: true,
      workerData: { port: channel.port2, asyncPort: asyncChannel.port2, signal },
      transferList: [channel.port2, asyncChannel.port2],
    },
  );
  return new SnapshotHost(worker, channel.port1, signal, asyncChannel.port1);
}

describe('SnapshotHost.call', () => {
  const hosts: SnapshotHost[] = [];
  afterEach(async () => {
    for (const h of hosts.splice(0)) await h.close();
  });
  const host = (engine: string) => {
    const h = scriptedHost(engine);
    hosts.push(h);
    return h;
  };

  it('returns what the worker answers, synchronously', () => {
    const h = host(`(request, reply) => reply({ ok: true, value: { echoed: request.args[0] } })`);
    expect(h.call({ method: 'ask', args: ['How many?'] })).toEqual({ echoed: 'How many?' });
    expect(h.call({ method: 'ask', args: ['Where?'] })).toEqual({ echoed: 'Where?' });
  });

  it('throws the worker’s error as an error of its own', () => {
    const h = host(`(request, reply) => reply({ ok: false, message: 'engine exploded' })`);
    expect(() => h.call({ method: 'ask', args: ['x'] })).toThrow('the index worker failed: engine exploded');
  });

  it('gives up after the timeout, and ignores the late reply on the next call', async () => {
    const h = host(
      `(request, reply) => request.args[0] === 'slow' ? setTimeout(() => reply({ ok: true, value: 'late' }), 300) : reply({ ok: true, value: 'quick' })`,
    );
    expect(() => h.call({ method: 'ask', args: ['slow'] }, 50)).toThrow(/did not answer ask within 50 ms/);
    await new Promise((r) => setTimeout(r, 400));
    expect(h.call({ method: 'ask', args: ['fast'] })).toBe('quick');
  });

  it('answers an awaited call while the event loop keeps turning', async () => {
    const h = host(
      `(request, reply) => setTimeout(() => reply({ ok: true, value: { echoed: request.args[0] } }), 100)`,
    );
    let turns = 0;
    const ticker = setInterval(() => turns++, 5);
    try {
      await expect(h.callAsync({ method: 'ask', args: ['How many?'] })).resolves.toEqual({ echoed: 'How many?' });
    } finally {
      clearInterval(ticker);
    }
    expect(turns).toBeGreaterThan(5);
    // The blocking call still works beside it.
    expect(h.call({ method: 'ask', args: ['Where?'] })).toEqual({ echoed: 'Where?' });
  });

  it('rejects an awaited call that times out, an error, and calls after close', async () => {
    const h = host(
      `(request, reply) => request.args[0] === 'slow' ? setTimeout(() => reply({ ok: true, value: 'late' }), 300) : request.args[0] === 'bad' ? reply({ ok: false, message: 'engine exploded' }) : reply({ ok: true, value: 'quick' })`,
    );
    await expect(h.callAsync({ method: 'ask', args: ['slow'] }, 50)).rejects.toThrow(/did not answer ask within 50 ms/);
    await expect(h.callAsync({ method: 'ask', args: ['bad'] })).rejects.toThrow(
      'the index worker failed: engine exploded',
    );
    await new Promise((r) => setTimeout(r, 350));
    await expect(h.callAsync({ method: 'ask', args: ['fast'] })).resolves.toBe('quick');
    await h.close();
    await expect(h.callAsync({ method: 'ask', args: ['x'] })).rejects.toThrow(/stopped/);
  });

  it('refuses calls once closed, saying how to recover', async () => {
    const h = host(`(request, reply) => reply({ ok: true, value: 1 })`);
    await h.close();
    expect(() => h.call({ method: 'ask', args: ['x'] })).toThrow(/stopped; an admin can run \/sources-admin reload/);
  });

  it('reports a worker that stops on its own', async () => {
    const h = host(`(request, reply) => process.exit(3)`);
    const exited = new Promise<number>((resolve) => h.onUnexpectedExit(resolve));
    expect(() => h.call({ method: 'ask', args: ['x'] }, 500)).toThrow();
    expect(await exited).toBe(3);
    expect(h.closed).toBe(true);
  });
});
