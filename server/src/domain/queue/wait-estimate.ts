/**
 * Estimated wait of the customer at `position` (1-based): position x the average
 * of the queue's recent handling times / the agents available to it, rounded up
 * to whole seconds. Null when no handling time is known yet or nobody is available:
 * the waiting room then shows no figure rather than a wrong one.
 */
export function estimateWaitSeconds(position: number, recentHandlingSeconds: readonly number[], availableAgents: number): number | null {
  if (position <= 0) return 0;
  if (recentHandlingSeconds.length === 0 || availableAgents <= 0) return null;
  const average = recentHandlingSeconds.reduce((sum, s) => sum + s, 0) / recentHandlingSeconds.length;
  return Math.ceil((position * average) / availableAgents);
}
