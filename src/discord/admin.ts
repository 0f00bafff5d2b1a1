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

/**
 * Who may run the admin commands: anyone in `ADMIN_USER_IDS`, plus the application owner (fetched
 * from Discord once, again after a failed fetch).
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

  async isAdmin(userId: string): Promise<boolean> {
    if (this.adminUserIds.includes(userId)) return true;
    return (await this.owners()).includes(userId);
  }
}
