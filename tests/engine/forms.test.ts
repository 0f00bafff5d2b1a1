import { describe, expect, it } from 'vitest';
import { normaliseChat } from '../../src/engine/casual.js';
import {
  askedClaimant,
  askedMany,
  asksEarliest,
  asksLatest,
  callRewrite,
  choiceForm,
  exclusions,
  existentialCount,
  polarForm,
  roleRewrite,
  subsetRewrite,
  superlative,
  withoutArticleReference,
} from '../../src/engine/forms.js';

describe('askedMany', () => {
  it('reads a number of names, or names asked for in the plural', () => {
    expect(askedMany('Which two envoys met the mayor?')).toBe(2);
    expect(askedMany('Which countries sent ministers to the summit?')).toBe(5);
    expect(askedMany('Which country hosted the summit?')).toBeNull();
  });
});

describe('asksEarliest', () => {
  it('reads a first, initial or earlier report as asked for', () => {
    expect(asksEarliest('What was the first toll the mayor gave?')).toBe(true);
    expect(asksEarliest('how many did the coast guard initially report')).toBe(true);
    expect(asksEarliest('what was the ferry toll, before it went up')).toBe(true);
  });

  it('leaves the first of a series alone', () => {
    expect(asksEarliest('When was the first round of ferry talks held?')).toBe(false);
    expect(asksEarliest('Who led the first delegation?')).toBe(false);
  });
});

describe('existentialCount', () => {
  it('asks how many were, for "were any", "were there any" and "was anyone"', () => {
    expect(existentialCount('Were any sailors among the crew rescued at dawn?')).toBe(
      'How many sailors were among the crew rescued at dawn?',
    );
    expect(existentialCount('Were there any fishing boats in the harbour?')).toBe(
      'How many fishing boats were there in the harbour?',
    );
    expect(existentialCount('Was anyone hurt in the ferry fire?')).toBe('How many people were hurt in the ferry fire?');
    expect(existentialCount('Has anybody been charged?')).toBe('How many people have been charged?');
  });

  it('leaves other yes/no questions alone', () => {
    expect(existentialCount('Did the envoys agree to a ceasefire?')).toBeNull();
    expect(existentialCount('Was the harbour closed?')).toBeNull();
    expect(existentialCount('Were any?')).toBeNull();
  });
});

describe('polarForm', () => {
  it('reads a question opened by an auxiliary as yes/no', () => {
    expect(polarForm('Did the envoys agree to a ceasefire?')).toEqual({
      statement: 'the envoys agree to a ceasefire?',
      negated: false,
    });
    expect(polarForm("Didn't the mayor resign?")?.negated).toBe(true);
  });

  it('leaves polite frames, wh-words and either-or questions alone', () => {
    expect(polarForm('Can you tell me how many people were hurt?')).toBeNull();
    expect(polarForm('Was a general at the meeting, and who?')).toBeNull();
    expect(polarForm('Was it held in Geneva or Vienna?')).toBeNull();
    expect(polarForm('How many ships sank?')).toBeNull();
  });
});

describe('choiceForm', () => {
  it('finds two named options joined by "or"', () => {
    expect(choiceForm('Was the summit held at Blair House or Camp David?')?.options).toEqual([
      'Blair House',
      'Camp David',
    ]);
  });

  it('finds two numbers written as words, not the name before the first', () => {
    expect(choiceForm('Was the girl rescued in Varna nine or ten years old?')?.options).toEqual(['nine', 'ten']);
  });

  it('reads weekdays chat shortens ("wed or thurs") as options', () => {
    expect(choiceForm(normaliseChat('did the ferry sail wed or thurs'))?.options).toEqual(['Wednesday', 'Thursday']);
  });

  it('finds two figures joined by "or"', () => {
    expect(choiceForm('Were 120 or 240 detainees freed?')?.options).toEqual(['120', '240']);
  });

  it('asks no choice for common words joined by "or"', () => {
    expect(choiceForm('How many were killed or wounded?')).toBeNull();
  });
});

describe('exclusions', () => {
  it('names what "besides", "apart from" and "other than" rule out', () => {
    expect(exclusions('Besides Anna Berg and Tom Ilves, who else spoke?')).toEqual(['Anna Berg', 'Tom Ilves']);
    expect(exclusions('Which minister, apart from Sato, attended?')).toEqual(['Sato']);
    expect(exclusions('Who attended the dinner?')).toEqual([]);
  });
});

describe('subsetRewrite', () => {
  it('turns "how many of the P were Y" into counting Y among P', () => {
    expect(subsetRewrite('How many of the passengers rescued were children?')).toBe(
      'How many children were among the passengers rescued?',
    );
    expect(subsetRewrite('How many sailors were rescued?')).toBeNull();
  });
});

