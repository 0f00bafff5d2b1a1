import { describe, expect, it } from 'vitest';
import { entitySpans } from '../../src/engine/entities.js';
import { buildRetriever } from '../../src/engine/retrieval.js';
import { tokenize } from '../../src/engine/text.js';
import { acronym, buildNameContext, findEntities, NameIndex, sameName } from '../../src/nlp/entities.js';
import { corpusOf } from '../eval/corpus.js';

describe('findEntities', () => {
  const kinds = (text: string) => findEntities(text, buildNameContext([text])).map((e) => [e.kind, e.name]);

  it('strips titles and demonyms from people', () => {
    expect(kinds('Ukrainian President Volodymyr Zelenskyy said so.')).toEqual([['person', 'Volodymyr Zelenskyy']]);
    expect(kinds('Two people were hurt, Mayor Vitali Klitschko said.')).toContainEqual(['person', 'Vitali Klitschko']);
  });

  it('joins a country possessive to the organisation it owns', () => {
    expect(kinds("Russia's Defense Ministry said it.")).toEqual([['org', 'Russian Defense Ministry']]);
  });

  it('keeps "for", "and", "in" inside organisation names and drops descriptors', () => {
    expect(kinds('the Washington-based Center for Strategic and International Studies estimated')).toEqual([
      ['org', 'Center for Strategic and International Studies'],
    ]);
    expect(kinds('according to the United Nations Human Rights Monitoring Mission in Ukraine')).toEqual([
      ['org', 'United Nations Human Rights Monitoring Mission in Ukraine'],
    ]);
  });

  it('reads a title naming a body, then a name, as a titled person ("Navy Secretary Jo Berg and Gen. Ann Moss")', () => {
    expect(kinds('The team included Navy Secretary Jo Berg and Gen. Ann Moss.')).toEqual([
      ['person', 'Jo Berg'],
      ['person', 'Ann Moss'],
    ]);
  });

  it('keeps "in <country>" in a body’s name, but reads "in <city>" after one as where it is', () => {
    expect(kinds('The Human Rights Monitoring Mission in Ukraine said so.')).toEqual([
      ['org', 'Human Rights Monitoring Mission in Ukraine'],
    ]);
    expect(kinds('She heads a desk at the Baltic Policy Institute in Tallinn.').map(([k]) => k)).toEqual([
      'org',
      'place',
    ]);
  });

  it('splits two places joined by "and"', () => {
    expect(kinds('delegations from Moscow and Kyiv met')).toEqual([
      ['place', 'Russia'],
      ['place', 'Ukraine'],
    ]);
  });

  it('keeps a body joined by "and" whole though a word of it is also a title ("Maritime Safety and Defence Board")', () => {
    expect(kinds('Lena Ost heads the Maritime Safety and Defence Board in Varna.')).toContainEqual([
      'org',
      'Maritime Safety and Defence Board',
    ]);
  });

  it('reads an office with a title word inside it as a role, not a person ("Supreme Allied Commander Europe")', () => {
    expect(kinds('General Ivo Marek, the Supreme Allied Commander Atlantic, attended.')).not.toContainEqual([
      'person',
      'Allied Commander Atlantic',
    ]);
  });

  it('reads a wire dateline in capitals before a country as a place ("NOWA WIES, Poland - …")', () => {
    expect(kinds('NOWA WIES, Poland - For a week, Lena Ost waited at the station.')).toContainEqual([
      'place',
      'Nowa Wies',
    ]);
  });

  it('treats a capitalized role without a name as a role', () => {
    const found = findEntities("NATO's Supreme Allied Commander in Europe, General Alexus Grynkewich, was present.");
    expect(found.map((e) => e.kind)).toEqual(['role', 'person']);
  });

  it('does not take dates or sentence-initial words for names', () => {
    expect(kinds('Almost 15,000 civilians were killed on Monday.')).toEqual([]);
  });
});

describe('sameName and NameIndex', () => {
  it('matches spelling variants, surnames and acronyms', () => {
    expect(sameName('Volodymyr Zelensky', 'Volodymyr Zelenskyy')).toBe(true);
    expect(sameName('Zelenskyy', 'Volodymyr Zelensky')).toBe(true);
    expect(
      sameName('Centre for Strategic and International Studies', 'Center for Strategic and International Studies'),
    ).toBe(true);
    expect(sameName('CSIS', 'Center for Strategic and International Studies')).toBe(true);
    expect(sameName('Donald Trump', 'Donald Tusk')).toBe(false);
  });

  it('maps every spelling to the most used full name', () => {
    const names = new NameIndex();
    for (const n of ['Volodymyr Zelenskyy', 'Zelenskyy', 'Volodymyr Zelensky', 'Volodymyr Zelenskyy', 'Zelensky'])
      names.add(n);
    expect(names.canonical('Zelensky')).toBe('Volodymyr Zelenskyy');
    expect(names.canonical('Volodymyr Zelensky')).toBe('Volodymyr Zelenskyy');
  });

  it('computes acronyms from capitalized words', () => {
    expect(acronym('Center for Strategic and International Studies')).toBe('CSIS');
  });
});

describe('withSurnames', () => {
  it('reads entities as findEntities does with the whole context', async () => {
    const { readNames, withSurnames, findEntities } = await import('../../src/nlp/entities.js');
    const texts = [
      'President Mara Voss spoke in Oslo.',
      'Voss said the talks would go on.',
      'Talks resumed in Geneva.',
    ];
    const { context, entities } = readNames(texts);
    texts.forEach((text, i) => {
      expect(withSurnames(entities[i] ?? [], context)).toEqual(findEntities(text, context));
    });
    expect(withSurnames(entities[1] ?? [], context).find((e) => e.name === 'Voss')?.kind).toBe('person');
  });
});

describe('NameIndex and countries', () => {
  it('does not read a country as an organisation named after it', async () => {
    const { NameIndex } = await import('../../src/nlp/entities.js');
    const names = new NameIndex();
    names.add('Human Rights Monitoring Mission in Ukraine');
    expect(names.canonical('Ukraine')).toBe('Ukraine');
  });
});

describe('entity spans on the engine tokens', () => {
  const r = buildRetriever(
    corpusOf({
      'a.txt':
        'President Ana Rojas met envoys in Lisbon on Monday. Rojas said the Harbour Authority would report.\n\nThe Navy’s chief of staff was there too.\n',
    }),
  );
  const spans = (text: string) => entitySpans(text, tokenize(text), r.lexicon).map((e) => [e.text, e.type]);

  it('reads a name without its title, and a city after "in" as a place', () => {
    expect(spans('President Ana Rojas met envoys in Lisbon on Monday.')).toEqual([
      ['Ana Rojas', 'person'],
      ['Lisbon', 'place'],
    ]);
  });

  it('reads a surname alone as the person the corpus names in full', () => {
    expect(spans('Rojas said the Harbour Authority would report.')).toEqual([
      ['Rojas', 'person'],
      ['Harbour Authority', 'organisation'],
    ]);
  });

  it('never reads a sentence-initial function word as a name', () => {
    expect(spans('In Lisbon, talks resumed.')).toEqual([['Lisbon', 'place']]);
  });
});
