/** An event's data, as far as the history reads it (the app it concerns, who found an expiry), if it parses. */
function dataOf(json: string): { appKey?: unknown; foundBy?: unknown } | null {
  try {
    return JSON.parse(json) as { appKey?: unknown; foundBy?: unknown } | null;
  } catch {
    return null;
  }
}

/**
 * The catalogue key (under `details.events`) of a history row's event, and the app it concerns. An expiry found by
 * someone's request for reauthorization (R5.4, `foundBy`) says so: the actor column names them, and "Connection
 * expired — Ana" alone would read as if she had ended it.
 */
export function historyEvent(type: string, json: string): { key: string; appKey: string | null } {
  const data = dataOf(json);
  const found = type === 'ConnectionExpired' && typeof data?.foundBy === 'string';
  return {
    key: found ? 'ConnectionExpiredFound' : type,
    appKey: typeof data?.appKey === 'string' ? data.appKey : null,
  };
}
