// Deferred drawings (components/deferred-chart.tsx) take turns: one at a time, each started in a
// task of its own once the one before it has been drawn, so no two charts share a long task.
const waiting: Array<() => void> = [];
let busy = false;

function next() {
  const run = waiting.shift();
  busy = Boolean(run);
  if (run) setTimeout(run, 0);
}

/** Queues `start`; returns `done`, to call once the drawing is committed (or abandoned). */
export function drawInTurn(start: () => void): () => void {
  let state: "waiting" | "drawing" | "done" = "waiting";
  waiting.push(() => {
    if (state !== "waiting") return next(); // abandoned before its turn
    state = "drawing";
    start();
  });
  if (!busy) next();
  return () => {
    const wasDrawing = state === "drawing";
    state = "done";
    if (wasDrawing) next();
  };
}
