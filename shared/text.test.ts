import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldVietnamese, nulCharacterPath, vietnameseSortKey } from './text';

describe('foldVietnamese', () => {
  it.each([
    ['Thành phố Hà Nội', 'thanh pho ha noi'],
    ['ĐẮK LẮK', 'dak lak'],
    ['  Bộ   Tư pháp ', 'bo tu phap'],
    ['Phường Ngọc Hà', 'phuong ngoc ha'],
  ])('%s → %s', (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });

  it('makes the typed query a substring of the folded name', () => {
    expect(foldVietnamese('Thành phố Hà Nội')).toContain(foldVietnamese('ha noi'));
    expect(foldVietnamese('Thành phố Hà Nội')).toContain(foldVietnamese('HÀ NỘI'));
  });
});

describe('vietnameseSortKey', () => {
  const sortVi = (names: string[]) =>
    [...names].sort((a, b) => (vietnameseSortKey(a) < vietnameseSortKey(b) ? -1 : 1));

  it('orders the Vietnamese alphabet: a ă â b … d đ e ê … o ô ơ … u ư', () => {
    expect(sortVi(['Đông', 'Dương', 'Ân', 'Ăn', 'An', 'Bình', 'Ơn', 'Ôn', 'On', 'Ưu', 'Uyên'])).toEqual([
      'An',
      'Ăn',
      'Ân',
      'Bình',
      'Dương',
      'Đông',
      'On',
      'Ôn',
      'Ơn',
      'Uyên',
      'Ưu',
    ]);
  });

  it('lets tones only break ties between the same letters', () => {
    expect(sortVi(['Hà', 'Ha', 'Hả', 'Hai', 'Hạ', 'Há', 'Hã', 'Ha Long'])).toEqual([
      'Ha',
      'Hà',
      'Hả',
      'Hã',
      'Há',
      'Hạ',
      'Ha Long',
      'Hai',
    ]);
  });

  it('agrees with byte order and with any collation because it is digits only', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(vietnameseSortKey(s)).toMatch(/^[0-9]*$/);
      }),
    );
  });

  it('sorts a name before every longer name it starts', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-zà-ỹđ ]{1,8}$/),
        fc.stringMatching(/^[a-zđ]{1,4}$/),
        (name, more) => {
          const longer = `${name.trim()} ${more}`;
          if (!name.trim()) return;
          expect(vietnameseSortKey(name.trim()) < vietnameseSortKey(longer)).toBe(true);
        },
      ),
    );
  });
});

describe('nulCharacterPath', () => {
  it('finds the first text holding a NUL character, however deep, and names its path', () => {
    expect(nulCharacterPath({ a: 'ok', b: [{ c: 'x' }, { c: 'y\u0000' }] })).toEqual(['b', 1, 'c']);
    expect(nulCharacterPath('\u0000')).toEqual([]);
    expect(nulCharacterPath({ values: { 'k\u0000': 1 } })).toEqual(['values']);
  });

  it('finds nothing in clean input', () => {
    expect(nulCharacterPath({ a: 'Hà Nội', n: 1, d: new Date(0), list: ['x', null, undefined] })).toBeNull();
    expect(nulCharacterPath(undefined)).toBeNull();
  });
});
