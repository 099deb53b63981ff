/**
 * Reads a host's server-sent event stream (`/api/events`) as a window or a paired device would:
 * opens it with a token, runs `whileOpen`, then waits until the stream closes or `ms` pass.
 * Returns the status, the text that came and whether the host closed the stream itself.
 */
export async function readEventStream(
  url: string,
  token: string,
  ms: number,
  whileOpen: () => Promise<void>,
): Promise<{ status: number; text: string; closed: boolean }> {
  const abort = new AbortController();
  const res = await fetch(`${url}/api/events`, { headers: { Authorization: `Bearer ${token}` }, signal: abort.signal });
  if (res.status !== 200) return { status: res.status, text: await res.text(), closed: true };
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  let closed = false;
  const reading = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        closed = true;
        return;
      }
      text += value;
    }
  })().catch((err: unknown) => {
    // Reading stops with an error once the request is aborted here; any other error is a failure.
    if (!abort.signal.aborted) throw err;
  });
  await whileOpen();
  await Promise.race([reading, new Promise((r) => setTimeout(r, ms))]);
  abort.abort();
  return { status: res.status, text, closed };
}
