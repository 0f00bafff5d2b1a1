import { describe, expect, it } from 'vitest';
import { withButtons } from '../../src/discord/send.js';

const rows = [{ type: 1, components: [{ type: 2, style: 2, custom_id: 'x', label: 'Next ▶' }] }] as never;

function recorder() {
  const calls: { method: string; options: Record<string, unknown> }[] = [];
  const target = {
    deferred: true,
    reply: async (options: Record<string, unknown>) => calls.push({ method: 'reply', options }),
    editReply: async (options: Record<string, unknown>) => calls.push({ method: 'editReply', options }),
    deferReply: async (options: Record<string, unknown>) => calls.push({ method: 'deferReply', options }),
  };
  return { calls, target };
}

describe('withButtons', () => {
  it('adds the buttons and files to the message that shows the embeds', async () => {
    const { calls, target } = recorder();
    const wrapped = withButtons(target, () => ({
      embeds: [{ title: 't' }],
      components: rows,
      files: [{ name: 'casualties.png', data: Buffer.from('png') }],
    }));
    await wrapped.editReply({ embeds: [{ title: 't' }] });
    expect(calls[0]?.options.components).toBe(rows);
    expect(calls[0]?.options.files).toEqual([{ attachment: Buffer.from('png'), name: 'casualties.png' }]);
  });
  it('leaves acknowledgements and notices without embeds alone, and clears buttons from an apology', async () => {
    const { calls, target } = recorder();
    const wrapped = withButtons(target, () => ({ embeds: [{ title: 't' }], components: rows }));
    await wrapped.deferReply({ flags: 64 });
    await wrapped.reply({ content: 'busy' });
    await wrapped.editReply({ content: 'sorry', embeds: [] });
    expect(calls.map((c) => c.options)).toEqual([
      { flags: 64 },
      { content: 'busy' },
      { content: 'sorry', embeds: [], components: [] },
    ]);
  });
  it('reads properties through to the interaction', () => {
    const { target } = recorder();
    expect(withButtons(target, () => null).deferred).toBe(true);
  });
});
