// Runs mocha spec files of this folder inside the extension host (tdd interface, spec reporter),
// for the suite entries VS Code loads (index.ts, restricted-index.ts).
import * as path from 'node:path';
import Mocha from 'mocha';

export function runSpecs(files: string[]): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
        else resolve();
      });
    } catch (err) {
      reject(err);
    }
  });
}
