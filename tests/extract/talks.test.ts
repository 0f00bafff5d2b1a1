import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTalksBrief, clauseFrom, filterTalks, subjectBefore, TALKS_TOPICS } from '../../src/extract/talks.js';
import type { TalksBrief } from '../../src/extract/types.js';
import { corpusOf, FIXTURES_DIR, loadDir, SEEDS_DIR } from './corpus.js';

const summaries = (brief: TalksBrief, topic: string) =>
  brief.items.filter((i) => i.topic === topic).map((i) => i.summary);

describe('talks patterns on short texts', () => {
  const brief = (text: string, published = '2026-05-14') =>
    buildTalksBrief(corpusOf([{ id: 'a', text, published, outlet: 'Test' }]));

  it('reads roles in apposition and participation verbs', () => {
    const b = brief(
      'Anna Lind, the head of the Norlandic delegation, attended the talks in Oslo on Monday. ' +
        "Westmark's chief negotiator, Colonel Piet Brandt, was also present at the meeting.",
    );
    expect(summaries(b, 'participants')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Anna Lind — head of the Norlandic delegation/),
        expect.stringMatching(/^Piet Brandt — Westmark's chief negotiator.*\(Westmark\)$/),
      ]),
    );
  });

  it('does not list people who only commented on the talks', () => {
    const b = brief('Prime Minister Ola Berg said the talks in Oslo were useful, but he did not attend.');
    expect(summaries(b, 'participants').some((s) => s.startsWith('Ola Berg'))).toBe(false);
  });

  it('separates outcomes from next steps in "agreed to"', () => {
    const b = brief(
      'The two sides agreed to exchange 75 prisoners, the mediator said. They also agreed to meet again in Oslo next month.',
    );
    expect(summaries(b, 'outcomes')).toEqual([expect.stringMatching(/agreed to exchange 75 prisoners/)]);
    expect(summaries(b, 'next-steps')).toEqual([expect.stringMatching(/agreed to meet again in Oslo next month/)]);
  });

  it('groups positions on the same issue as one sticking point', () => {
    const b = brief(
      'The talks are deadlocked over the Sorland valley, where Westmark insists on a full withdrawal of Norlandic troops. ' +
        'Norland has rejected any withdrawal before elections.',
    );
    const points = summaries(b, 'sticking-points');
    expect(points).toHaveLength(1);
    expect(points[0]).toMatch(/^Sorland: /);
    expect(points[0]).toContain('Westmark insists on a full withdrawal of Norlandic troops');
    expect(points[0]).toContain('rejected any withdrawal before elections');
  });

  it('dates rounds of talks from relative dates', () => {
    const b = brief('Negotiators held a second round of talks in Oslo on Monday.');
    expect(summaries(b, 'timeline')).toEqual(['Second round of talks — Oslo — Monday 2026-05-11']);
  });

  it('cuts a clause at its end and finds its subject', () => {
    const text = 'Witkoff said the two sides agreed to exchange 314 prisoners, their first exchange in five months.';
    const at = text.indexOf('agreed');
    expect(subjectBefore(text, at)).toBe('the two sides');
    expect(clauseFrom(text, at)).toBe('agreed to exchange 314 prisoners');
  });
});

describe('next steps from "further talks are scheduled"', () => {
  const nextSteps = (text: string) =>
    summaries(buildTalksBrief(corpusOf([{ id: 'a', text, published: '2026-05-14', outlet: 'Test' }])), 'next-steps');
  const late =
    'After a long night of bargaining at the harbour authority offices in Rotterdam, the dockworkers union said further meetings are planned.';
  const early = 'Further talks are scheduled with the crane operators on Thursday.';

  it('reads a sentence the same whatever sentence was read before it', () => {
    const alone = nextSteps(early);
    expect(alone).toEqual(['Further talks are scheduled with the crane operators on Thursday']);
    nextSteps(late);
    expect(nextSteps(early)).toEqual(alone);
  });

  it('reads each planned meeting of an article, even after one later in a longer sentence', () => {
    expect(nextSteps(`${late} ${early}`)).toEqual([
      expect.stringMatching(/^Further meetings are planned/),
      'Further talks are scheduled with the crane operators on Thursday',
    ]);
  });
});

