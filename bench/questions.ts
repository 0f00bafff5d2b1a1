/**
 * The benchmark's fixed question mix: the dev questions plus deterministic variants built from templates
 * and slot words of the corpus' vocabulary. Every question is distinct (case- and space-insensitively),
 * so a per-question cache cannot flatter the latency figures. The warm-up questions are not in the mix.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Corpus } from '../src/types.js';
import { mulberry32, randomInt } from './corpus.js';

export const DEV_QUESTIONS_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'tests',
  'fixtures',
  'questions.jsonl',
);
export const QUESTIONS_SEED = 0xa5c_2026;
export const DEFAULT_MIX_SIZE = 240;

/** The `q` of every line of the dev questions file. */
export function loadDevQuestions(file = DEV_QUESTIONS_FILE): string[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim().length > 0)
    .map((line, i) => {
      const q = (JSON.parse(line) as { q?: unknown }).q;
      if (typeof q !== 'string') throw new Error(`${file} line ${i + 1}: no "q" string`);
      return q;
    });
}

/* ------------------------------------------------------------ slot words (all appear in the seed articles) */

const COUNTED: [subject: string, verb: string][] = [
  ['Ukrainian soldiers', 'killed'],
  ['Russian soldiers', 'killed'],
  ['Ukrainian troops', 'killed'],
  ['Russian troops', 'killed'],
  ['Ukrainian servicemen', 'killed'],
  ['Ukrainian civilians', 'killed'],
  ['Ukrainian civilians', 'injured'],
  ['civilians', 'injured'],
  ['prisoners', 'exchanged'],
  ['prisoners', 'swapped'],
  ['drones', 'launched at Ukraine'],
  ['Ukrainian drones', 'shot down'],
  ['ballistic missiles', 'fired'],
  ['people', 'injured in Kyiv'],
  ['Russian casualties', 'recorded'],
  ['soldiers', 'missing'],
];
const COUNT_SOURCES = [
  'Zelenskyy',
  'Zelensky',
  'the CSIS',
  'the Center for Strategic and International Studies',
  'the United Nations',
  'Human Rights Watch',
  "Ukraine's air force",
  "Russia's Defense Ministry",
  'Witkoff',
  'the think tank',
];
const COUNT_TEMPLATES = [
  (s: string, v: string) => `How many ${s} were ${v}?`,
  (s: string, v: string) => `How many ${s} have been ${v} so far?`,
  (s: string, v: string) => `What is the number of ${s} ${v}?`,
  (s: string, v: string) => `How many ${s} have been ${v} since the war began?`,
  (s: string, v: string) => `Total number of ${s} ${v}?`,
];

const ROLES = [
  "Ukraine's top negotiator",
  "Russia's top negotiator",
  'the U.S. special envoy',
  'the US envoy at the talks',
  "NATO's Supreme Allied Commander in Europe",
  'the mayor of Kyiv',
  'the Estonian president',
  'the Polish prime minister',
  "Trump's son-in-law",
  "the head of Ukraine's National Security and Defense Council",
  'the Russian president',
  'the Ukrainian president',
];
const ROLE_TEMPLATES = [
  (r: string) => `Who is ${r}?`,
  (r: string) => `Who was ${r} during the talks?`,
  (r: string) => `What is the name of ${r}?`,
];
const DEEDS = [
  'announced the prisoner exchange',
  'mediated the talks',
  'attended the talks in Abu Dhabi',
  'visited Kyiv on Thursday',
  'called the talks substantive and productive',
  'opposed territorial concessions',
  'refused to cede the Donbas',
  'reported the drone attacks on Kyiv',
  'estimated Russian troop deaths',
  'published the report on civilian casualties',
  'agreed to reopen the military hotline',
  'is leading the peacekeeping force',
];

const EVENTS_WHERE = [
  'are the peace talks taking place',
  'did the delegations meet',
  'were two people injured',
  'did Donald Tusk arrive',
  'did Russian air defenses down Ukrainian drones',
  'is the front line',
  'does Russia want more territory',
  'is the Donbas region',
  'did the first trilateral talks take place',
  'is the CSIS think tank based',
  'did a man suffer a shrapnel wound',
];
const EVENTS_WHEN = [
  'did the full-scale invasion begin',
  'did Russia annex Crimea',
  'was Trump sworn in',
  'did Zelenskyy last give a casualty figure',
  'did the first talks in Abu Dhabi take place',
  'did Russia last release a death toll',
  'was the second day of talks held',
  'did Tusk visit Kyiv',
  'was the Human Rights Watch report published',
];

