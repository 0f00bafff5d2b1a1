import { describe, expect, it } from 'vitest';
import { analyzeCorpus, sentenceAttributions } from '../../src/nlp/annotate.js';
import type { Corpus } from '../../src/types.js';
import { corpusOf } from '../extract/corpus.js';

/** The claimants of each sentence of a one-article corpus, read with the whole corpus' names. */
function claimants(text: string): string[][] {
  const corpus: Corpus = corpusOf([{ id: 'a', text }]);
  analyzeCorpus(corpus);
  return (corpus.byId.get('a')?.sentences ?? []).map((s) => sentenceAttributions(corpus, s).map((a) => a.name));
}

describe('attribution: where the claimant stands', () => {
  it('reads a claimant after the claim ("…, Russia’s Defense Ministry said")', () => {
    expect(claimants('Air defences downed 40 drones overnight, Russia’s Defense Ministry said.\n')).toEqual([
      ['Russian Defense Ministry'],
    ]);
  });

  it('reads a claimant before the claim ("X said …")', () => {
    expect(claimants('Mayor Ivo Kask said 12 people were hurt.\n')).toEqual([['Ivo Kask']]);
  });

  it('reads the subject before a relative clause, not the name ending it ("X, who … with Y, announced")', () => {
    expect(
      claimants(
        'Harbour master Ivo Kask, who toured the port along with Lena Varga, announced that 12 ferries were lost.\n',
      ),
    ).toEqual([['Ivo Kask']]);
  });

  it('reads "according to X"', () => {
    expect(claimants('Nine people died, according to the Harbour Authority.\n')).toEqual([['Harbour Authority']]);
  });
});

describe('attribution: through the article', () => {
  it('resolves "he added" to the person quoted before', () => {
    expect(claimants('Mayor Ivo Kask said 12 people were hurt.\n\nTwo of them are in hospital, he added.\n')).toEqual([
      ['Ivo Kask'],
      ['Ivo Kask'],
    ]);
  });

  it('resolves "he wrote" after a quote to the subject of the sentence before, not to the person it names after', () => {
    const quote = claimants(
      'Mayor Ivo Kask accused Governor Lena Varga of hiding the toll.\n\n“She counted only the harbour,” he wrote on X.\n',
    ).at(-1);
    expect(quote).toContain('Ivo Kask');
    expect(quote).not.toContain('Lena Varga');
  });

  it('resolves "he said" past a possessor to the person it qualifies ("Kask\'s deputy, Lena Varga, …")', () => {
    const quote = claimants(
      "Mayor Ivo Kask's deputy, Lena Varga, toured the harbour on Monday.\n\n“The channel is safe,” she said.\n",
    ).at(-1);
    expect(quote).toContain('Lena Varga');
    expect(quote).not.toContain('Ivo Kask');
  });

  it('resolves "it said" to the body that spoke just before, though a title before its name ("ferry operator") reads as a person\'s', () => {
    expect(
      claimants(
        'Ferry operator Seaways said sailings from Varna would stop on Friday. It said fuel use had to fall by 8%.\n',
      ),
    ).toEqual([['Seaways'], ['Seaways']]);
  });

  it('resolves "its report" to the organisation cited before', () => {
    expect(
      claimants(
        'The Harbour Authority counted the damage on Monday.\n\nIts report put the number of ships lost at 14.\n',
      ).at(-1),
    ).toEqual(['Harbour Authority']);
  });

  it('reads the source of "a recent report" from the next sentence of the paragraph', () => {
    expect(
      claimants(
        'A recent report found 300 homes were destroyed. The report by the Harbour Authority was published on Monday.\n',
      )[0],
    ).toEqual(['Harbour Authority']);
  });
});
