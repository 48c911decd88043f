/**
 * Reconnect delay for the given attempt (0-based): exponential growth from
 * `base`, capped at `cap`, with "equal jitter" (half fixed, half random) so a
 * server restart is not met by every visitor reconnecting in the same instant,
 * while no delay collapses to zero.
 */
export function backoff(attempt: number, random: () => number = Math.random, base = 500, cap = 30000): number {
  const ceiling = Math.min(cap, base * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
