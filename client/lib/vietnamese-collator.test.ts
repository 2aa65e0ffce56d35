import { describe, expect, it } from 'vitest';
import { compareVietnamese } from './vietnamese-collator';

describe('compareVietnamese', () => {
  it('puts Đ after D and Ư after U, as Vietnamese readers expect', () => {
    expect(['Đồng Nai', 'Ưu', 'Dương', 'Uyên', 'An Giang'].sort(compareVietnamese)).toEqual([
      'An Giang',
      'Dương',
      'Đồng Nai',
      'Uyên',
      'Ưu',
    ]);
  });

  it('compares numbers as numbers', () => {
    expect([10, 9, 100].sort(compareVietnamese)).toEqual([9, 10, 100]);
  });
});