describe('when and who, read more closely', () => {
  const brief = (text: string, published = '2026-05-14') =>
    buildTalksBrief(corpusOf([{ id: 'a', text, published, outlet: 'Test' }]));

  it('gives a round of talks all its days', () => {
    const b = brief('Envoys ended two days of talks in Oslo on Tuesday without a deal.');
    expect(summaries(b, 'timeline')).toEqual(['Talks — Oslo — Monday 2026-05-11 – Tuesday 2026-05-12']);
  });

  it('dates the talks, not the statement that announced them', () => {
    const b = brief('The minister said on Monday that the second round of talks would take place on Friday in Oslo.');
    expect(summaries(b, 'timeline')).toEqual(['Second round of talks — Oslo — Friday 2026-05-15']);
  });

  it('lists the members of a bulleted line-up with the delegation of their section', () => {
    const b = brief(
      '# Who sat at the table in Oslo\n\n## Norland: a team of diplomats\n\n' +
        'The Norlandic delegation included:\n\n- **Anna Lind**, deputy foreign minister\n- **Piet Brandt**, an adviser to the prime minister\n',
    );
    expect(summaries(b, 'participants')).toEqual(
      expect.arrayContaining([
        'Anna Lind — deputy foreign minister (Norland)',
        expect.stringMatching(/^Piet Brandt — adviser to the prime minister \(Norland\)$/),
      ]),
    );
  });

  it('reads a short quote with the clause it completes', () => {
    const b = brief(
      'The mediators met in Oslo on Monday for talks. The draft accord on the border is "almost ready," the envoy Anna Lind told reporters there.',
    );
    expect(summaries(b, 'reactions')).toContain('Anna Lind: The draft accord on the border is almost ready');
  });

  it('keeps positions outside any talk of talks out of the sticking points', () => {
    const b = brief(
      'The council met on the flooding. The mayor rejected claims that the dam was unsafe. ' +
        'She also gave the council a list of roads she wanted repaired.',
    );
    expect(summaries(b, 'sticking-points')).toEqual([]);
  });

  it('reads a role word inside a name as part of the name', () => {
    const b = brief('The talks in Oslo were attended by Anna Lind, chief of the General Staff of Norland, and others.');
    expect(summaries(b, 'participants')).toContain(
      'Anna Lind — chief of the General Staff of Norland (delegation not stated)',
    );
  });

  it('reads talks said to go on as a next step', () => {
    const b = brief('The envoys met in Oslo on Monday. The talks will resume in Geneva next week, the mediator said.');
    expect(summaries(b, 'next-steps')).toEqual([expect.stringMatching(/^The talks will resume in Geneva next week/)]);
  });

  it('reads who will lead a delegation, and not a speaker as an apposition', () => {
    const b = brief(
      'Norland and Westmark will hold talks in Oslo on Thursday. The Norlandic delegation will be led by Foreign Minister Anna Lind, a spokesman said.',
    );
    expect(summaries(b, 'participants')).toContain('Anna Lind — Foreign Minister (Norlandic delegation)');
  });

  it('does not list someone who did not attend', () => {
    const b = brief('Foreign Minister Ola Berg, who did not attend the talks in Oslo, criticised them.');
    expect(summaries(b, 'participants').some((s) => s.startsWith('Ola Berg'))).toBe(false);
  });
});

