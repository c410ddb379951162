// Closed lists (reason codes, roles, scopes, labels …) are looked up by OWN property only:
// `key in table` and `table[key]` also find `__proto__`, `toString`, `valueOf` … from
// Object.prototype, which once let `reasonCodes: ["__proto__"]` through (issue 9 §6).

/** The value for `key` if the table itself holds it, else undefined. */
export function ownValue<V>(table: Readonly<Record<string, V>>, key: unknown): V | undefined {
  return typeof key === "string" && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Whether `key` is one of the table's own keys. */
export function isOwnKey<T extends object>(table: T, key: unknown): key is keyof T & string {
  return typeof key === "string" && Object.hasOwn(table, key);
}
