// The .gitignore rules in force in a folder, as git reads them: each file's patterns are relative to
// its own folder, and a deeper file's rules come first (its `!draft.md` brings back what a parent
// ignored, unless the parent ignored the whole folder, which the walk then never enters).
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

export class GitignoreRules {
  private static readonly none = new GitignoreRules(undefined, '', undefined);

  private constructor(
    private readonly parent: GitignoreRules | undefined,
    /** The absolute folder the rules are relative to. */
    private readonly base: string,
    private readonly rules: Ignore | undefined,
  ) {}

  /**
   * The rules of the .gitignore files above `target`, from the repository's root (the nearest
   * folder above holding .git) down: git applies those to a folder named inside a repository too.
   * Outside a repository there are none.
   */
  static above(target: string): GitignoreRules {
    const folders: string[] = [];
    let inRepository = false;
    for (let dir = path.dirname(path.resolve(target)); ; dir = path.dirname(dir)) {
      folders.push(dir);
      if (fs.existsSync(path.join(dir, '.git'))) {
        inRepository = true;
        break;
      }
      if (path.dirname(dir) === dir) break;
    }
    if (!inRepository) return GitignoreRules.none;
    let rules = GitignoreRules.none;
    for (const dir of folders.reverse()) rules = rules.withFile(dir);
    return rules;
  }

  /** The rules inside `dir`: these, and its own .gitignore's if it has one. */
  enter(dir: string, entries: readonly fs.Dirent[]): GitignoreRules {
    return entries.some((e) => e.name === '.gitignore' && !e.isDirectory()) ? this.withFile(path.resolve(dir)) : this;
  }

  /** Whether the file or folder at `file` is ignored. */
  ignores(file: string, isFolder: boolean): boolean {
    return this.rules ? this.decides(path.resolve(file), isFolder) === true : false;
  }

  /** What the deepest file with a rule for `absolute` says; undefined when none has one. */
  private decides(absolute: string, isFolder: boolean): boolean | undefined {
    if (!this.rules) return undefined;
    const relative = path.relative(this.base, absolute).split(path.sep).join('/');
    const result = this.rules.test(isFolder ? `${relative}/` : relative);
    if (result.ignored) return true;
    if (result.unignored) return false;
    return this.parent?.decides(absolute, isFolder);
  }

  private withFile(dir: string): GitignoreRules {
    let text: string;
    try {
      text = fs.readFileSync(path.join(dir, '.gitignore'), 'utf8');
    } catch {
      // An unreadable or missing .gitignore ignores nothing, as in git.
      return this;
    }
    return new GitignoreRules(this, dir, ignore().add(text));
  }
}
