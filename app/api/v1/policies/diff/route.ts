import { apiRoute } from "@/lib/api/route";
import { notFound } from "@/lib/api/errors";
import { diffQuerySchema } from "@/features/policy/schema";
import { getPolicy } from "@/features/policy/data";
import { diffConfigs } from "@/features/policy/diff";

export const GET = apiRoute({ permission: "policy:read", summary: "Field-by-field difference between two versions", query: diffQuerySchema }, async ({ query }) => {
  const [from, to] = await Promise.all([getPolicy(query.from), getPolicy(query.to)]);
  if (!from) throw notFound(`Policy ${query.from}`);
  if (!to) throw notFound(`Policy ${query.to}`);
  return { from: { id: from.id, version: from.version }, to: { id: to.id, version: to.version }, changes: diffConfigs(from.config, to.config) };
});