const ACTORS = [
  'Zelenskyy',
  'Witkoff',
  'Umerov',
  'Trump',
  'Karis',
  'Human Rights Watch',
  'the Kremlin',
  'Putin',
  'the U.S. European Command',
  "the EU's ambassador",
];
const TOPICS = [
  'the talks',
  'the prisoner exchange',
  'security guarantees',
  'the Donbas',
  'territorial concessions',
  'casualties',
  'the hotline',
  'the front line',
  'peace',
  'the drone strikes',
];
const THINGS = [
  'the main sticking point',
  'the Donbas',
  'the CSIS estimate',
  'the military-to-military hotline',
  'the peacekeeping force',
  "Russia's position on territory",
  "Ukraine's stance on the front line",
  'the outcome of the talks',
  'the human cost of the war',
  'the trilateral format',
];
const MISC = [
  'By how much did civilian casualties rise last year?',
  'What percentage of Ukraine does Russia occupy?',
  'How long is the front line in miles?',
  'How long is the front line in kilometers?',
  'How many years has the war lasted?',
  'How many Russian casualties did the CSIS count in total?',
  'What share of Ukraine does Kyiv still control in Donetsk?',
  'How many days did the talks last?',
];

const OUTSIDERS = ['China', 'India', 'Japan', 'the Pope', 'Brazil', 'Turkey'];
const UNRELATED: [thing: string, verb: string][] = [
  ['tanks', 'lost'],
  ['fighter jets', 'bought'],
  ['warships', 'sunk'],
  ['helicopters', 'ordered'],
  ['refugees', 'returned'],
];
const CITIES = ['Abu Dhabi', 'Kyiv', 'Moscow', 'London'];

const STOPWORDS = new Set(
  (
    'about above after again against along among because before being below between both could does doing during ' +
    'each from further having here itself just more most other over same should some such than that their them ' +
    'then there these they this those through under until very were what when where which while whom with would ' +
    'also into since said says including however meanwhile already according despite second latest'
  ).split(' '),
);

const CALENDAR =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;

/**
 * Content words (≥ 6 letters, in ≥ 2 sentences) and proper-name phrases (runs of ≥ 2 capitalised words
 * not opening the sentence, no weekday or month: "Rustem Umerov", "Human Rights Watch") of the corpus'
 * non-boilerplate sentences.
 */
