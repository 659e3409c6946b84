import { describe, expect, it } from 'vitest';
import { openPdfPages } from '../../../../scan-checks/pdf-pages';
import { flateImageBomb, reviewPdfBomb } from './generated-bombs';
import { pdfOfPages } from './generated-scans';
import { rejectsWith } from './rejects-with';

describe('a PDF’s pages, checked before and decoded one at a time (issue 10, item 5)', () => {
  it('knows every page’s image size and resolution before decoding any, and decodes the one asked for', async () => {
    const pdf = await openPdfPages(await pdfOfPages([{ embed: 'png', dpi: 200 }, { dpi: 300 }]));
    expect(pdf.pages.map(({ page, dpi }) => [page, dpi])).toEqual([
      [1, 200],
      [2, 300],
    ]);
    const second = pdf.decode(2);
    expect(Buffer.isBuffer(second)).toBe(true);
    const first = pdf.decode(1);
    expect(Buffer.isBuffer(first) ? null : [first.width, first.channels]).toEqual([pdf.pages[0]?.width, 3]);
  });

  it('refuses the review’s 16384² image from its /Width and /Height when the file is opened', async () => {
    const error = await rejectsWith(openPdfPages(await reviewPdfBomb()), 'scan.pdf.image_too_large');
    expect(error.params).toMatchObject({ page: 1, megapixels: 268.4, max: 60 });
  });

  it('stops inflating a Flate image at the bytes /Width and /Height declare', async () => {
    const pdf = await openPdfPages(await flateImageBomb());
    expect(() => pdf.decode(1)).toThrow(expect.objectContaining({ code: 'scan.data.inflates_too_much' }));
  });
});
