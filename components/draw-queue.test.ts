import { afterEach, describe, expect, it, vi } from "vitest";
import { drawInTurn } from "./draw-queue";

afterEach(() => vi.useRealTimers());

describe("drawInTurn", () => {
  it("starts one drawing at a time, each in its own task, in order", () => {
    vi.useFakeTimers();
    const started: string[] = [];
    const doneA = drawInTurn(() => started.push("a"));
    const doneB = drawInTurn(() => started.push("b"));
    const doneC = drawInTurn(() => started.push("c"));
    expect(started).toEqual([]); // never in the caller's task
    vi.runOnlyPendingTimers();
    expect(started).toEqual(["a"]);
    vi.runOnlyPendingTimers();
    expect(started).toEqual(["a"]); // b waits for a to be drawn
    doneA();
    vi.runOnlyPendingTimers();
    expect(started).toEqual(["a", "b"]);
    doneB();
    doneB(); // twice changes nothing
    vi.runOnlyPendingTimers();
    expect(started).toEqual(["a", "b", "c"]);
    doneC();
  });

  it("skips a drawing abandoned before its turn and frees the queue when one is abandoned while drawing", () => {
    vi.useFakeTimers();
    const started: string[] = [];
    const doneA = drawInTurn(() => started.push("a"));
    const doneB = drawInTurn(() => started.push("b"));
    const doneC = drawInTurn(() => started.push("c"));
    vi.runOnlyPendingTimers();
    doneB(); // left the page before b's turn
    doneA(); // a unmounted while drawing
    vi.runAllTimers();
    expect(started).toEqual(["a", "c"]);
    doneC();
    vi.runAllTimers();
    const doneD = drawInTurn(() => started.push("d")); // the queue is free again
    vi.runAllTimers();
    expect(started).toEqual(["a", "c", "d"]);
    doneD();
  });
});
