// What the Node.js tests (tests/widget/e2e.test.mjs, tests/proxy/proxy.test.mjs)
// share: free loopback ports, waiting for a condition, and making sure no
// child process outlives a run.
import { createServer as createNetServer } from 'node:net';

/** The default wait: generous, for two shared cores, ASan builds and a browser. */
export const WAIT = 60_000;

/**
 * Kills every process in `children` when this one exits, and stops the run
 * after `limitMs` whatever it is doing (`label` says who in the log).
 * Returns what the suite's `after` calls: kill them now, and drop the watchdog.
 */
export function stopChildrenOnExit(children, label, limitMs) {
  const killAll = () => {
    for (const child of children) child.kill('SIGKILL');
  };
  process.on('exit', killAll);
  const watchdog = setTimeout(() => {
    console.error(`${label}: watchdog: over ${Math.round(limitMs / 60_000)} minutes; stopping`);
    killAll();
    process.exit(1);
  }, limitMs);
  watchdog.unref();
  return () => {
    killAll();
    clearTimeout(watchdog);
  };
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort() {
  return new Promise((res, rej) => {
    const s = createNetServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

/** Polls `fn` every 100 ms until it returns something truthy (its value), or throws after `timeout`. */
export async function until(what, fn, timeout = WAIT) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
