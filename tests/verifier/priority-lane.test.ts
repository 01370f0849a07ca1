import { describe, expect, it } from 'vitest';
import { priorityLane } from '../../scripts/verify/priority-lane.ts';

/** A job that records when it starts and ends, and finishes when told. */
function job(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return {
    run: async () => {
      log.push(`start ${name}`);
      await done;
      log.push(`end ${name}`);
      return name;
    },
    finish: () => finish(),
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the answered lane', () => {
  it('runs no more jobs at once than it is given, and starts the waiting one with the highest priority next', async () => {
    const lane = priorityLane(2);
    const log: string[] = [];
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((name) => job(log, name));
    const results = [lane(a!.run, 1), lane(b!.run, 0), lane(c!.run, 0), lane(d!.run, 9)];
    await tick();
    // d and a: the two highest priorities of the four queued together.
    expect(log).toEqual(['start d', 'start a']);
    a!.finish();
    await tick();
    // b before c: equal priorities start in the order they were queued.
    expect(log).toEqual(['start d', 'start a', 'end a', 'start b']);
    b!.finish();
    d!.finish();
    c!.finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd']);
    expect(log.filter((line) => line.startsWith('start'))).toEqual(['start d', 'start a', 'start b', 'start c']);
  });

  it("passes a job's failure to its caller and goes on with the next", async () => {
    const lane = priorityLane(1);
    const failed = lane(async () => {
      throw new Error('compile step broke');
    });
    const next = lane(async () => 'ran');
    await expect(failed).rejects.toThrow('compile step broke');
    expect(await next).toBe('ran');
  });
});
