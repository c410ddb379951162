import { describe, expect, it } from "vitest";
import { allocateColumns } from "./columns";
import { indexColumns, positionOf } from "./column-chunks";

const withIds = (ids: number[]) => {
  const c = allocateColumns(ids.length, "2005-09");
  c.id.set(ids);
  return c;
};

describe("id index of the preview columns", () => {
  it("uses a typed array offset by the smallest id for a dense range far from 0 (the scale portfolio's ids)", () => {
    const ids = [100_000_003, 100_000_001, 100_000_002, 100_000_005];
    const index = indexColumns(withIds(ids));
    expect(index).not.toBeInstanceOf(Map);
    expect(!(index instanceof Map) && index.slots.length).toBe(5);
    ids.forEach((id, i) => expect(positionOf(index, id)).toBe(i));
    for (const absent of [100_000_004, 100_000_000, 100_000_006, 3, -1]) expect(positionOf(index, absent)).toBe(-1);
  });
  it("falls back to a Map for sparse ids, with the same answers", () => {
    const ids = [7, 2_000_000_000, 40];
    const index = indexColumns(withIds(ids));
    expect(index).toBeInstanceOf(Map);
    ids.forEach((id, i) => expect(positionOf(index, id)).toBe(i));
    expect(positionOf(index, 8)).toBe(-1);
  });
  it("an empty portfolio holds nobody", () => {
    expect(positionOf(indexColumns(withIds([])), 1)).toBe(-1);
  });
});
