/**
 * Domain vocabulary: words that mean the same thing in war reporting share one index term, so a question
 * worded differently from the article still finds its sentence ("troops" finds "soldiers", "swap" finds
 * "exchange", "dead" finds "killed"). Groups hold surface words; they are stemmed when the table is built.
 * Each group's first word names the concept.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  'killed kill dead death deaths died die dying toll fatalities fatality lives slain lost lose',
  'soldiers soldier troops troop servicemen serviceman servicemembers fighters personnel military',
  'prisoners prisoner pows pow captives captive detainees detainee prisoners-of-war',
  'exchange exchanged exchanges swap swapped swaps trade traded release released freed',
  'talks negotiations negotiation negotiate negotiating discussions meeting meetings summit consultations dialogue',
  'negotiator negotiators delegation delegations delegate delegates envoy envoys emissary representative representatives team teams side sides',
  'injured injure injuries injury wounded wound wounds hurt',
  'civilians civilian noncombatants residents',
  'drones drone uavs uav shaheds',
  'missiles missile rockets rocket',
  'fired fire launched launch launches attacked struck strikes strike attacks attack',
  'downed down shot intercepted intercept destroyed',
  'casualties casualty losses loss',
  'missing disappeared',
  'increase increased rise rose risen grow grows growing grew growth jump jumped surge surged climb climbed',
  'decrease decreased fall fell drop dropped decline declined',
  'sticking obstacle obstacles hurdle hurdles deadlocked deadlock stalemate impasse dispute disagreement blocking hampering',
  'main biggest principal primary major key central',
  'channel hotline',
  'agreed agree agreement deal accord consented',
  'reopen reopened restore restored resume resumed reestablish',
  'top chief head heads headed lead leads led leading leader',
  'commander commanders general admiral officer',
  'report reported estimate estimated estimates analysis study',
  'said say says told stated claimed announced revealed acknowledged according',
  'kilometer kilometers kilometre kilometres km mile miles long length stretching stretch',
  'overnight night',
  'front frontline frontlines',
  'american americans usa washington',
  'ukraine ukrainian ukrainians kyiv kiev',
  'russia russian russians moscow kremlin',
  'percent percentage % share',
  'guarantees guarantee assurances assurance',
  'territory territories land region regions',
  'place held hosted venue location convened took taking',
  'wants want wanted seek seeks seeking sought demand demands demanded',
  'next further upcoming future coming subsequent',
].map((group) => group.split(' '));

/**
 * Country names and their demonyms/capitals are one concept in the index (above), but in a question they
 * also act as a constraint on *whose* figure is meant ("Russian soldiers" vs "Ukrainian soldiers").
 * These are the concepts that mark a side.
 */
export const SIDE_WORDS = ['ukraine', 'russia', 'american'] as const;

/**
 * What is being counted: a figure next to "injured" does not answer a question about the killed.
 * Like sides, the measure word nearest a figure must be the one the question asks about.
 */
export const MEASURE_WORDS = ['killed', 'injured', 'missing', 'casualties', 'prisoners', 'drones', 'missiles'] as const;

/** Words a question uses to ask for a person, and role nouns that name one. */
export const PERSON_ROLE_WORDS = new Set([
  'negotiator',
  'envoy',
  'commander',
  'general',
  'admiral',
  'president',
  'minister',
  'official',
  'officials',
  'leader',
  'spokesman',
  'spokesperson',
  'spokeswoman',
  'mayor',
  'ambassador',
  'chief',
  'head',
  'secretary',
  'diplomat',
  'adviser',
  'advisor',
  'mediator',
  'person',
  'representative',
  'delegate',
  'son-in-law',
]);

/** Words that introduce a title before a name ("President Volodymyr Zelenskyy", "Admiral Igor Kostyukov"). */
export const TITLE_WORDS = new Set([
  'president',
  'general',
  'gen.',
  'admiral',
  'adm.',
  'mayor',
  'minister',
  'prime',
  'secretary',
  'senator',
  'sen.',
  'envoy',
  'ambassador',
  'chancellor',
  'commander',
  'colonel',
  'col.',
  'lieutenant',
  'lt.',
  'captain',
  'mr.',
  'mrs.',
  'ms.',
  'dr.',
  'king',
  'queen',
  'pope',
  'governor',
  'chief',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'director',
]);

/** Words that mark a capitalised sequence as an organisation, not a person. */
export const ORGANISATION_WORDS = new Set([
  'council',
  'ministry',
  'command',
  'center',
  'centre',
  'mission',
  'watch',
  'press',
  'news',
  'tv',
  'union',
  'nations',
  'sea',
  'house',
  'department',
  'office',
  'forces',
  'force',
  'army',
  'navy',
  'agency',
  'institute',
  'committee',
  'bank',
  'fund',
  'party',
  'government',
  'administration',
  'parliament',
  'court',
  'studies',
  'organization',
  'organisation',
  'channel',
  'region',
  'oblast',
  'war',
  'coverage',
]);