describe('superlative', () => {
  it('tells which end of the figures is wanted', () => {
    expect(superlative('What was the lowest estimate of the dead?')).toBe('lowest');
    expect(superlative('Which figure was the highest?')).toBe('highest');
    expect(superlative('How many were hurt?')).toBeNull();
  });
});

describe('askedClaimant', () => {
  it('reads chat\'s "per X", but not "per side" or "per the article"', () => {
    expect(askedClaimant('how many soldiers died per csis')).toBe('csis');
    expect(askedClaimant('how many kids were hurt since 2022 per un figures')).toBe('un');
    expect(askedClaimant('how many prisoners per side')).toBeNull();
    expect(askedClaimant('what did the norwegian foreign ministry say about the closure?')).toBe(
      'norwegian foreign ministry',
    );
    expect(askedClaimant('what did they say about it')).toBeNull();
    expect(askedClaimant('how many prisoners per the interview')).toBeNull();
  });

  it('reads "according to X" and "did X say"', () => {
    expect(askedClaimant('How many were hurt, according to the regional governor?')).toBe('regional governor');
    expect(askedClaimant('How many boats did the Coast Guard say it stopped?')).toBe('Coast Guard');
    expect(askedClaimant('How many boats were stopped?')).toBeNull();
  });

  it('ends a claimant written without a comma where the question begins, and never takes the article for one', () => {
    expect(askedClaimant('per the coast guard how many boats were stopped')).toBe('coast guard');
    expect(askedClaimant('according to Varna how many ferries sank')).toBe('Varna');
    expect(askedClaimant('per the wiki style entry how many ferries sank')).toBeNull();
    expect(askedClaimant('According to the podcast, who runs the harbour?')).toBeNull();
    expect(askedClaimant('What toll did Mayor Ivo Kask first give?')).toBe('Mayor Ivo Kask');
  });

  it("takes a named publisher for the claimant: 'the Coast Guard report', 'the harbour board's statement'", () => {
    expect(askedClaimant('How many boats sank, according to the Coast Guard report?')).toBe('Coast Guard');
    expect(askedClaimant("How many boats sank, according to the harbour board's statement?")).toBe('harbour board');
    expect(askedClaimant('How many boats sank, according to the weekly digest?')).toBeNull();
  });

  it("takes the version of a report for which report, not whose: 'the revised figure', 'the coast guard's corrected account'", () => {
    expect(askedClaimant('How many were hurt in Varna according to the revised figure?')).toBeNull();
    expect(askedClaimant("How many boats sank according to the coast guard's corrected account?")).toBe('coast guard');
    expect(askedClaimant("according to the harbour board's first tally, how many sank?")).toBe('harbour board');
    expect(askedClaimant('per the original estimate, how many ferries sank')).toBeNull();
    expect(askedClaimant('according to the first mate, who steered?')).toBe('first mate');
  });

  it('reads a revised, corrected or final report as the latest one', () => {
    expect(asksLatest('How many were hurt according to the revised figure?')).toBe(true);
    expect(asksLatest('What was the final death toll in Varna?')).toBe(true);
    expect(asksLatest('How many were hurt in Varna?')).toBe(false);
  });
});

describe('withoutArticleReference', () => {
  it('drops the words that only say which article is meant, whatever kind of publication', () => {
    expect(withoutArticleReference('According to the listicle, how many ferries sank?')).toBe('how many ferries sank?');
    expect(
      withoutArticleReference('According to fishermen quoted in the evening news broadcast, how many ferries sank?'),
    ).toBe('According to fishermen how many ferries sank?');
    expect(withoutArticleReference('who runs the harbour in the photo essay')).toBe('who runs the harbour');
  });

  it('keeps a named publisher, a possessive and the words of the question itself', () => {
    expect(withoutArticleReference('How many sank, according to the Coast Guard report?')).toBe(
      'How many sank, according to the Coast Guard report?',
    );
    expect(withoutArticleReference("How many sank, according to the board's statement?")).toBe(
      "How many sank, according to the board's statement?",
    );
    expect(withoutArticleReference('Who was on the list of passengers?')).toBe('Who was on the list of passengers?');
    expect(withoutArticleReference('How many were killed in the strike on the port?')).toBe(
      'How many were killed in the strike on the port?',
    );
  });
});

