import type { Metadata } from "next";
import { requirePagePermission } from "@/features/auth/session";
import { PageHeader } from "@/components/page-header";
import { Card } from "@/components/card";
import { ImportUpload } from "@/features/imports/components/import-upload";
import { ImportsTable } from "@/features/imports/components/imports-table";
import { ImportErrors } from "@/features/imports/components/import-errors";
import { getImport, listImports } from "@/features/imports/data";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Imports" };

export default async function ImportsPage({ searchParams }: { searchParams: Promise<{ id?: string }> }) {
  await requirePagePermission("data:import", "/imports");
  const { id } = await searchParams;
  const [items, selected] = await Promise.all([listImports(), typeof id === "string" && /^[a-z0-9]{20,40}$/.test(id) ? getImport(id) : null]);
  return (
    <>
      <PageHeader title="Imports" description="Monthly statements, new borrowers and observed outcomes (formats in the README). A file with any bad row imports nothing." />
      <div className="space-y-6">
        <Card title="Upload a file" headingId="upload-heading"><div className="p-4"><ImportUpload /></div></Card>
        {selected ? (
          <Card title={`Import ${selected.id}`} headingId="selected-heading">
            <div className="space-y-2 p-4 text-sm">
              <p>{selected.status} · {selected.kind.toLowerCase()} {selected.month ?? ""} · {selected.rows.toLocaleString("en-US")} rows · sha-256 {selected.checksum.slice(0, 16)}…</p>
              <ImportErrors imp={selected} />
            </div>
          </Card>
        ) : null}
        <Card title="Latest imports" headingId="latest-heading"><div className="p-4"><ImportsTable items={items} /></div></Card>
      </div>
    </>
  );
}
