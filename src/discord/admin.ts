import { log } from '../log.js';

/** The parts of discord.js' `ClientApplication` the admin check reads (a `User` or a `Team` as owner). */
export interface ApplicationLike {
  owner: { id: string; ownerId?: string | null; members?: { keys(): Iterable<string> } } | null;
}

/** Ids allowed to administer the bot because they own the application: the owner, or every team member. */
export function ownerIds(app: ApplicationLike | null | undefined): string[] {
  const owner = app?.owner;
  if (!owner) return [];
  if (owner.members) {
    const ids = new Set(owner.members.keys());
    if (owner.ownerId) ids.add(owner.ownerId);
    return [...ids];
  }
  return [owner.id];
}

/** The parts of discord.js' `PermissionsBitField` the check reads (`interaction.memberPermissions`). */
export interface PermissionsLike {
  has(permission: bigint, checkAdmin?: boolean): boolean;
}

/** Discord's Manage Server permission (`PermissionFlagsBits.ManageGuild`). */
export const MANAGE_SERVER = 1n << 5n;

/**
 * Who may manage the bot's articles: members with the Manage Server permission in the server where
 * they run the command (Administrators have it too), anyone in `ADMIN_USER_IDS`, and the application
 * owner (fetched from Discord once, again after a failed fetch). The command is registered with
 * `default_member_permissions` = Manage Server, so Discord shows it to exactly those members; the
 * ADMIN_USER_IDS and the owner can use it wherever a server's integration settings let them see it.
 */
export class AdminCheck {
  #owners: Promise<string[]> | null = null;

  constructor(
    readonly adminUserIds: readonly string[],
    private readonly fetchApplication: () => Promise<ApplicationLike | null | undefined>,
  ) {}

  owners(): Promise<string[]> {
    if (!this.#owners) {
      this.#owners = this.fetchApplication().then(ownerIds, (err: unknown) => {
        log.warn({ err }, 'could not fetch the application owner; only ADMIN_USER_IDS are admins for now');
        this.#owners = null;
        return [];
      });
    }
    return this.#owners;
  }

  /** Whether this user, with these permissions where they are, may manage the articles. */
  async allows(userId: string, permissions: PermissionsLike | null | undefined): Promise<boolean> {
    if (permissions?.has(MANAGE_SERVER, true)) return true;
    return this.isAdmin(userId);
  }

  async isAdmin(userId: string): Promise<boolean> {
    if (this.adminUserIds.includes(userId)) return true;
    return (await this.owners()).includes(userId);
  }
}
