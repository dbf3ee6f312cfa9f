// The strings package.json writes as %key% (commands, settings, the walkthrough) have their English
// text in package.nls.json, and each walkthrough step's media file is there: VS Code shows a
// missing key as "%key%" and a missing file as an empty pane.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const manifest = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
const english = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;

test('every %key% of package.json has its English text in package.nls.json', () => {
  const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
  assert.ok(keys.length > 0);
  for (const key of keys) assert.ok(typeof english[key] === 'string' && english[key].trim(), `package.nls.json has no text for ${key}`);
});

test('every walkthrough step has a title, a description and its media file', () => {
  const walkthroughs = (JSON.parse(manifest) as { contributes: { walkthroughs: Array<{ steps: Array<{ id: string; title: string; description: string; media: { markdown: string }; completionEvents: string[] }> }> } }).contributes.walkthroughs;
  const steps = walkthroughs.flatMap((w) => w.steps);
  assert.deepEqual(steps.map((s) => s.id), ['openSample', 'hover', 'withdrawn', 'fix', 'statusBar', 'ci']);
  for (const step of steps) {
    assert.ok(fs.existsSync(path.join(root, step.media.markdown)), `${step.id}: ${step.media.markdown} is missing`);
    assert.ok(step.completionEvents.length > 0, `${step.id} has no completion event`);
  }
});
