import { describe, expect, it } from 'vitest';
import { SEEN_CHANGE_HEADER } from '../../../shared/live-events';
import { noteChangeSeen, seenChangeHeaders } from './seen-change';

describe('the newest change a page was told of', () => {
  it('is sent once there is one, and only ever moves forward', () => {
    expect(seenChangeHeaders()).toEqual({});
    noteChangeSeen('41');
    noteChangeSeen('7');
    noteChangeSeen('not-an-id');
    expect(seenChangeHeaders()).toEqual({ [SEEN_CHANGE_HEADER]: '41' });
    noteChangeSeen('42');
    expect(seenChangeHeaders()).toEqual({ [SEEN_CHANGE_HEADER]: '42' });
  });
});
