/**
 * The promise already started for `key`, or `load()`'s, remembered in `memo`; a failed load is forgotten, so a later
 * call may try again. For memos that live as long as one unit of work (a GraphQL operation, a reactor batch).
 */
export function rememberOnce<T>(memo: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let hit = memo.get(key);
  if (!hit) {
    hit = load();
    memo.set(key, hit);
    const loaded = hit;
    loaded.catch(() => memo.get(key) === loaded && memo.delete(key));
  }
  return hit;
}
