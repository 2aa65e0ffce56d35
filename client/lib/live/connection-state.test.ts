import { describe, expect, it } from 'vitest';
import { connectionState } from './connection-state';

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
