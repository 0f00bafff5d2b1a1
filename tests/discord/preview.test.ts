import { describe, expect, it } from 'vitest';
import { inline, markdown, messageHtml } from '../../src/preview/html.js';

describe('preview html', () => {
  it('renders Discord markdown: bold, italics, links, command mentions and escapes', () => {
    expect(inline('**314** *AP* [T](https://x.example) </talks:1> \\*not bold\\*')).toBe(
      '<strong>314</strong> <em>AP</em> <a href="https://x.example">T</a> <span class="cmd">/talks</span> *not bold*',
    );
    expect(inline('<script>')).toBe('&lt;script&gt;');
  });
  it('renders block quotes', () => {
    expect(markdown('> quoted')).toBe('<blockquote>quoted</blockquote>');
  });
  it('shows embeds and buttons of a message', () => {
    const page = messageHtml('/talks', {
      embeds: [{ title: 'Abu Dhabi talks — brief', description: 'x', color: 0x2f855a }],
      components: [{ type: 1, components: [{ type: 2, style: 2, custom_id: 'a', label: 'Participants (7)' }] }],
    });
    expect(page).toContain('Abu Dhabi talks — brief');
    expect(page).toContain('Participants (7)');
    expect(page).toContain('border-left-color:#2f855a');
  });
});
