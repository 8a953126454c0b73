/**
 * What the scenario runtime does (R8.2): asks `/internal/connections/:id/credentials` for a connection's secret to
 * use a module in a scenario, with the runtime token (none: no Authorization header). Answers the status and the
 * raw body, which holds the secret on a 200 — callers keep it out of anything but their assertions.
 */
export async function askRuntime(
  baseUrl: string,
  connectionId: string,
  body: Record<string, unknown>,
  token: string | null,
): Promise<{ status: number; text: string }> {
  const res = await fetch(`${baseUrl}/internal/connections/${connectionId}/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}
