import { describe, expect, it } from 'vitest';
import { searchSettler, type SettlerClock } from '../../../src-renderer/screens/dossiers/search-debounce';

/** A clock the test moves by hand: timers fire only when `advance` passes them. */
function manualClock() {
  let now = 1_000;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  const clock: SettlerClock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    const due = timers.filter((t) => t.at <= now);
    timers = timers.filter((t) => t.at > now);
    for (const t of due) t.fn();
  };
  return { clock, advance, pending: () => timers.length };
}

describe('when the dossier search asks core', () => {
  it('searches at once for a key typed after a pause', () => {
    const { clock, advance } = manualClock();
    const searched: string[] = [];
    const settler = searchSettler((t) => searched.push(t), 80, clock);
    settler.typed('n');
    expect(searched).toEqual(['n']);
    advance(150);
    settler.typed('ng');
    expect(searched).toEqual(['n', 'ng']);
    advance(1_000);
    expect(searched).toEqual(['n', 'ng']);
  });

  it("folds a wedge scanner's burst into one search for its whole text once it ends", () => {
    const { clock, advance } = manualClock();
    const searched: string[] = [];
    const settler = searchSettler((t) => searched.push(t), 80, clock);
    const code = '000.00.17.H56-251204-0001';
    for (let i = 1; i <= code.length; i++) {
      settler.typed(code.slice(0, i));
      advance(3);
    }
    // The first character after the pause went at once; the rest waited for the burst to end.
    expect(searched).toEqual(['0']);
    advance(79);
    expect(searched).toEqual(['0', code]);
  });

  it('waits for a fast typist to pause, then searches the last text only', () => {
    const { clock, advance } = manualClock();
    const searched: string[] = [];
    const settler = searchSettler((t) => searched.push(t), 80, clock);
    settler.typed('t');
    advance(60);
    settler.typed('tr');
    advance(60);
    settler.typed('tra');
    advance(79);
    expect(searched).toEqual(['t']);
    advance(1);
    expect(searched).toEqual(['t', 'tra']);
  });

  it('drops the waiting search when the box goes away', () => {
    const { clock, advance, pending } = manualClock();
    const searched: string[] = [];
    const settler = searchSettler((t) => searched.push(t), 80, clock);
    settler.typed('l');
    advance(10);
    settler.typed('le');
    expect(pending()).toBe(1);
    settler.cancel();
    advance(500);
    expect(searched).toEqual(['l']);
    expect(pending()).toBe(0);
  });
});
