/**
 * The upload's bandwidth cap sits between the file and the HTTP request (file-upload.ts). A piece
 * that cannot be sent must end that request, never the process: seen in CI when core closed under
 * an upload in flight and the cap's rate (read from the closed database) threw inside a stream
 * nobody listened to.
 */
import { Readable } from 'node:stream';
import type { HttpRequest, HttpStack } from 'tus-js-client';
import { describe, expect, it, vi } from 'vitest';
import { ThrottledHttpStack } from '../../../src-main/core/sync/file-upload';

/** An HTTP stack whose request reads its body and never answers, as a hub mid-upload. */
function silentStack() {
  const abort = vi.fn(() => Promise.resolve());
  const request = {
    send: (body: unknown) =>
      new Promise(() => {
        (body as Readable).on('data', () => {});
      }),
    abort,
  } as unknown as HttpRequest;
  const stack = { createRequest: () => request, getName: () => 'silent' } as unknown as HttpStack;
  return { stack, abort };
}

describe('the throttled upload stack', () => {
  it('rejects the request and aborts it when the rate cannot be read, instead of an uncaught error', async () => {
    const { stack, abort } = silentStack();
    const throttled = new ThrottledHttpStack(stack, () => {
      throw new TypeError('The database connection is not open');
    });
    const request = throttled.createRequest('PATCH', 'http://127.0.0.1:1/files/x');
    await expect(request.send(Readable.from([Buffer.alloc(4096, 1)]))).rejects.toThrow('The database connection is not open');
    expect(abort).toHaveBeenCalledOnce();
  });

  it('rejects the request when the file itself fails mid-read', async () => {
    const { stack, abort } = silentStack();
    const throttled = new ThrottledHttpStack(stack, () => null);
    const file = new Readable({ read() {} });
    const sent = throttled.createRequest('PATCH', 'http://127.0.0.1:1/files/x').send(file);
    file.push(Buffer.alloc(1024));
    file.destroy(new Error('EIO: i/o error, read'));
    await expect(sent).rejects.toThrow('EIO');
    expect(abort).toHaveBeenCalledOnce();
  });

  it('stops reading the file and the rate once its request is aborted (a cut, or sync stopping)', async () => {
    const { stack, abort } = silentStack();
    let reads = 0;
    // 10 kB/s: a 1 kB piece every 100 ms, so the cap is still waiting when the request is aborted.
    const throttled = new ThrottledHttpStack(stack, () => {
      reads += 1;
      return 10_000;
    });
    // A file still being read (not ended): only the abort can close it.
    const file = new Readable({ read() {} });
    file.push(Buffer.alloc(64 * 1024, 1));
    const request = throttled.createRequest('PATCH', 'http://127.0.0.1:1/files/x');
    void request.send(file);
    while (reads < 3) await new Promise((r) => setTimeout(r, 20));

    await request.abort();
    expect(abort).toHaveBeenCalledOnce();
    expect(file.destroyed).toBe(true);
    const atAbort = reads;
    await new Promise((r) => setTimeout(r, 300));
    expect(reads).toBe(atAbort);
  });

  it('passes a body that is not a stream straight through', async () => {
    const send = vi.fn(() => Promise.resolve('answered'));
    const stack = { createRequest: () => ({ send, abort: vi.fn() }), getName: () => 'plain' } as unknown as HttpStack;
    const throttled = new ThrottledHttpStack(stack, () => {
      throw new Error('not read for a plain body');
    });
    await expect(throttled.createRequest('HEAD', 'http://127.0.0.1:1/files/x').send(null)).resolves.toBe('answered');
    expect(send).toHaveBeenCalledWith(null);
  });
});
