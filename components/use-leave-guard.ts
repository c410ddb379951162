"use client";

import { useEffect } from "react";

export const LEAVE_MESSAGE = "You have unsaved changes. Leave this page and lose them?";

/**
 * While `active`, leaving the page asks first (issue 11 §4): the browser's own prompt on reload,
 * close or a typed address (`beforeunload`), and a confirm on any same-origin link the app shell
 * routes itself (Next's <Link> navigates client-side, so `beforeunload` never fires for it).
 * The click is caught in the capture phase on the document, before React's root listener, so a
 * "Stay" stops the router from seeing the click at all.
 */
export function useLeaveGuard(active: boolean, message = LEAVE_MESSAGE) {
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
