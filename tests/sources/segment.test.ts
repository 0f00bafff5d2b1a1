import { describe, expect, it } from 'vitest';
import { parseCorrectionNotice } from '../../src/sources/corrections.js';
import { isBoilerplate, splitSentences } from '../../src/sources/segment.js';

describe('splitSentences', () => {
  it('keeps a paragraph label or list mark ("Q.", "4.") with the sentence it opens', () => {
    expect(splitSentences('Q. I read that 40 ships sank. Is that right?')).toEqual([
      'Q. I read that 40 ships sank.',
      'Is that right?',
    ]);
    expect(splitSentences('4. The port reopened on Monday.')).toEqual(['4. The port reopened on Monday.']);
  });

  it('does not split after U.S. before a name', () => {
    expect(splitSentences('The U.S. European Command said so. Talks resumed.')).toEqual([
      'The U.S. European Command said so.',
      'Talks resumed.',
    ]);
  });

  it('splits after U.S. when a new sentence starts', () => {
    expect(splitSentences('He lives in the U.S. The talks ended.')).toEqual([
      'He lives in the U.S.',
      'The talks ended.',
    ]);
  });

  it('keeps initials and titles with the name', () => {
    expect(splitSentences('Donald J. Trump met Gen. Smith. They spoke.')).toEqual([
      'Donald J. Trump met Gen. Smith.',
      'They spoke.',
    ]);
  });

  it('keeps a quotation that ends a sentence with its sentence', () => {
    expect(splitSentences('He said the talks were “substantive and productive.” Then he left.')).toEqual([
      'He said the talks were “substantive and productive.”',
      'Then he left.',
    ]);
  });

  it('keeps a quoted question with the attribution after it ("…?" said X), but not with a new sentence', () => {
    expect(splitSentences('"Why was the ferry late?" asked the harbour master. "Nobody knows."')).toEqual([
      '"Why was the ferry late?" asked the harbour master.',
      '"Nobody knows."',
    ]);
    expect(splitSentences('"Is it over?" He shook his head.')).toEqual(['"Is it over?"', 'He shook his head.']);
  });

  it('keeps a dateline with the first sentence', () => {
    expect(splitSentences('KYIV, Ukraine (AP) — Fighting continued. More later.')).toEqual([
      'KYIV, Ukraine (AP) — Fighting continued.',
      'More later.',
    ]);
  });
});

describe('isBoilerplate', () => {
  it('recognises separators, credits and short headings but not news sentences', () => {
    expect(isBoilerplate('___')).toBe(true);
    expect(isBoilerplate('NewsBeat')).toBe(true);
    expect(isBoilerplate('Follow AP’s coverage of the war in Ukraine at https://apnews.com/hub/russia-ukraine')).toBe(
      true,
    );
    expect(isBoilerplate('Two people were injured in the capital.')).toBe(false);
  });
});

describe('parseCorrectionNotice', () => {
  it('finds the wrong and the right value of a figure', () => {
    expect(
      parseCorrectionNotice(
        'This story corrects an earlier version that said the talks had 12 rounds. It should be 11.',
      ),
    ).toMatchObject({ wrong: '12', right: '11' });
  });

  it('finds a corrected name', () => {
    expect(
      parseCorrectionNotice(
        'This story corrects an earlier version that said the envoy was Smith. It should be Jones.',
      ),
    ).toMatchObject({ wrong: 'Smith', right: 'Jones' });
  });
});

describe('splitSentences after a single capital letter', () => {
  it('splits "on X." from a following quotation', () => {
    expect(splitSentences('He announced it in a post on X. “This outcome was achieved,” he said.')).toEqual([
      'He announced it in a post on X.',
      '“This outcome was achieved,” he said.',
    ]);
  });
});
