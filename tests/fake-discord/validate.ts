/**
 * Request validation the way Discord does it: a 400 "Invalid Form Body" (code 50035) with an
 * `errors` tree keyed by the path of each bad field, leaves holding `_errors: [{ code, message }]`.
 */
import { DISCORD } from './limits.js';

type Path = (string | number)[];
interface Leaf {
  code: string;
  message: string;
}

export class FormErrors {
  readonly list: { path: string; code: string; message: string }[] = [];
  readonly tree: Record<string, unknown> = {};

  add(path: Path, code: string, message: string): void {
    this.list.push({ path: path.join('.'), code, message });
    let node = this.tree as Record<string, unknown>;
    for (const key of path) {
      const k = String(key);
      node[k] ??= {};
      node = node[k] as Record<string, unknown>;
    }
    node._errors ??= [];
    (node._errors as Leaf[]).push({ code, message });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  body(): { code: number; message: string; errors: Record<string, unknown> } {
    return { code: 50035, message: 'Invalid Form Body', errors: this.tree };
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function maxLength(errors: FormErrors, path: Path, value: unknown, max: number, required = false): void {
  if (value === undefined || value === null) {
    if (required) errors.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
    return;
  }
  if (typeof value !== 'string') {
    errors.add(path, 'STRING_TYPE_CONVERT', 'Could not interpret value as string.');
    return;
  }
  if (required && value.length === 0) errors.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
  else if (value.length > max) errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
}

function checkUrl(errors: FormErrors, path: Path, value: unknown): void {
  if (value === undefined || value === null) return;
  try {
    const url = new URL(String(value));
    if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'attachment:')
      errors.add(path, 'URL_TYPE_INVALID_SCHEME', "Scheme must be one of ('http', 'https').");
  } catch {
    errors.add(path, 'URL_TYPE_INVALID_URL', 'Not a well formed URL.');
  }
}

/** Characters of one embed that count toward the 6,000 total (Discord's definition). */
export function embedChars(embed: Record<string, unknown>): number {
  const s = (v: unknown) => (typeof v === 'string' ? v.length : 0);
  const fields = Array.isArray(embed.fields) ? (embed.fields as Record<string, unknown>[]) : [];
  return (
    s(embed.title) +
    s(embed.description) +
    s(isObject(embed.footer) ? embed.footer.text : undefined) +
    s(isObject(embed.author) ? embed.author.name : undefined) +
    fields.reduce((n, f) => n + s(f?.name) + s(f?.value), 0)
  );
}

function validateEmbed(errors: FormErrors, path: Path, embed: unknown): void {
  if (!isObject(embed)) {
    errors.add(path, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    return;
  }
  if (embed.type !== undefined && embed.type !== 'rich')
    errors.add([...path, 'type'], 'BASE_TYPE_CHOICES', 'Value must be one of {rich}.');
  maxLength(errors, [...path, 'title'], embed.title, DISCORD.embedTitleMax);
  maxLength(errors, [...path, 'description'], embed.description, DISCORD.embedDescriptionMax);
  checkUrl(errors, [...path, 'url'], embed.url);
  if (embed.color !== undefined && embed.color !== null) {
    if (!Number.isInteger(embed.color)) errors.add([...path, 'color'], 'NUMBER_TYPE_COERCE', 'Value is not int.');
    else if ((embed.color as number) < 0 || (embed.color as number) > 0xffffff)
      errors.add([...path, 'color'], 'NUMBER_TYPE_MAX', 'int value should be less than or equal to 16777215.');
  }
  if (embed.timestamp !== undefined && embed.timestamp !== null && Number.isNaN(Date.parse(String(embed.timestamp))))
    errors.add([...path, 'timestamp'], 'DATE_TIME_TYPE_PARSE', 'Could not parse timestamp. Should be ISO8601.');
  if (embed.footer !== undefined && embed.footer !== null) {
    if (!isObject(embed.footer))
      errors.add([...path, 'footer'], 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    else {
      maxLength(errors, [...path, 'footer', 'text'], embed.footer.text, DISCORD.footerTextMax, true);
      checkUrl(errors, [...path, 'footer', 'icon_url'], embed.footer.icon_url);
    }
  }
  if (embed.author !== undefined && embed.author !== null) {
    if (!isObject(embed.author))
      errors.add([...path, 'author'], 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    else {
      maxLength(errors, [...path, 'author', 'name'], embed.author.name, DISCORD.authorNameMax, true);
      checkUrl(errors, [...path, 'author', 'url'], embed.author.url);
    }
  }
  for (const key of ['image', 'thumbnail'] as const) {
    const media = embed[key];
    if (media === undefined || media === null) continue;
    if (!isObject(media))
      errors.add([...path, key], 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    else {
      if (media.url === undefined) errors.add([...path, key, 'url'], 'BASE_TYPE_REQUIRED', 'This field is required');
      checkUrl(errors, [...path, key, 'url'], media.url);
    }
  }
  if (embed.fields !== undefined && embed.fields !== null) {
    if (!Array.isArray(embed.fields)) {
      errors.add([...path, 'fields'], 'LIST_TYPE_CONVERT', 'Only iterables may be used in a ListType');
      return;
    }
    if (embed.fields.length > DISCORD.embedFieldsMax)
      errors.add([...path, 'fields'], 'BASE_TYPE_MAX_LENGTH', `Must be ${DISCORD.embedFieldsMax} or fewer in length.`);
    embed.fields.forEach((field: unknown, i: number) => {
      const fp = [...path, 'fields', i];
      if (!isObject(field)) {
        errors.add(fp, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
        return;
      }
      maxLength(errors, [...fp, 'name'], field.name, DISCORD.fieldNameMax, true);
      maxLength(errors, [...fp, 'value'], field.value, DISCORD.fieldValueMax, true);
      if (field.inline !== undefined && typeof field.inline !== 'boolean')
        errors.add([...fp, 'inline'], 'BOOLEAN_TYPE_CONVERT', 'Must be either true or false.');
    });
  }
}

const MENTION_TYPES = new Set(['users', 'roles', 'everyone']);

/** Action rows of buttons (the only components this bot sends), with Discord's limits. */
function validateComponents(errors: FormErrors, path: Path, components: unknown): void {
  if (components === undefined || components === null) return;
  if (!Array.isArray(components)) {
    errors.add(path, 'LIST_TYPE_CONVERT', 'Only iterables may be used in a ListType');
    return;
  }
  if (components.length > DISCORD.actionRowsMax)
    errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${DISCORD.actionRowsMax} or fewer in length.`);
  const ids = new Set<string>();
  components.forEach((row: unknown, i: number) => {
    const rp = [...path, i];
    if (!isObject(row) || row.type !== 1 || !Array.isArray(row.components)) {
      errors.add(rp, 'COMPONENT_LAYOUT_INVALID', 'Invalid action row');
      return;
    }
    if (row.components.length < 1 || row.components.length > DISCORD.rowButtonsMax)
      errors.add(
        [...rp, 'components'],
        'BASE_TYPE_BAD_LENGTH',
        `Must be between 1 and ${DISCORD.rowButtonsMax} in length.`,
      );
    row.components.forEach((b: unknown, j: number) => {
      const bp = [...rp, 'components', j];
      if (!isObject(b) || b.type !== 2) {
        errors.add(bp, 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (2,).');
        return;
      }
      if (b.label === undefined && b.emoji === undefined)
        errors.add(bp, 'BUTTON_COMPONENT_LABEL_OR_EMOJI_REQUIRED', 'A label or an emoji is required');
      if (b.label !== undefined) maxLength(errors, [...bp, 'label'], b.label, DISCORD.buttonLabelMax, true);
      if (b.style === 5) {
        if (typeof b.url !== 'string') errors.add([...bp, 'url'], 'BASE_TYPE_REQUIRED', 'This field is required');
        else checkUrl(errors, [...bp, 'url'], b.url);
        if (b.custom_id !== undefined)
          errors.add(
            [...bp, 'custom_id'],
            'BUTTON_COMPONENT_CUSTOM_ID_URL_MUTUALLY_EXCLUSIVE',
            'A link has no custom id',
          );
      } else if (typeof b.style !== 'number' || b.style < 1 || b.style > 4) {
        errors.add([...bp, 'style'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, 2, 3, 4, 5, 6}.');
      } else if (
        typeof b.custom_id !== 'string' ||
        b.custom_id.length < 1 ||
        b.custom_id.length > DISCORD.customIdMax
      ) {
        errors.add(
          [...bp, 'custom_id'],
          'BASE_TYPE_BAD_LENGTH',
          `Must be between 1 and ${DISCORD.customIdMax} in length.`,
        );
      } else if (ids.has(b.custom_id)) {
        errors.add([...bp, 'custom_id'], 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated');
      } else ids.add(b.custom_id);
    });
  });
}

/** Validates a message body (create or edit). `path` prefixes error paths (e.g. `['data']` in callbacks). */
export function validateMessage(body: unknown, path: Path = []): FormErrors {
  const errors = new FormErrors();
  if (!isObject(body)) {
    errors.add(path, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    return errors;
  }
  maxLength(errors, [...path, 'content'], body.content, DISCORD.contentMax);
  if (body.embeds !== undefined && body.embeds !== null) {
    if (!Array.isArray(body.embeds))
      errors.add([...path, 'embeds'], 'LIST_TYPE_CONVERT', 'Only iterables may be used in a ListType');
    else {
      if (body.embeds.length > DISCORD.embedsMax)
        errors.add([...path, 'embeds'], 'BASE_TYPE_MAX_LENGTH', `Must be ${DISCORD.embedsMax} or fewer in length.`);
      body.embeds.forEach((e: unknown, i: number) => {
        validateEmbed(errors, [...path, 'embeds', i], e);
      });
      const total = body.embeds.reduce((n: number, e: unknown) => n + (isObject(e) ? embedChars(e) : 0), 0);
      if (total > DISCORD.embedTotalMax)
        errors.add(
          [...path, 'embeds'],
          'MAX_EMBED_SIZE_EXCEEDED',
          `Embed size exceeds maximum size of ${DISCORD.embedTotalMax}`,
        );
    }
  }
  validateComponents(errors, [...path, 'components'], body.components);
  const am = body.allowed_mentions;
  if (am !== undefined && am !== null) {
    if (!isObject(am))
      errors.add([...path, 'allowed_mentions'], 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    else {
      const parse = am.parse ?? [];
      if (!Array.isArray(parse) || parse.some((p) => !MENTION_TYPES.has(p as string)))
        errors.add(
          [...path, 'allowed_mentions', 'parse'],
          'BASE_TYPE_CHOICES',
          'Value must be one of {users, roles, everyone}.',
        );
      else {
        for (const kind of ['users', 'roles'] as const) {
          const list = am[kind];
          if (Array.isArray(list) && list.length > 0 && parse.includes(kind))
            errors.add(
              [...path, 'allowed_mentions'],
              'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
              `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.`,
            );
        }
      }
    }
  }
  return errors;
}

/** Whether a message (after applying an edit) has nothing to show: Discord refuses those (50006). */
export function isEmptyMessage(message: Record<string, unknown>): boolean {
  const has = (v: unknown) => (Array.isArray(v) ? v.length > 0 : typeof v === 'string' ? v.length > 0 : Boolean(v));
  return !['content', 'embeds', 'attachments', 'components', 'sticker_ids', 'poll'].some((k) => has(message[k]));
}

/** Autocomplete result (`type: 8`) choices. */
export function validateChoices(data: unknown, path: Path = ['data']): FormErrors {
  const errors = new FormErrors();
  const choices = isObject(data) ? data.choices : undefined;
  if (!Array.isArray(choices)) {
    errors.add([...path, 'choices'], 'BASE_TYPE_REQUIRED', 'This field is required');
    return errors;
  }
  if (choices.length > DISCORD.autocompleteChoicesMax)
    errors.add(
      [...path, 'choices'],
      'BASE_TYPE_MAX_LENGTH',
      `Must be ${DISCORD.autocompleteChoicesMax} or fewer in length.`,
    );
  choices.forEach((c: unknown, i: number) => {
    const cp = [...path, 'choices', i];
    if (!isObject(c)) {
      errors.add(cp, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
      return;
    }
    if (typeof c.name !== 'string' || c.name.length < 1 || c.name.length > DISCORD.choiceNameMax)
      errors.add([...cp, 'name'], 'BASE_TYPE_BAD_LENGTH', `Must be between 1 and ${DISCORD.choiceNameMax} in length.`);
    if (typeof c.value === 'string') {
      if (c.value.length > DISCORD.choiceStringValueMax)
        errors.add(
          [...cp, 'value'],
          'BASE_TYPE_MAX_LENGTH',
          `Must be ${DISCORD.choiceStringValueMax} or fewer in length.`,
        );
    } else if (typeof c.value !== 'number')
      errors.add([...cp, 'value'], 'BASE_TYPE_REQUIRED', 'This field is required');
  });
  return errors;
}

/* ------------------------------------------------------------ commands */

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const SUBCOMMAND = 1;
const SUBCOMMAND_GROUP = 2;
const STRING = 3;

function commandChars(c: Record<string, unknown>): number {
  const s = (v: unknown) => (typeof v === 'string' ? v.length : 0);
  let n = s(c.name) + s(c.description);
  for (const o of (c.options as Record<string, unknown>[] | undefined) ?? []) {
    n += commandChars(o);
    for (const ch of (o.choices as Record<string, unknown>[] | undefined) ?? [])
      n += s(ch.name) + String(ch.value ?? '').length;
  }
  return n;
}

function validateOptions(errors: FormErrors, path: Path, options: unknown, depth: number): void {
  if (options === undefined || options === null) return;
  if (!Array.isArray(options)) {
    errors.add(path, 'LIST_TYPE_CONVERT', 'Only iterables may be used in a ListType');
    return;
  }
  if (options.length > DISCORD.commandOptionsMax)
    errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${DISCORD.commandOptionsMax} or fewer in length.`);
  const names = new Set<string>();
  let optionalSeen = false;
  const kinds = new Set<string>();
  options.forEach((o: unknown, i: number) => {
    const op = [...path, i];
    if (!isObject(o)) {
      errors.add(op, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
      return;
    }
    const type = o.type as number;
    if (!Number.isInteger(type) || type < 1 || type > 11)
      errors.add([...op, 'type'], 'BASE_TYPE_CHOICES', 'Value must be one of {1..11}.');
    kinds.add(type === SUBCOMMAND || type === SUBCOMMAND_GROUP ? 'sub' : 'value');
    if (typeof o.name !== 'string' || !NAME.test(o.name) || o.name !== o.name.toLowerCase())
      errors.add([...op, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
    else if (names.has(o.name))
      errors.add([...op, 'name'], 'APPLICATION_COMMAND_OPTIONS_DUPLICATE_NAME', 'Option names must be unique');
    else names.add(o.name);
    if (
      typeof o.description !== 'string' ||
      o.description.length < 1 ||
      o.description.length > DISCORD.commandDescriptionMax
    )
      errors.add(
        [...op, 'description'],
        'BASE_TYPE_BAD_LENGTH',
        `Must be between 1 and ${DISCORD.commandDescriptionMax} in length.`,
      );
    if (o.required === true && optionalSeen)
      errors.add(
        op,
        'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
        'Required options must be placed before non-required options',
      );
    if (o.required !== true) optionalSeen = true;
    if (Array.isArray(o.choices)) {
      if (o.autocomplete === true)
        errors.add(
          [...op, 'autocomplete'],
          'APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_AND_CHOICES',
          'Autocomplete and choices are mutually exclusive',
        );
      if (o.choices.length > DISCORD.autocompleteChoicesMax)
        errors.add(
          [...op, 'choices'],
          'BASE_TYPE_MAX_LENGTH',
          `Must be ${DISCORD.autocompleteChoicesMax} or fewer in length.`,
        );
      o.choices.forEach((c: unknown, j: number) => {
        if (!isObject(c) || typeof c.name !== 'string' || c.name.length < 1 || c.name.length > DISCORD.choiceNameMax)
          errors.add([...op, 'choices', j, 'name'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
        else if (type === STRING && (typeof c.value !== 'string' || c.value.length > DISCORD.choiceStringValueMax))
          errors.add([...op, 'choices', j, 'value'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
      });
    }
    if (type === SUBCOMMAND || type === SUBCOMMAND_GROUP) {
      if (depth >= 2) errors.add(op, 'APPLICATION_COMMAND_OPTION_TYPE_INVALID', 'Sub-command nesting is too deep');
      validateOptions(errors, [...op, 'options'], o.options, depth + 1);
    }
  });
  if (kinds.size > 1)
    errors.add(
      path,
      'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID',
      'Sub-command and sub-command group options cannot be mixed with other option types',
    );
}

/** A bulk-overwrite body (`PUT .../commands`). */
export function validateCommands(body: unknown, max: number = DISCORD.globalCommandsMax): FormErrors {
  const errors = new FormErrors();
  if (!Array.isArray(body)) {
    errors.add([], 'LIST_TYPE_CONVERT', 'Only iterables may be used in a ListType');
    return errors;
  }
  if (body.length > max) errors.add([], 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  const names = new Set<string>();
  body.forEach((c: unknown, i: number) => {
    if (!isObject(c)) {
      errors.add([i], 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
      return;
    }
    const type = (c.type as number | undefined) ?? 1;
    if (typeof c.name !== 'string' || !NAME.test(c.name) || (type === 1 && c.name !== c.name.toLowerCase()))
      errors.add([i, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
    else if (names.has(`${type}:${c.name}`))
      errors.add([i, 'name'], 'APPLICATION_COMMANDS_DUPLICATE_NAME', 'Application command names must be unique');
    else names.add(`${type}:${c.name}`);
    if (
      type === 1 &&
      (typeof c.description !== 'string' ||
        c.description.length < 1 ||
        c.description.length > DISCORD.commandDescriptionMax)
    )
      errors.add(
        [i, 'description'],
        'BASE_TYPE_BAD_LENGTH',
        `Must be between 1 and ${DISCORD.commandDescriptionMax} in length.`,
      );
    const dmp = c.default_member_permissions;
    if (dmp !== undefined && dmp !== null && !(typeof dmp === 'string' && /^\d+$/.test(dmp)))
      errors.add([i, 'default_member_permissions'], 'NUMBER_TYPE_COERCE', 'Value is not a valid permission bitfield.');
    validateOptions(errors, [i, 'options'], c.options, 0);
    if (commandChars(c) > DISCORD.commandTotalCharsMax)
      errors.add(
        [i],
        'APPLICATION_COMMAND_TOO_LARGE',
        `Command exceeds maximum size (${DISCORD.commandTotalCharsMax})`,
      );
  });
  return errors;
}
