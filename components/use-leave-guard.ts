"use client";

import { useEffect, useRef } from "react";

export const LEAVE_MESSAGE = "You have unsaved changes. Leave this page and lose them?";

/**
 * While `active`, leaving the page asks first (issue 11 §4): the browser's own prompt on reload,
 * close or a typed address (`beforeunload`), and a confirm on any same-origin link the app shell
 * routes itself (Next's <Link> navigates client-side, so `beforeunload` never fires for it).
 * The click is caught in the capture phase on the document, before React's root listener, so a
 * "Stay" stops the router from seeing the click at all. The browser's Back button pops a history
 * entry instead (no click, no `beforeunload`): see useBackGuard.
 */
export function useLeaveGuard(active: boolean, message = LEAVE_MESSAGE) {
  useBackGuard(active, message);
  useEffect(() => {
    if (!active) return;
    let confirmed = false;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (confirmed) return;
      e.preventDefault();
      // Older Chromium shows the prompt only when returnValue is set.
      e.returnValue = "";
    };
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = e.target instanceof Element ? e.target.closest("a[href]") : null;
      if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== "_self") || link.hasAttribute("download")) return;
      const to = new URL(link.href, window.location.href);
      // Other sites unload the page: `beforeunload` asks. Same page (a skip link, #anchors): nothing is lost.
      if (to.origin !== window.location.origin) return;
      if (to.pathname === window.location.pathname && to.search === window.location.search) return;
      if (window.confirm(message)) {
        confirmed = true;
        return;
      }
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [active, message]);
}

/** Marks the history entry the back guard adds (a copy of the page's own entry). */
const GUARD_MARK = "__limitdeskLeaveGuard";

/**
 * Back with unsaved edits asks too. While active, the page's history entry is doubled (same URL,
 * same router state, marked): Back first pops that copy, which changes nothing on screen, and then
 * asks. "Stay" puts the copy back; "Leave" goes back once more, to where Back was meant to go.
 * When the guard ends with the page still open (saved or discarded), the copy is removed again so
 * the next Back needs one press.
 */
function useBackGuard(active: boolean, message: string) {
  const unmounted = useRef(false);
  // Declared first, so on unmount its cleanup runs before the guard's.
  useEffect(() => {
    unmounted.current = false;
    return () => {
      unmounted.current = true;
    };
  }, []);
  useEffect(() => {
    if (!active) return;
    const href = window.location.href;
    const push = () => window.history.pushState({ ...window.history.state, [GUARD_MARK]: true }, "", href);
    if (!window.history.state?.[GUARD_MARK]) push();
    let leaving = false;
    const onPopState = () => {
      if (leaving || window.history.state?.[GUARD_MARK] || window.location.href !== href) return;
      if (window.confirm(message)) {
        leaving = true;
        window.history.back();
      } else push();
    };
    window.addEventListener("popstate", onPopState);
    return () => {
      window.removeEventListener("popstate", onPopState);
      if (!leaving && !unmounted.current && window.history.state?.[GUARD_MARK] && window.location.href === href) window.history.back();
    };
  }, [active, message]);
}
