/**
 * Who a message would notify, by Discord's rules: mentions in `content` ping according to
 * `allowed_mentions` (absent means "parse everything"); a reply pings its author unless
 * `replied_user` is false (when `allowed_mentions` is given, it defaults to false). Embeds never ping.
 */
export interface Pings {
  everyone: boolean;
  users: string[];
  roles: string[];
  repliedUser: string | null;
}

export function noPings(p: Pings): boolean {
  return !p.everyone && p.users.length === 0 && p.roles.length === 0 && p.repliedUser === null;
}

interface AllowedMentions {
  parse?: string[];
  users?: string[];
  roles?: string[];
  replied_user?: boolean;
}

export function computePings(content: unknown, allowed: unknown, repliedTo: string | null = null): Pings {
  const text = typeof content === 'string' ? content : '';
  const am = (allowed && typeof allowed === 'object' ? allowed : null) as AllowedMentions | null;
  const parse = new Set(am ? (am.parse ?? []) : ['everyone', 'users', 'roles']);
  const mentionedUsers = [...text.matchAll(/<@!?(\d{17,20})>/g)].map((m) => m[1] as string);
  const mentionedRoles = [...text.matchAll(/<@&(\d{17,20})>/g)].map((m) => m[1] as string);
  const users = parse.has('users') ? mentionedUsers : mentionedUsers.filter((u) => am?.users?.includes(u));
  const roles = parse.has('roles') ? mentionedRoles : mentionedRoles.filter((r) => am?.roles?.includes(r));
  const repliedUser = repliedTo && (am ? am.replied_user === true : true) ? repliedTo : null;
  return {
    everyone: parse.has('everyone') && /@(everyone|here)\b/.test(text),
    users: [...new Set(users)],
    roles: [...new Set(roles)],
    repliedUser,
  };
}
