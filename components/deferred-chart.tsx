"use client";

import { startTransition, useEffect, useRef, useState, type ReactNode } from "react";
import { drawInTurn } from "./draw-queue";

export type Recharts = typeof import("./recharts-parts");
let recharts: Promise<Recharts> | null = null;
/** recharts is loaded once, on the first drawing: it is not part of any page's first load. */
const loadRecharts = () => (recharts ??= import("./recharts-parts"));

/**
 * A chart's drawing, made after the page has hydrated and once the chart is near the screen, one
 * chart at a time (each in a task of its own: components/draw-queue.ts) and as a transition, so a
 * page of charts has no long task while it loads (issue 11 §7: Lighthouse total blocking time;
 * recharts draws a chart in many synchronous store updates). `children` gets the measured width and
 * the recharts components. The box has the chart's height from the first paint, so nothing moves
 * when the drawing arrives, and measures its own width: the chart is drawn once at a known width
 * instead of recharts' `responsive` drawing, measuring and drawing again. The chart's content is in
 * ChartFigure's text alternative from the first paint (screen readers; a chart not drawn yet).
 */
export function DeferredChart({ height, children }: { height: number; children: (width: number, recharts: Recharts) => ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [drawing, setDrawing] = useState<{ width: number; lib: Recharts } | null>(null);
  const done = useRef<(() => void) | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let lib: Recharts | null = null;
    const draw = () =>
      drawInTurn(() => {
        void loadRecharts().then((loaded) => {
          lib = loaded;
          startTransition(() => setDrawing({ width: Math.floor(el.clientWidth), lib: loaded }));
        }, () => done.current?.()); // could not load: the text alternative stays, the queue moves on
      });
    // First drawn when it comes near the screen (a long page's lower charts cost nothing until then).
    const near = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      near.disconnect();
      done.current ??= draw();
    }, { rootMargin: "200px" });
    // Then redrawn at its new width whenever its box is resized.
    const resized = new ResizeObserver(() => {
      const width = Math.floor(el.clientWidth);
      if (lib) startTransition(() => setDrawing({ width, lib: lib! }));
    });
    near.observe(el);
    resized.observe(el);
    return () => {
      near.disconnect();
      resized.disconnect();
      done.current?.(); // never hold the queue after leaving the page
    };
  }, []);

  // Drawn (committed): the next chart may start, in a later task.
  useEffect(() => {
    if (drawing) done.current?.();
  }, [drawing]);

  return (
    <div ref={box} style={{ height }}>
      {drawing && drawing.width > 0 ? children(drawing.width, drawing.lib) : null}
    </div>
  );
}
