/**
 * `npm run bench -- queue`: a busy day in the counter room on the browser host (issue #18).
 * 10 counters, 3 calling screens, a kiosk, 4,000 tickets replayed in compressed time (rounds of
 * ten takes and ten concurrent calls, BENCH_QUEUE_ROUND_MS apart).
 *
 * Call-to-screen latency is measured from sending the officer's `queue.callNext` RPC to the
 * `queue.called` event arriving at each calling screen's SSE client (the display page updates
 * its DOM on that event; the browser's render is not in this figure). Host CPU (share of one core)
 * and RSS are read from /proc for the host process, during the replay and during the same length
 * of idle time with the three screens connected.
 */
import { rpcCall } from '../tests/support/web-host';
import { printTable, summarise, writeResults, type Row } from './stats';
import { BENCH_SETUP, cpuMs, loadAverage, rssMb, startBenchHost, tmpDataDir } from './support';

const COUNTERS = 10;
const DISPLAYS = 3;
const TICKETS = Number(process.env.BENCH_QUEUE_TICKETS ?? 4000);
const ROUND_MS = Number(process.env.BENCH_QUEUE_ROUND_MS ?? 50);
const FIELDS = ['Hộ tịch', 'Chứng thực', 'Đất đai', 'Lao động - Thương binh và Xã hội', 'Khác'];

async function ok(url: string, name: string, input: unknown, token?: string): Promise<any> {
  const r = await rpcCall(url, name, input, token);
  if (!r.body.ok) throw new Error(`${name}: ${JSON.stringify(r.body.error)}`);
  return r.body.result;
}

/** An SSE client that timestamps every queue.called event it receives. */
function displayClient(url: string, token: string, onCalled: (key: string, at: number) => void): { ready: Promise<void>; close(): void } {
  const abort = new AbortController();
  let markReady: () => void = () => {};
  const ready = new Promise<void>((r) => (markReady = r));
  void (async () => {
    const res = await fetch(`${url}/api/events`, { headers: { Authorization: `Bearer ${token}` }, signal: abort.signal });
    if (res.status !== 200 || !res.body) throw new Error(`display stream: ${res.status}`);
    markReady();
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        if (!block.startsWith('event: queue.called')) continue;
        const data = JSON.parse(block.split('data: ')[1]!) as { label: string; counterNo: number; callCount: number };
        onCalled(`${data.label}@${data.counterNo}#${data.callCount}`, performance.now());
      }
    }
  })().catch((err: unknown) => {
    if (!abort.signal.aborted) console.error('display client failed', err);
  });
  return { ready, close: () => abort.abort() };
}

async function measureIdle(pid: number, ms: number): Promise<{ cpuShare: number; rss: number }> {
  const c0 = cpuMs(pid);
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, ms));
  return { cpuShare: (cpuMs(pid) - c0) / (performance.now() - t0), rss: rssMb(pid) };
}

