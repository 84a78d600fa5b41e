/**
 * One timer per page that refreshes every live clock once a second (waiting times,
 * countdowns): a clock registers a redraw and gets back its unregister function;
 * the timer stops when no clock is left.
 */
const redraws = new Set<() => void>();
let timer: number | null = null;

export function onEverySecond(redraw: () => void): () => void {
  redraws.add(redraw);
  redraw();
  timer ??= window.setInterval(() => {
    for (const each of [...redraws]) each();
  }, 1000);
  return () => {
    redraws.delete(redraw);
    if (redraws.size === 0 && timer !== null) {
      window.clearInterval(timer);
      timer = null;
    }
  };
}
