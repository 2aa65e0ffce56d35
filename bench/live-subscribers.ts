/**
 * The live bench's subscribers, in a process of their own (bench/live.ts forks it): the bench's writes
 * and clock are not slowed by reading 10,000 sockets, and this process's cost is not the server's.
 * Each subscriber is a bare TCP socket speaking just enough HTTP/1.1 for `GET /trpc/live.changes`: no
 * HTTP parser, no decoding, no Buffer per read, one native search for the bench's marker per read.
 * Arrival times are `performance.timeOrigin + performance.now()`: the machine's clock, in the bench
 * process as here (the bench measures the offset between the two and corrects for it).
 */
import net from 'node:net';

export type ToSubscribers =
  | { type: 'open'; base: string; cookie: string; count: number; wave: number }
  | { type: 'clock'; sentAt: number }
  | { type: 'watch'; seq: number }
  | { type: 'report' }
  | { type: 'vanish' };

export type FromSubscribers =
  | { type: 'opened'; connectMs: number }
  | { type: 'failed'; error: string }
  | { type: 'clock'; sentAt: number; at: number }
  | { type: 'arrived'; seq: number; count: number }
  | { type: 'report'; arrivals: (number | null)[][]; cpuMs: number }
  | { type: 'vanished' };

export const LIVE_MARK = 'bench-live-';
const MARK = Buffer.from(LIVE_MARK);
/** The marker and the sequence number after it never span more than this across two reads. */
const CARRY = LIVE_MARK.length + 12;
const OK = Buffer.from('HTTP/1.1 200');
const STATUS = Buffer.from('"kind":"status"');

const now = () => performance.timeOrigin + performance.now();
const send = (message: FromSubscribers) => process.send?.(message);

interface Subscriber {
  socket: net.Socket;
  /** Per write sequence number, when its event arrived (machine clock, ms). */
  arrivals: (number | null)[];
}

const subscribers: Subscriber[] = [];
/** Per sequence number: how many subscribers have its event; the bench waits for all of them. */
const arrivedCount: number[] = [];
let watching: { seq: number; count: number } | null = null;
/** This process's CPU time from the moment every subscriber is open (what the writes cost it). */
let cpuFrom = process.cpuUsage();

/**
 * Every socket reads into this one buffer (`onread`): no Buffer per read and no stream machinery, the
 * cheapest read Node has. The callback runs at once, so one buffer serves them all.
 */
const READ_BUFFER = Buffer.alloc(64 * 1024);

function subscribe(base: URL, cookie: string): Promise<Subscriber> {
  return new Promise((resolve, reject) => {
    let ready = false;
    /** The end of the previous read, when it stopped inside a frame (a marker may span two reads). */
    let carry: Buffer | null = null;
    const onRead = (size: number, buffer: Buffer): boolean => {
      const at = now();
      const read = buffer.subarray(0, size);
      const chunk = carry ? Buffer.concat([carry, read]) : read;
      if (!ready) {
        if (chunk.indexOf(OK) !== 0) {
          socket.destroy();
          reject(new Error(`live.changes answered ${chunk.subarray(0, 40).toString('latin1')}`));
          return false;
        }
        // The first status message: the stream is live.
        if (chunk.indexOf(STATUS) < 0) {
          carry = Buffer.from(chunk);
          return true;
        }
        ready = true;
        resolve(subscriber);
      }
      for (let mark = chunk.indexOf(MARK); mark >= 0; mark = chunk.indexOf(MARK, mark + 1)) {
        const seq = Number.parseInt(chunk.toString('latin1', mark + MARK.length, mark + CARRY), 10);
        if (Number.isNaN(seq) || subscriber.arrivals[seq] != null) continue;
        subscriber.arrivals[seq] = at;
        arrivedCount[seq] = (arrivedCount[seq] ?? 0) + 1;
        if (watching?.seq === seq && arrivedCount[seq] === watching.count) {
          send({ type: 'arrived', seq, count: watching.count });
          watching = null;
        }
      }
      // The server writes whole frames: a read that ends one leaves nothing to carry (a copy: the
      // read buffer is the next socket's).
      carry =
        chunk.length >= 2 && chunk[chunk.length - 1] === 10 && chunk[chunk.length - 2] === 10
          ? null
          : Buffer.from(chunk.subarray(-CARRY));
      return true;
    };
    const socket = net.connect({
      host: base.hostname,
      port: Number(base.port),
      onread: { buffer: READ_BUFFER, callback: onRead },
    });
    const subscriber: Subscriber = { socket, arrivals: [] };
    socket.on('connect', () => {
      socket.write(
        `GET /trpc/live.changes?input=${encodeURIComponent('{"json":{}}')} HTTP/1.1\r\nHost: ${base.host}\r\n` +
          `Cookie: ${cookie}\r\nAccept: text/event-stream\r\nConnection: close\r\n\r\n`,
      );
    });
    socket.on('error', (error) => {
      if (!ready) reject(error);
    });
  });
}

process.on('message', async (message: ToSubscribers) => {
  switch (message.type) {
    case 'open': {
      const base = new URL(message.base);
      const started = now();
      try {
        // In waves, so that the server's accept queue is not what is measured.
        for (let i = 0; i < message.count; i += message.wave) {
          const size = Math.min(message.wave, message.count - i);
          subscribers.push(
            ...(await Promise.all(Array.from({ length: size }, () => subscribe(base, message.cookie)))),
          );
        }
        send({ type: 'opened', connectMs: now() - started });
        cpuFrom = process.cpuUsage();
      } catch (error) {
        send({ type: 'failed', error: String(error) });
      }
      break;
    }
    case 'clock':
      send({ type: 'clock', sentAt: message.sentAt, at: now() });
      break;
    case 'watch':
      if ((arrivedCount[message.seq] ?? 0) >= subscribers.length)
        send({ type: 'arrived', seq: message.seq, count: subscribers.length });
      else watching = { seq: message.seq, count: subscribers.length };
      break;
    case 'report': {
      const cpu = process.cpuUsage(cpuFrom);
      send({
        type: 'report',
        arrivals: subscribers.map((s) => Array.from(s.arrivals, (a) => a ?? null)),
        cpuMs: (cpu.user + cpu.system) / 1000,
      });
      break;
    }
    case 'vanish':
      // Every subscriber at once, without a goodbye.
      for (const s of subscribers) s.socket.destroy();
      send({ type: 'vanished' });
      process.disconnect?.();
      break;
  }
});
