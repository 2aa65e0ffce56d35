import { describe, expect, it } from 'vitest';
import { passwordRefusal } from './password-policy';

const person = { username: 'hanoi.chuyenvien', fullName: 'Đỗ Văn Hùng' };

describe('passwordRefusal: the one rule for every new password', () => {
  it.each([
    // The passwords the attack run found accepted, and the usual suspects.
    ['aaaaaaaaaaaa', 'passwordCommon'],
    ['123456789012', 'passwordCommon'],
    ['1234567890ab', 'passwordCommon'],
    ['password1234', 'passwordCommon'],
    ['qwertyuiop123', 'passwordCommon'],
    ['iloveyou2026', 'passwordCommon'],
    // Vietnamese common passwords, from the list this product adds.
    ['matkhau123456', 'passwordCommon'],
    ['anhyeuem123456', 'passwordCommon'],
    ['hanoi.chuyenvien2026', 'passwordContainsUsername'],
    ['short-one', 'passwordTooShort'],
  ])('refuses %s (%s)', (password, reason) => {
    expect(passwordRefusal(password, person)).toBe(reason);
  });

  it.each(['mat-khau-rat-dai-2026', 'Mật-khẩu-thử-2026', 'con mèo ngủ trên mái nhà', 'Tr0ub4dor&3-xyz'])(
    'accepts %s',
    (password) => {
      expect(passwordRefusal(password, person)).toBeNull();
    },
  );
});
