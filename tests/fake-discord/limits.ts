/**
 * Discord's documented limits, written down independently of the bot's own constants so the fake
 * checks the bot rather than agreeing with it. https://discord.com/developers/docs/resources/message
 */
export const DISCORD = {
  contentMax: 2000,
  embedsMax: 10,
  embedTitleMax: 256,
  embedDescriptionMax: 4096,
  embedFieldsMax: 25,
  fieldNameMax: 256,
  fieldValueMax: 1024,
  footerTextMax: 2048,
  authorNameMax: 256,
  embedTotalMax: 6000,
  autocompleteChoicesMax: 25,
  choiceNameMax: 100,
  choiceStringValueMax: 100,
  commandNameMax: 32,
  commandDescriptionMax: 100,
  commandOptionsMax: 25,
  commandTotalCharsMax: 4000,
  globalCommandsMax: 100,
  /** Milliseconds to acknowledge an interaction. */
  ackDeadlineMs: 3000,
  /** Interaction tokens stay valid this long for edits and follow-ups. */
  tokenLifetimeMs: 15 * 60 * 1000,
  ephemeralFlag: 1 << 6,
  actionRowsMax: 5,
  rowButtonsMax: 5,
  customIdMax: 100,
  buttonLabelMax: 80,
} as const;

/** Gateway intents that must be enabled for the application in the Developer Portal. */
export const PRIVILEGED_INTENTS = {
  GuildMembers: 1 << 1,
  GuildPresences: 1 << 8,
  MessageContent: 1 << 15,
} as const;

export const INTENT_BITS = {
  Guilds: 1 << 0,
  GuildMessages: 1 << 9,
  DirectMessages: 1 << 12,
  MessageContent: 1 << 15,
} as const;
