/**
 * An empty record for keys that come from files (question ids, column names): no prototype, so a
 * key like `constructor` or `toString` is data, never an inherited property of `Object`.
 */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
