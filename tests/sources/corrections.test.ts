import { describe, expect, it } from 'vitest';
import { applyCorrections, findCorrections, parseCorrectionNotice } from '../../src/sources/corrections.js';

describe('parseCorrectionNotice', () => {
  it('keeps a number with a thousands separator whole', () => {
    const c = parseCorrectionNotice(
      'This story corrects an earlier version that said 2,430 homes in the town were flooded. It should be 2,340.',
    );
    expect(c).toMatchObject({ wrong: '2,430', right: '2,340' });
  });

  it('takes the year in the claim for a year', () => {
    const c = parseCorrectionNotice(
      'This story corrects an earlier version that said the bridge opened in 1998. It should be 1989.',
    );
    expect(c).toMatchObject({ wrong: '1998', right: '1989' });
  });

  it('finds a notice written over two sentences', () => {
    const found = findCorrections([
      'The dam held.',
      'An earlier version of this story incorrectly said 14 villages were evacuated.',
      'It was 41.',
    ]);
    expect(found).toEqual([expect.objectContaining({ wrong: '14', right: '41' })]);
  });
});

describe('applyCorrections', () => {
  const notice =
    'This story corrects an earlier version that said 2,430 homes in the town were flooded. It should be 2,340.';
  const corrections = findCorrections([notice]);

  it('replaces the wrong figure in a sentence about the same thing', () => {
    expect(applyCorrections('Officials said 2,430 homes were flooded overnight.', corrections)).toBe(
      'Officials said 2,340 homes were flooded overnight.',
    );
  });

  it('replaces it written without the separator too', () => {
    expect(applyCorrections('By noon 2430 homes were flooded.', corrections)).toBe('By noon 2,340 homes were flooded.');
  });

  it('leaves other numbers and unrelated sentences alone', () => {
    expect(applyCorrections('Some 12,430 homes were flooded.', corrections)).toBe('Some 12,430 homes were flooded.');
    expect(applyCorrections('The mayor counted 2,430 votes.', corrections)).toBe('The mayor counted 2,430 votes.');
  });

  it('leaves the notice itself verbatim', () => {
    expect(applyCorrections(notice, corrections)).toBe(notice);
  });
});
