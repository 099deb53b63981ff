/**
 * Speaks a call on the calling screen: the committed clips (src-renderer/public/voice, made by
 * scripts/queue-voice.mjs) decoded once with Web Audio and played back to back. Calls arriving
 * while one is spoken wait their turn. `played` reports each finished announcement with how long
 * it actually played on the AudioContext's clock (the e2e test's probe that the audio exists,
 * decodes and plays).
 */
import { announcementClips } from '@shared/domain/announcement';

export class Announcer {
  private readonly ctx = new AudioContext();
  private readonly buffers = new Map<string, Promise<AudioBuffer>>();
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly played: (label: string, counterNo: number, seconds: number) => void) {}

  /** Browsers start audio only after a tap unless the kiosk browser allows autoplay. */
  get blocked(): boolean {
    return this.ctx.state !== 'running';
  }

  async unlock(): Promise<void> {
    await this.ctx.resume();
  }

  announce(label: string, counterNo: number): void {
    this.chain = this.chain.then(() => this.speak(label, counterNo)).catch((err: unknown) => console.error('announcement failed', err));
  }

  private clip(name: string): Promise<AudioBuffer> {
    let b = this.buffers.get(name);
    if (!b) {
      b = fetch(`voice/${name}.wav`)
        .then((r) => {
          if (!r.ok) throw new Error(`voice/${name}.wav: ${r.status}`);
          return r.arrayBuffer();
        })
        .then((data) => this.ctx.decodeAudioData(data));
      this.buffers.set(name, b);
    }
    return b;
  }

  private async speak(label: string, counterNo: number): Promise<void> {
    const clips = await Promise.all(announcementClips(label, counterNo).map((n) => this.clip(n)));
    if (this.ctx.state !== 'running') await this.ctx.resume();
    const start = this.ctx.currentTime + 0.05;
    let at = start;
    let last: AudioBufferSourceNode | null = null;
    for (const buffer of clips) {
      const source = this.ctx.createBufferSource();
      source.buffer = buffer;
      source.connect(this.ctx.destination);
      source.start(at);
      at += buffer.duration;
      last = source;
    }
    await new Promise<void>((resolve) => {
      if (!last) return resolve();
      last.onended = () => resolve();
    });
    this.played(label, counterNo, this.ctx.currentTime - start);
  }
}
