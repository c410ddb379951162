import { cn } from "@/components/cn";

export type Notice = { tone: "ok" | "error"; text: string } | null;

/** The outcome of the user's last action, announced politely to screen readers. */
export function StatusNotice({ notice }: { notice: Notice }) {
  return (
    <div aria-live="polite" className="empty:hidden">
      {notice ? (
        <p
          className={cn(
            "rounded-md border px-3 py-2 text-sm",
            notice.tone === "ok" ? "border-green-200 bg-green-50 text-green-900" : "border-red-200 bg-red-50 text-red-900",
          )}
        >
          {notice.text}
        </p>
      ) : null}
    </div>
  );
}
