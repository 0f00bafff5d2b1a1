/**
 * Sends a rendered message with its buttons through the shared acknowledgement path (`replyWithin`
 * in respond.ts, which sends content and embeds): the interaction is wrapped so that the edit (or
 * reply) carrying the answer's embeds also carries its components, and a message without embeds
 * (a busy notice, an apology) carries none.
 */
import type { RenderedMessage } from './render.js';
import { type Repliable, type ReplyOutcome, type ReplyPlan, replyWithin } from './respond.js';

const SENDS = new Set(['reply', 'editReply', 'followUp', 'update']);

/**
 * `interaction` with `reply`/`editReply`/`followUp` adding the rendered message's components (and
 * files) to messages that show embeds.
 */
export function withButtons<T extends object>(interaction: T, rendered: () => RenderedMessage | null): T {
  return new Proxy(interaction, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      if (typeof prop === 'string' && SENDS.has(prop)) {
        return (options: Record<string, unknown> | undefined, ...rest: unknown[]) => {
          if (options && typeof options === 'object' && 'embeds' in options) {
            const embeds = options.embeds as unknown[] | undefined;
            const message = embeds && embeds.length > 0 ? rendered() : null;
            const files = message?.files?.map((f) => ({ attachment: f.data, name: f.name }));
            options = { ...options, components: message?.components ?? [], ...(files?.length ? { files } : {}) };
          }
          return (value as (...a: unknown[]) => unknown).call(target, options, ...rest);
        };
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
}

/** `replyWithin`, with the rendered message's buttons attached to the answer. */
export async function replyWithButtons(
  interaction: Repliable,
  produce: () => RenderedMessage | Promise<RenderedMessage>,
  plan: ReplyPlan = {},
): Promise<ReplyOutcome> {
  let produced: RenderedMessage | null = null;
  const wrapped = withButtons(interaction, () => produced);
  return replyWithin(
    wrapped,
    async () => {
      produced = await produce();
      return produced;
    },
    plan,
  );
}
