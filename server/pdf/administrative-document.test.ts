import { describe, expect, it } from 'vitest';
import { pagesOf } from '../test/pdf-text';
import { administrativeDocument, paragraph } from './administrative-document';
import { renderPdf } from './render';

const signing = {
  office: 'Văn phòng Chính phủ',
  officeCode: 'VPCP',
  place: 'Hà Nội',
  date: '2026-12-07',
  signerTitle: 'Bộ trưởng, Chủ nhiệm',
  signerName: 'Nguyễn Văn An',
};

/** A letter of `n` body paragraphs, the last one named so it can be found on its page. */
const letter = (n: number) =>
  administrativeDocument({
    signing,
    kind: { code: 'BC', name: 'Báo cáo' },
    subject: 'Thử dàn trang',
    body: [
      ...Array.from({ length: n - 1 }, (_, i) =>
        paragraph(
          `Đoạn số ${i + 1}: nội dung báo cáo đủ dài để chiếm hai dòng trên trang giấy khổ A4, căn đều hai bên theo thể thức văn bản hành chính.`,
        ),
      ),
      paragraph('Đoạn cuối cùng của phần nội dung.'),
    ],
    recipients: ['Thủ tướng Chính phủ (để báo cáo);', 'Lưu: VT, TH.'],
    metadataTitle: 'Thử',
  });

describe('the administrative letter (Decree 30/2020 layout)', () => {
  it('never leaves the signature block alone on a page: the last paragraph goes over with it', async () => {
    // From a body that leaves room for the signature to one that does not: somewhere in between, the
    // signature block no longer fits on page 1.
    let movedOver = 0;
    for (let n = 6; n <= 20; n++) {
      const pages = await pagesOf(new Uint8Array(await renderPdf(letter(n))));
      const signed = pages.findIndex((page) => page.includes('Nơi nhận:'));
      expect(signed, `${n} paragraphs`).toBeGreaterThanOrEqual(0);
      const page = pages[signed] ?? '';
      expect(page, `${n} paragraphs`).toContain('Đoạn cuối cùng của phần nội dung.');
      expect(page, `${n} paragraphs`).toContain('Nguyễn Văn An');
      if (signed > 0) movedOver += 1;
    }
    expect(movedOver).toBeGreaterThan(0);
  }, 60_000);
});
