import { describe, expect, it } from 'vitest';
import { connectionState, resubscribeDelay } from './connection-state';

describe('connectionState', () => {
  it.each([
    [{ online: true, status: 'connecting', hasBeenLive: false, hasData: false }, 'connecting'],
    [{ online: true, status: 'pending', hasBeenLive: false, hasData: false }, 'connecting'],
    [{ online: true, status: 'pending', hasBeenLive: true, hasData: true }, 'live'],
    [{ online: true, status: 'connecting', hasBeenLive: true, hasData: true }, 'reconnecting'],
    [{ online: true, status: 'error', hasBeenLive: true, hasData: true }, 'reconnecting'],
    [{ online: false, status: 'pending', hasBeenLive: true, hasData: true }, 'offline'],
  ] as const)('%o → %s', (input, expected) => {
    expect(connectionState(input)).toBe(expected);
  });
});

describe('resubscribeDelay', () => {
  it('leaves a stream alone while it is connecting or live', () => {
    expect(resubscribeDelay({ status: 'connecting', hasBeenLive: true, attempt: 0 })).toBeNull();
    expect(resubscribeDelay({ status: 'pending', hasBeenLive: true, attempt: 3 })).toBeNull();
  });

  it('does not start a stream that was never started', () => {
    expect(resubscribeDelay({ status: 'idle', hasBeenLive: false, attempt: 0 })).toBeNull();
  });

  it('restarts a failed or ended stream, backing off up to 15 s', () => {
    expect(resubscribeDelay({ status: 'error', hasBeenLive: false, attempt: 0 })).toBe(1000);
    expect(resubscribeDelay({ status: 'idle', hasBeenLive: true, attempt: 1 })).toBe(2000);
    expect(resubscribeDelay({ status: 'error', hasBeenLive: true, attempt: 3 })).toBe(8000);
    expect(resubscribeDelay({ status: 'error', hasBeenLive: true, attempt: 10 })).toBe(15_000);
  });
});