export async function runQueueBench(): Promise<object> {
  const host = await startBenchHost(tmpDataDir('queue'));
  try {
    const { url, pid } = host;
    await ok(url, 'setup.initialize', BENCH_SETUP);
    const admin = (await ok(url, 'auth.login', { username: BENCH_SETUP.admin.username, password: BENCH_SETUP.admin.password })).token as string;
    const officers: string[] = [];
    for (let c = 1; c <= COUNTERS; c++) {
      const username = `quay${c}`;
      await ok(url, 'officers.create', { username, password: `quay-so-${c}-2026`, fullName: `Cán bộ quầy ${c}`, role: 'officer' }, admin);
      officers.push((await ok(url, 'auth.login', { username, password: `quay-so-${c}-2026` })).token);
    }
    // Five fields, each served by two counters.
    const fields = (
      await ok(url, 'queue.saveFields', { fields: FIELDS.map((name, i) => ({ name, counters: [2 * i + 1, 2 * i + 2] })) }, admin)
    ).items as { id: string }[];
    const pair = async (scope: string) => (await rpcCall(url, 'devices.pair', { code: (await ok(url, 'devices.startPairing', { scope, label: scope }, admin)).code })).body.result.token as string;
    const kiosk = await pair('kiosk');
    const arrivals = new Map<string, number[]>();
    const clients = [];
    for (let d = 0; d < DISPLAYS; d++) {
      const c = displayClient(url, await pair('display'), (key, at) => {
        const list = arrivals.get(key) ?? [];
        list.push(at);
        arrivals.set(key, list);
      });
      await c.ready;
      clients.push(c);
    }

    const idleBefore = await measureIdle(pid, 10_000);

    const latencies: number[] = [];
    const callMs: number[] = [];
    let taken = 0;
    let called = 0;
    let emptyCalls = 0;
    let rssPeak = rssMb(pid);
    const rssTimer = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(pid))), 250);
    const cpu0 = cpuMs(pid);
    const t0 = performance.now();
    while (called < TICKETS) {
      for (let i = 0; i < COUNTERS && taken < TICKETS; i++, taken++) {
        await ok(url, 'queue.takeTicket', { fieldId: fields[taken % fields.length]!.id }, kiosk);
      }
      await Promise.all(
        officers.map(async (token, i) => {
          const sent = performance.now();
          const state = await ok(url, 'queue.callNext', { counterNo: i + 1 }, token);
          callMs.push(performance.now() - sent);
          if (!state.current) {
            emptyCalls++;
            return;
          }
          called++;
          const key = `${state.current.label}@${i + 1}#${state.current.callCount}`;
          const deadline = performance.now() + 5_000;
          while ((arrivals.get(key)?.length ?? 0) < DISPLAYS && performance.now() < deadline) await new Promise((r) => setTimeout(r, 2));
          const got = arrivals.get(key) ?? [];
          if (got.length < DISPLAYS) throw new Error(`${key}: ${got.length} of ${DISPLAYS} screens heard the call`);
          for (const at of got) latencies.push(at - sent);
          arrivals.delete(key);
        }),
      );
      if (taken >= TICKETS && emptyCalls > TICKETS) break;
      await new Promise((r) => setTimeout(r, ROUND_MS));
    }
    const wallMs = performance.now() - t0;
    const busyCpuShare = (cpuMs(pid) - cpu0) / wallMs;
    clearInterval(rssTimer);
    const idleAfter = await measureIdle(pid, 10_000);
    for (const c of clients) c.close();

    const lat = summarise(latencies);
    const rpc = summarise(callMs);
    const rows: Row[] = [
      { measure: `call → ${DISPLAYS} screens' SSE event (${latencies.length} events)`, median: lat.median, p95: lat.p95, goal: 'p95 ≤ 500 ms' },
      { measure: 'queue.callNext RPC round trip', median: rpc.median, p95: rpc.p95 },
      { measure: 'host CPU, busy day replayed', note: `${(busyCpuShare * 100).toFixed(1)} % of one core over ${(wallMs / 1000).toFixed(0)} s` },
      { measure: 'host CPU, idle with screens connected', note: `${(idleBefore.cpuShare * 100).toFixed(1)} % before, ${(idleAfter.cpuShare * 100).toFixed(1)} % after` },
      { measure: 'host RSS', note: `idle ${idleBefore.rss.toFixed(0)} MB → peak ${rssPeak.toFixed(0)} MB during → ${idleAfter.rss.toFixed(0)} MB after` },
    ];
    printTable(`Queue: ${COUNTERS} counters, ${DISPLAYS} screens, ${called} calls of ${TICKETS} tickets (load ${loadAverage().toFixed(2)})`, rows);
    return {
      resultsFile: writeResults('queue', {
        counters: COUNTERS,
        displays: DISPLAYS,
        tickets: TICKETS,
        roundMs: ROUND_MS,
        calls: called,
        latencyMs: lat,
        callRpcMs: rpc,
        wallMs,
        cpuShare: { busy: busyCpuShare, idleBefore: idleBefore.cpuShare, idleAfter: idleAfter.cpuShare },
        rssMb: { idleBefore: idleBefore.rss, peak: rssPeak, idleAfter: idleAfter.rss },
        loadAverage: loadAverage(),
        measuredTo: 'SSE event at each display client',
      }),
    };
  } finally {
    await host.stop();
  }
}
