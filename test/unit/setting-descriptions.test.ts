// The Settings page renders each markdownDescription as Markdown and drops raw HTML: `<id>` written
// outside code would vanish ("iso.org/standard/.html"). Each description, in every language, is
// rendered with markdown-it (the renderer of VS Code's Markdown) and its text must come out whole.
import test from 'node:test';
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { LANGUAGES, manifest } from '../support/manifest';

interface Setting { description?: string; markdownDescription?: string; enumDescriptions?: string[]; markdownEnumDescriptions?: string[] }
type Manifest = { contributes: { configuration: { properties: Record<string, Setting> } } };

// html: true as a browser would parse it; what the sanitizer then drops is the HTML tokens.
const markdown = new MarkdownIt({ html: true, linkify: false });

/** The text a reader sees: the rendering without HTML that was written raw, its tags and entities. */
function shownText(source: string): string {
  const tokens = markdown.parseInline(source, {});
  const text: string[] = [];
  const walk = (list: typeof tokens) => {
    for (const t of list) {
      if (t.type === 'text' || t.type === 'code_inline') text.push(t.content);
      if (t.children) walk(t.children);
    }
  };
  walk(tokens);
  return text.join('');
}

/** The text the author meant: the source without Markdown's own marks. */
function writtenText(source: string): string {
  return source
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*([^*]*)\*\*/g, '$1');
}

test('every markdown description of a setting renders all its text, in English, German and French', () => {
  for (const language of [undefined, ...LANGUAGES]) {
    const properties = manifest<Manifest>(language).contributes.configuration.properties;
    let rendered = 0;
    for (const [key, setting] of Object.entries(properties)) {
      for (const source of [setting.markdownDescription, ...(setting.markdownEnumDescriptions ?? [])]) {
        if (!source) continue;
        assert.doesNotMatch(source, /^%.*%$/, `${key}: ${source} has no text in package.nls`);
        assert.equal(shownText(source), writtenText(source), `${key} (${language ?? 'en'}): text is lost in rendering`);
        rendered++;
      }
    }
    assert.ok(rendered >= 10, `${rendered} markdown descriptions rendered`);
  }
});

test('the check catches a placeholder written as raw HTML', () => {
  const broken = 'Links go to `https://www.iso.org/standard/` followed by <id>.html';
  assert.notEqual(shownText(broken), writtenText(broken));
});
