/**
 * Runs at most `concurrency` jobs at once; a waiting job with a higher priority starts before one
 * queued earlier. The verifier's answered lane: a program whose run with the API down sleeps
 * longest through its SDK's back-off (Node's and Go's, 6 to 8 s) starts its answered run first, so
 * that the sleep overlaps the other programs' runs instead of trailing after the last of them.
 */
export type Lane = <T>(job: () => Promise<T>, priority?: number) => Promise<T>;

export function priorityLane(concurrency: number): Lane {
  const waiting: { priority: number; order: number; start: () => void }[] = [];
  let running = 0;
  let queued = 0;
  const next = () => {
    if (running >= concurrency || waiting.length === 0) return;
    // The highest priority; among equals, the first queued.
    let best = 0;
    for (let i = 1; i < waiting.length; i++) {
      const [a, b] = [waiting[i]!, waiting[best]!];
      if (a.priority > b.priority || (a.priority === b.priority && a.order < b.order)) best = i;
    }
    const [picked] = waiting.splice(best, 1);
    running++;
    picked!.start();
  };
  return <T>(job: () => Promise<T>, priority = 0) =>
    new Promise<T>((resolve, reject) => {
      waiting.push({
        priority,
        order: queued++,
        start: () =>
          job()
            .then(resolve, reject)
            .finally(() => {
              running--;
              next();
            }),
      });
      // After the current tick: jobs queued together compete by priority, not by who came first.
      queueMicrotask(next);
    });
}
