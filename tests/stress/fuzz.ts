/**
 * Random and hostile inputs for the stress run's fuzz scenario: Discord syntax (mentions, @everyone,
 * timestamps, command mentions, masked links), markdown, scripts and writing directions, control and
 * zero-width characters, lone surrogates, huge numbers, injection strings, prototype keys, very long and
 * repetitive text, and real questions with all of that mixed in. Deterministic for a seed.
 */

import { mulberry32 } from '../../bench/corpus.js';

const ID = '123456789012345678';

function hostile(botId: string): string[] {
  return [
    '@everyone',
    '@here what happened?',
    `<@&${ID}> who attended?`,
    `<@${botId}> <@${botId}> <@${botId}>`,
    `<@!${ID}> how many prisoners?`,
    `<#${ID}>`,
    `</ask:${ID}> </sources-admin reload:${ID}>`,
    '<t:1700000000:R> when were the talks?',
    `<a:party:${ID}> <:x:${ID}>`,
    '[click here](https://evil.example/phish) how many killed?',
    '```js\nprocess.exit(1)\n```',
    '**bold** __underline__ ~~strike~~ ||spoiler|| `code`',
    '> quoted\n>>> block quote',
    '# Heading\n-# small print\n- list item',
    "'; DROP TABLE feedback; --",
    '" OR 1=1 --',
    '../../../../etc/passwd',
    '/etc/passwd',
    '\u202Eevil right-to-left override',
    '\u200B\u200B\u200B',
    '\u200D\u2060\uFEFF',
    'ﷺ'.repeat(40),
    '𒐫'.repeat(60),
    '\uD800 lone high surrogate',
    'lone low \uDFFF surrogate',
    '\u0000 null byte',
    '\u0007\u001b[31mred\u001b[0m',
    'a'.repeat(2000),
    '?'.repeat(256),
    '((((a+)+)+)+)b',
    `${'a'.repeat(60)}!`,
    '%s%s%s%n',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection attempt, typed literally
    '${process.exit()}',
    '{{constructor.constructor("return process")()}}',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    '\n\n\n',
    '   x   ',
    '👨‍👩‍👧‍👦'.repeat(30),
    'Ｈｏｗ ｍａｎｙ ｐｒｉｓｏｎｅｒｓ？',
    'Сколько пленных обменяли?',
    'Скільки полонених обміняли?',
    'كم عدد الأسرى الذين تم تبادلهم؟',
    '交换了多少名囚犯？',
    '1e309 prisoners',
    '-0',
    'NaN',
    'Infinity',
    '9'.repeat(400),
    'how many '.repeat(100),
    'who is @everyone',
    `What did <@&${ID}> say @here?`,
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    'https://discord.gg/invite',
    'discord.com/invite/abc',
    'hi',
    'help',
    'thanks!!!',
    '?',
    '.',
    'and Russia?',
  ];
}

const ALPHABET = [
  'abcdefghijklmnopqrstuvwxyz',
  'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  '0123456789',
  ' \t\n',
  '.,;:!?¿¡\'"“”‘’«»()[]{}<>/\\|-_+=*&^%$#@~`',
  'Ukraine Russia Abu Dhabi Witkoff Zelensky Putin killed wounded prisoners',
  'äöüßéèêçñåøæœ',
  'абвгдеёжзийклмнопрстуфхцчшщьыъэюяієїґ',
  'αβγδεζηθ',
  '中文日本語한국어',
  '\u200B\u200D\u202E\u2066\u00AD',
  '😀🙏🏽🇺🇦🇷🇺',
];

const QUESTIONS = [
  'How many prisoners were exchanged?',
  'Who is Russia’s top negotiator?',
  'Where are the peace talks taking place?',
  'How many Ukrainian soldiers have been killed?',
  'What did Witkoff say about the talks?',
];

/** `count` inputs: the hostile list first, then random strings and real questions with hostile parts mixed in. */
export function fuzzInputs(count: number, options: { botId: string; seed?: number }): string[] {
  const next = mulberry32(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const fixed = hostile(options.botId);
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    let input: string;
    if (i < fixed.length) input = fixed[i] as string;
    else if (i % 3 === 0) {
      const length = 1 + Math.floor(next() ** 2 * 300);
      const chars = Array.from({ length }, () => {
        const set = pick(ALPHABET);
        return set.slice(Math.floor(next() * set.length)).slice(0, 1 + Math.floor(next() * 3));
      });
      input = chars.join('');
    } else {
      const q = pick(QUESTIONS);
      const at = Math.floor(next() * q.length);
      input = `${q.slice(0, at)} ${pick(fixed).slice(0, 80)} ${q.slice(at)}`;
    }
    // Discord does not deliver a required option that is empty.
    out.push(input.trim() ? input : `x${input}`);
  }
  return out;
}
