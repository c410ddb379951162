import "server-only";
import { getPrisma } from "@/lib/db/client";

/** The whole chain in order, in pages, for verification. */
export async function* auditChain(pageSize = 5_000) {
  const prisma = await getPrisma();
  let after = 0;
  for (;;) {
    const page = await prisma.auditEvent.findMany({ where: { seq: { gt: after } }, orderBy: { seq: "asc" }, take: pageSize });
    if (!page.length) return;
    yield* page;
    after = page[page.length - 1].seq;
  }
}
