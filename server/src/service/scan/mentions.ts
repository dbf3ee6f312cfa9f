// Whether a text holds a word only a directive uses (`as-of`, `normref-`): the check asks on every
// keystroke, and a search of a whole text costs about half a millisecond per megabyte. After an
// edit, a word the text before did not hold can only be where the edit was.
import type { TextEdit } from './text-diff';

/** What an earlier text was found to hold, and how this text came from it. */
export interface EarlierMentions {
  answers: ReadonlyMap<string, boolean>;
  edit: TextEdit;
}

export class Mentions {
  /** Kept for the text after the next edit; holds answers only, never a text. */
  readonly answers = new Map<string, boolean>();

  constructor(
    private readonly text: string,
    private readonly earlier?: EarlierMentions,
  ) {}

  has(word: string): boolean {
    let answer = this.answers.get(word);
    if (answer === undefined) {
      answer = !this.lacksPartOf(word) && (this.earlier?.answers.get(word) === false ? this.inEdit(word, this.earlier.edit) : this.text.includes(word));
      this.answers.set(word, answer);
    }
    return answer;
  }

  /** Whether a word this text was found not to hold is part of `word` (`normref` of `normref-`): then neither is it. */
  private lacksPartOf(word: string): boolean {
    for (const [known, held] of this.answers) if (!held && word.includes(known)) return true;
    return false;
  }

  /** An occurrence the text before lacked overlaps the changed part, or spans the edit's place. */
  private inEdit(word: string, edit: TextEdit): boolean {
    const from = Math.max(0, edit.prefix - word.length + 1);
    const to = Math.min(this.text.length, this.text.length - edit.suffix + word.length - 1);
    return from < to && this.text.slice(from, to).includes(word);
  }
}