describe('the talks brief of the seed articles', () => {
  let brief: TalksBrief;
  beforeAll(async () => {
    brief = buildTalksBrief(await loadDir(SEEDS_DIR));
  });

  it('says where and when: both rounds in Abu Dhabi', () => {
    expect(summaries(brief, 'timeline')).toEqual(
      expect.arrayContaining([
        'First trilateral talks — Abu Dhabi — 2026-01',
        'Second day of talks — Abu Dhabi — Thursday 2026-02-05',
      ]),
    );
  });

  it('lists participants by delegation with roles', () => {
    const p = summaries(brief, 'participants');
    expect(p).toContain('Delegations: Russia, Ukraine, United States');
    expect(p).toContainEqual(expect.stringMatching(/^Steve Witkoff — U\.S\. special envoy \(United States\)$/));
    expect(p).toContainEqual(expect.stringMatching(/^Jared Kushner — .*son-in-law \(United States\)$/));
    expect(p).toContainEqual(
      expect.stringMatching(/^Rustem Umerov — .*National Security and Defense Council.*\(Ukraine\)$/),
    );
    expect(p).toContainEqual(
      expect.stringMatching(/^Alexus Grynkewich — NATO's Supreme Allied Commander in Europe.*\(NATO\)$/),
    );
    expect(p).toContainEqual(expect.stringMatching(/^Igor Kostyukov — Russia's top negotiator.*\(Russia\)$/));
    expect(p.some((s) => /^(?:Volodymyr Zelenskyy|Donald Trump|Donald Tusk) —/.test(s))).toBe(false);
  });

  it('lists the outcomes with corroborating citations', () => {
    const exchange = brief.items.find((i) => i.topic === 'outcomes' && i.summary.includes('314 prisoners'));
    expect(new Set(exchange?.citations.map((c) => c.source)).size).toBe(3);
    expect(summaries(brief, 'outcomes')).toEqual(
      expect.arrayContaining([
        'No major breakthrough',
        expect.stringMatching(/reopen a channel of communication .*\(the hotline\)/),
      ]),
    );
  });

  it('names the Donbas and security guarantees as sticking points', () => {
    const points = summaries(brief, 'sticking-points');
    expect(points[0]).toMatch(/^Donbas: /);
    expect(points).toContainEqual(expect.stringMatching(/^Security guarantees: /));
  });

  it('lists next steps and reactions, attributed', () => {
    expect(summaries(brief, 'next-steps')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/report back to their respective capitals.*per Steve Witkoff$/),
        expect.stringMatching(/^Further meetings are planned.*per Volodymyr Zelenskyy$/),
      ]),
    );
    expect(summaries(brief, 'reactions')).toContainEqual(
      expect.stringMatching(/^Rustem Umerov: .*substantive and productive/),
    );
  });

  it('cites every item with verbatim sentences', async () => {
    const corpus = await loadDir(SEEDS_DIR);
    for (const item of brief.items) {
      expect(item.citations.length).toBeGreaterThan(0);
      for (const c of item.citations)
        expect(corpus.byId.get(c.source)?.sentences.map((s) => s.text)).toContain(c.quote);
    }
  });

  it('filters by topic', () => {
    for (const topic of TALKS_TOPICS) {
      const only = filterTalks(brief, topic).items;
      expect(only.length).toBeGreaterThan(0);
      expect(only.every((i) => i.topic === topic)).toBe(true);
    }
    expect(filterTalks(brief).items).toHaveLength(brief.items.length);
  });
});

describe('a corpus about two different talks', () => {
  let brief2: TalksBrief = { items: [] };
  it('keeps each round and each set of delegations apart', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'extract-two-talks-'));
    try {
      await cp(SEEDS_DIR, dir, { recursive: true });
      await cp(path.join(FIXTURES_DIR, 'unseen'), dir, { recursive: true });
      brief2 = buildTalksBrief(await loadDir(dir));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const brief = brief2;
    expect(summaries(brief, 'timeline')).toEqual(
      expect.arrayContaining([
        'Second day of talks — Abu Dhabi — Thursday 2026-02-05',
        'Third round of talks — Geneva — Tuesday 2026-03-10',
      ]),
    );
    expect(summaries(brief, 'participants')).toEqual(
      expect.arrayContaining([
        'Delegations: Russia, Ukraine, United States',
        'Delegations: Rapid Support Forces, Sudan',
      ]),
    );
  });
});