describe('callRewrite', () => {
  it('reads "what nickname/name/term did X give Y" and "what did X dub Y" as "what did X call Y"', () => {
    expect(callRewrite('what nickname did the analyst give the two envoys')).toBe(
      'What did the analyst call the two envoys?',
    );
    expect(callRewrite('What name did Berg use for the customs desk?')).toBe('What did Berg call the customs desk?');
    expect(callRewrite('what did the mayor dub the new bridge?')).toBe('What did the mayor call the new bridge?');
  });

  it('leaves "what phrase did X use to describe Y" as it stands', () => {
    expect(callRewrite('What phrase did Berg use to describe the talks?')).toBeNull();
  });
});

describe('normaliseChat', () => {
  it('reads chat spellings as the English they stand for', () => {
    expect(normaliseChat('yo whos leading the team rn??')).toBe('who is leading the team?');
    expect(normaliseChat('how many ppl r hurt')).toBe('how many people are hurt');
    expect(normaliseChat('where n when did the guys get captured')).toBe('where and when did the people get captured');
    expect(normaliseChat('how many ukr drones did ru shoot down')).toBe(
      'how many Ukrainian drones did Russia shoot down',
    );
    expect(normaliseChat('how many boats sank acc to the coast guard')).toBe(
      'how many boats sank according to the coast guard',
    );
  });

  it('reads "55k" and "1.2m" as numbers and newsroom abbreviations of offices as their words', () => {
    expect(normaliseChat('who says 55k troops died')).toBe('who says 55,000 troops died');
    expect(normaliseChat('1.2m people')).toBe('1,200,000 people');
    expect(normaliseChat('when did the mod last publish a toll')).toBe(
      'when did the defence ministry last publish a toll',
    );
    expect(normaliseChat('a 5km zone')).toBe('a 5km zone');
  });

  it('reads chat short forms of units and of who is counted ("hrs", "civ", "w/o")', () => {
    expect(normaliseChat('how many hrs a day w/o power')).toBe('how many hours a day without power');
    expect(normaliseChat('how many civ casualties, how many civs')).toBe(
      'how many civilian casualties, how many civilians',
    );
  });

  it('writes "day two", "round 3" as news does: "second day", "third round"', () => {
    expect(normaliseChat('what date did round 2 wrap up')).toBe('what date did second round wrap up');
    expect(normaliseChat('what happened on day two')).toBe('what happened on second day');
    expect(normaliseChat('how many of the 3,200 were freed')).toBe('how many of the 3,200 were freed');
  });

  it('writes acronyms typed in lower case as names', () => {
    expect(normaliseChat("who's the us envoy to the un")).toBe("who's the US envoy to the UN");
    expect(normaliseChat('did nato and the eu agree')).toBe('did NATO and the EU agree');
  });

  it('leaves initials and ordinary words alone', () => {
    expect(normaliseChat('Did the U.S. envoy meet W. Smith?')).toBe('Did the U.S. envoy meet W. Smith?');
  });
});

describe('roleRewrite', () => {
  it('asks "who is X" however a question about someone’s role is worded', () => {
    expect(roleRewrite("What's Anna Berg's job?")).toBe('Who is Anna Berg?');
    expect(roleRewrite('What position does Tom Ilves hold?')).toBe('Who is Tom Ilves?');
    expect(roleRewrite('Who is Tom Ilves to the president?')).toBe('Who is Tom Ilves?');
    expect(roleRewrite('What did Tom Ilves say?')).toBeNull();
  });
});

describe('normaliseChat: ordinals', () => {
  it('writes out "2nd", "3rd" before a word as news does, but not in a date', () => {
    expect(normaliseChat('how long was the 3rd ferry crossing')).toBe('how long was the third ferry crossing');
    expect(normaliseChat('what happened on feb 4th')).toBe('what happened on February 4th');
    expect(normaliseChat('the 4th of march')).toBe('the 4th of march');
  });
});

describe('normaliseChat: money and years', () => {
  it('reads a lone currency sign as "money" and "yr" as "year", leaving sums as written', () => {
    expect(normaliseChat('how much $ did the port get this yr')).toBe('how much money did the port get this year');
    expect(normaliseChat('it cost $5 million')).toBe('it cost $5 million');
  });
});

describe('normaliseChat: months', () => {
  it('writes out months as news and chat shorten them, but not "may"', () => {
    expect(normaliseChat('how many ferries sank in jan')).toBe('how many ferries sank in January');
    expect(normaliseChat('what happened on Feb. 7?')).toBe('what happened on February 7?');
    expect(normaliseChat('may the ferries sail')).toBe('may the ferries sail');
  });
});

describe('normaliseChat: openers and fillers', () => {
  it('drops what asks nothing, wherever it stands', () => {
    expect(normaliseChat('so who actually leads the team?? lol')).toBe('who leads the team?');
    expect(normaliseChat('any idea where the talks r happening')).toBe('where the talks are happening');
  });
});
