/** Payload builders shaped like Discord's (API v10), for the fake gateway and REST API. */
import { snowflake } from './snowflake.js';

export type Json = Record<string, unknown>;

export interface FakeUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: string | null;
  bot?: boolean;
}

export function makeUser(username: string, options: { id?: string; bot?: boolean } = {}): FakeUser {
  return {
    id: options.id ?? snowflake(),
    username,
    global_name: options.bot ? null : username,
    discriminator: options.bot ? '0000' : '0',
    avatar: null,
    ...(options.bot ? { bot: true } : {}),
  };
}

export function makeMember(user: FakeUser, joinedAt: string, permissions?: string): Json {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles: [],
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
    unusual_dm_activity_until: null,
    ...(permissions !== undefined ? { permissions } : {}),
  };
}

export function textChannel(id: string, guildId: string | null, name: string): Json {
  return {
    id,
    type: 0,
    ...(guildId ? { guild_id: guildId } : {}),
    name,
    position: 0,
    permission_overwrites: [],
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    parent_id: null,
    flags: 0,
  };
}

export function publicThread(
  id: string,
  guildId: string,
  parentId: string,
  ownerId: string,
  name: string,
  at: string,
): Json {
  return {
    id,
    type: 11,
    guild_id: guildId,
    parent_id: parentId,
    owner_id: ownerId,
    name,
    last_message_id: null,
    message_count: 0,
    member_count: 1,
    rate_limit_per_user: 0,
    flags: 0,
    total_message_sent: 0,
    thread_metadata: {
      archived: false,
      auto_archive_duration: 1440,
      archive_timestamp: at,
      locked: false,
      create_timestamp: at,
    },
  };
}

export function dmChannel(id: string, recipient: FakeUser): Json {
  return { id, type: 1, recipients: [recipient], last_message_id: null, flags: 0 };
}

/** Everything Discord sends in GUILD_CREATE for an available guild (a small one). */
export function guildCreate(options: {
  guildId: string;
  ownerId: string;
  bot: FakeUser;
  channels: Json[];
  threads: Json[];
  joinedAt: string;
}): Json {
  const { guildId, ownerId, bot, channels, threads, joinedAt } = options;
  return {
    id: guildId,
    name: 'Fake Peace Talks Server',
    icon: null,
    icon_hash: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    verification_level: 0,
    default_message_notifications: 1,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    preferred_locale: 'en-US',
    max_members: 500000,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    application_id: null,
    features: [],
    roles: [
      {
        id: guildId,
        name: '@everyone',
        color: 0,
        colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
        hoist: false,
        icon: null,
        unicode_emoji: null,
        position: 0,
        permissions: '2222085186637376',
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    emojis: [],
    stickers: [],
    joined_at: joinedAt,
    large: false,
    unavailable: false,
    member_count: 3,
    voice_states: [],
    members: [makeMember(bot, joinedAt)],
    channels,
    threads,
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    lazy: true,
    incidents_data: null,
  };
}
