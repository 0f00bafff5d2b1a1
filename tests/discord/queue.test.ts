import { describe, expect, it } from 'vitest';
import { AnswerQueue } from '../../src/discord/queue.js';

describe('AnswerQueue', () => {
  it('runs jobs one at a time in the order they were queued', async () => {
    const queue = new AnswerQueue();
    const order: number[] = [];
    let running = 0;
    let overlapped = false;
    const jobs = [1, 2, 3, 4].map((n) =>
      queue.run(async () => {
        running++;
        if (running > 1) overlapped = true;
        await new Promise((r) => setImmediate(r));
        order.push(n);
        running--;
        return n * 10;
      }),
    );
    expect(await Promise.all(jobs.map((j) => j.result))).toEqual([10, 20, 30, 40]);
    expect(order).toEqual([1, 2, 3, 4]);
    expect(overlapped).toBe(false);
  });

  it('gives the event loop a turn before every job, so I/O queued meanwhile is not starved', async () => {
    const queue = new AnswerQueue();
    const events: string[] = [];
    const a = queue.run(() => {
      events.push('job a');
      // Queued by job a: must run before job b starts.
      setImmediate(() => events.push('immediate from a'));
    });
    const b = queue.run(() => events.push('job b'));
    await Promise.all([a.result, b.result]);
    expect(events).toEqual(['job a', 'immediate from a', 'job b']);
  });

  it('does not run a job synchronously when it is queued', () => {
    const queue = new AnswerQueue();
    let ran = false;
    queue.run(() => {
      ran = true;
    });
    expect(ran).toBe(false);
  });

  it('passes a failing job’s error to its caller and keeps serving the next ones', async () => {
    const queue = new AnswerQueue();
    const bad = queue.run(() => {
      throw new Error('engine exploded');
    });
    const good = queue.run(() => 'fine');
    await expect(bad.result).rejects.toThrow('engine exploded');
    expect(await good.result).toBe('fine');
  });

  it('skips a cancelled job', async () => {
    const queue = new AnswerQueue();
    let ran = false;
    const dropped = queue.run(() => {
      ran = true;
    });
    dropped.cancel();
    await queue.run(() => undefined).result;
    expect(ran).toBe(false);
  });

  it('counts what is pending, says how many are ahead, and is full at maxPending', async () => {
    const queue = new AnswerQueue({ maxPending: 3 });
    const first = queue.run(() => undefined);
    const second = queue.run(() => undefined);
    expect(first.ahead).toBe(0);
    expect(second.ahead).toBe(1);
    expect(queue.pending).toBe(2);
    expect(queue.full).toBe(false);
    queue.run(() => undefined);
    expect(queue.full).toBe(true);
    await second.result;
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(queue.pending).toBe(0);
  });

  it('reports each job’s wait and run time to observers', async () => {
    let t = 0;
    const queue = new AnswerQueue({ now: () => t });
    const timings: { waitedMs: number; ranMs: number; ok: boolean }[] = [];
    queue.observe((x) => timings.push(x));
    t = 10;
    const job = queue.run(() => {
      t = 25;
    });
    t = 15;
    await job.result;
    expect(timings).toEqual([{ waitedMs: 5, ranMs: 10, ok: true }]);
    expect(queue.expectedWaitMs()).toBe(0);
  });
});