export function corpusVocabulary(corpus: Corpus): { words: string[]; names: string[] } {
  const wordCount = new Map<string, number>();
  const names = new Set<string>();
  for (const s of corpus.sentences) {
    if (s.boilerplate) continue;
    const seen = new Set<string>();
    let run: string[] = [];
    const endRun = () => {
      if (run.length >= 2 && run.length <= 4) names.add(run.join(' '));
      run = [];
    };
    s.text.split(/\s+/).forEach((raw, i) => {
      // A run of names ends at punctuation or a possessive: "Ukraine’s National Security" is not one name.
      const word = raw.replace(/^[“"'(]+/, '').replace(/(?:[’']s)?[”"'),.;:!?]*$/u, '');
      const breaksAfter = word !== raw.replace(/^[“"'(]+/, '');
      if (i > 0 && /^\p{Lu}\p{Ll}+$/u.test(word) && !CALENDAR.test(word)) run.push(word);
      else endRun();
      if (breaksAfter) endRun();
      const lower = word.toLowerCase();
      if (/^\p{Ll}{6,}$/u.test(word) && !STOPWORDS.has(lower) && !seen.has(lower)) {
        seen.add(lower);
        wordCount.set(lower, (wordCount.get(lower) ?? 0) + 1);
      }
    });
    endRun();
  }
  const words = [...wordCount].filter(([, n]) => n >= 2).map(([w]) => w);
  return { words: words.sort(), names: [...names].sort() };
}

function shuffled<T>(list: readonly T[], rand: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(rand, i + 1);
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

function product<A, B>(as: readonly A[], bs: readonly B[]): [A, B][] {
  return as.flatMap((a) => bs.map((b): [A, B] => [a, b]));
}

/** Candidate questions per category, each list in a fixed order. */
function categories(corpus: Corpus): { name: string; share: number; questions: string[] }[] {
  const vocab = corpusVocabulary(corpus);
  return [
    {
      name: 'count',
      share: 0.25,
      questions: [
        ...product(COUNTED, COUNT_TEMPLATES).map(([[s, v], t]) => t(s, v)),
        ...product(COUNTED, COUNT_SOURCES).map(([[s, v], src]) => `How many ${s} were ${v}, according to ${src}?`),
      ],
    },
    {
      name: 'who',
      share: 0.15,
      questions: [
        ...product(ROLES, ROLE_TEMPLATES).map(([r, t]) => t(r)),
        ...DEEDS.map((d) => `Who ${d}?`),
        ...vocab.names.map((n) => `Who is ${n}?`),
        ...vocab.names.map((n) => `What is known about ${n}?`),
      ],
    },
    { name: 'where', share: 0.07, questions: EVENTS_WHERE.map((e) => `Where ${e}?`) },
    { name: 'when', share: 0.06, questions: EVENTS_WHEN.map((e) => `When ${e}?`) },
    {
      name: 'what',
      share: 0.2,
      questions: [
        ...product(ACTORS, TOPICS).map(([a, t]) => `What did ${a} say about ${t}?`),
        ...THINGS.map((t) => `What is ${t}?`),
        ...vocab.names.map((n) => `What did ${n} say?`),
      ],
    },
    { name: 'misc', share: 0.03, questions: MISC },
    {
      name: 'vocabulary',
      share: 0.14,
      questions: vocab.words.flatMap((w) => [`What do the sources say about ${w}?`, `Is there any news about ${w}?`]),
    },
    {
      name: 'out-of-scope',
      share: 0.1,
      questions: [
        ...product(OUTSIDERS, TOPICS).map(([o, t]) => `What did ${o} say about ${t}?`),
        ...product(UNRELATED, ['Ukraine', 'Russia']).map(([[t, v], c]) => `How many ${t} has ${c} ${v}?`),
        ...CITIES.map((c) => `What is the weather forecast for ${c} next week?`),
      ],
    },
  ];
}

export interface QuestionMix {
  /** Distinct questions, in the order they are timed. */
  timed: string[];
  /** Questions to warm up on; none of them is in `timed`. */
  warmup: string[];
  /** How many of `timed` came from the dev questions file. */
  dev: number;
}

const keyOf = (q: string) => q.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The fixed mix: the dev questions, then generated variants (categories in fixed shares), shuffled
 * together with a fixed seed. Same corpus, same dev file → same mix.
 */
export function buildQuestionMix(
  vocabularyCorpus: Corpus,
  devQuestions: readonly string[] = loadDevQuestions(),
  size = DEFAULT_MIX_SIZE,
): QuestionMix {
  const rand = mulberry32(QUESTIONS_SEED);
  const seen = new Set<string>();
  const timed: string[] = [];
  const add = (q: string, into: string[]) => {
    const key = keyOf(q);
    if (seen.has(key)) return false;
    seen.add(key);
    into.push(q);
    return true;
  };
  for (const q of devQuestions) add(q, timed);
  const dev = timed.length;

  const generatedTarget = Math.max(0, size - dev);
  const cats = categories(vocabularyCorpus).map((c) => ({ ...c, pool: shuffled(c.questions, rand) }));
  // One warm-up question per category, set aside first (every code path gets compiled and any lazily
  // built data is ready before timing starts).
  const warmup: string[] = [];
  for (const c of cats) {
    while (c.pool.length > 0) if (add(c.pool.shift() as string, warmup)) break;
  }
  const generated: string[] = [];
  for (const c of cats) {
    const quota = Math.round(c.share * generatedTarget);
    let taken = 0;
    while (taken < quota && c.pool.length > 0) if (add(c.pool.shift() as string, generated)) taken++;
  }
  // Rounding or small categories can leave the mix short: fill round-robin from what is left.
  while (generated.length < generatedTarget && cats.some((c) => c.pool.length > 0)) {
    for (const c of cats) {
      const q = c.pool.shift();
      if (q !== undefined && generated.length < generatedTarget) add(q, generated);
    }
  }
  return { timed: shuffled([...timed, ...generated], rand), warmup, dev };
}

/** `count` questions spread evenly over the mix (every k-th), for subjects too slow to time the whole mix. */
export function evenSubset(questions: readonly string[], count: number): string[] {
  if (count <= 0 || count >= questions.length) return [...questions];
  return Array.from({ length: count }, (_, i) => questions[Math.floor((i * questions.length) / count)] as string);
}
