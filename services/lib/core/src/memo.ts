/**
 * `compute` remembered by its argument, for pure functions called over and over with few distinct arguments (a
 * feed's key names, its scan instants, the hours of a day). Bounded: past `maxEntries` it forgets everything and
 * starts again, so a hostile or unusual input (a new value every call) costs memory up to the bound, never more.
 */
export function memoized<Key, Value>(compute: (key: Key) => Value, maxEntries: number): (key: Key) => Value {
  const remembered = new Map<Key, Value>();
  return (key) => {
    let value = remembered.get(key);
    if (value === undefined) {
      value = compute(key);
      if (remembered.size >= maxEntries) remembered.clear();
      remembered.set(key, value);
    }
    return value;
  };
}
