"use client";

import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import type { PolicyConfig } from "@/features/policy/schema";

/** The editor's unsaved settings, shared with "Compare versions" (a sibling card on the page). */
export type EditorEdits = { policyId: string; version: number; config: PolicyConfig };

type Ctx = { edits: EditorEdits | null; publish: (edits: EditorEdits | null) => void };
const EditsContext = createContext<Ctx>({ edits: null, publish: () => {} });

export function PolicyEditsProvider({ children }: { children: ReactNode }) {
  const [edits, publish] = useState<EditorEdits | null>(null);
  return <EditsContext.Provider value={{ edits, publish }}>{children}</EditsContext.Provider>;
}

/** The unsaved settings the editor currently holds (valid and different from the saved version), or null. */
export function useEditorEdits(): EditorEdits | null {
  return useContext(EditsContext).edits;
}

/** Publishes the editor's unsaved settings; `key` is their stable text (null: nothing unsaved). */
export function usePublishEdits(policyId: string, version: number, config: PolicyConfig | null, key: string | null) {
  const { publish } = useContext(EditsContext);
  useEffect(() => {
    publish(config && key ? { policyId, version, config } : null);
    return () => publish(null);
    // `key` stands for `config` (a new object on every render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [publish, policyId, version, key]);
}
