import { Stat, StatGrid } from "@/components/stat";
import type { ProtectedAttributes } from "../schema";

/** Shown only to roles with borrower-protected:read; the codes are the UCI data set's own. */
export function ProtectedAttributesPanel({ attributes }: { attributes: ProtectedAttributes }) {
  return (
    <StatGrid className="grid-cols-2 md:grid-cols-4">
      <Stat label="SEX" value={String(attributes.sex)} hint="1 male, 2 female" />
      <Stat label="AGE" value={String(attributes.age)} hint="years" />
      <Stat label="MARRIAGE" value={String(attributes.marriage)} hint="1 married, 2 single, 3 other" />
      <Stat label="EDUCATION" value={String(attributes.education)} hint="1 graduate, 2 university, 3 high school, 4–6 other" />
    </StatGrid>
  );
}
