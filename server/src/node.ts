// Entry of the language server in Node: `normref-language-server --stdio` for any LSP client;
// VS Code starts it over IPC. The transport is chosen from the command line.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { findPackageRoot, packageVersion, readCatalogSources } from './data-files';
import { startServer } from './server';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];
const args = process.argv.slice(2);

if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write('Usage: normref-language-server [--stdio | --node-ipc | --socket=<port> | --pipe=<name>]\n' +
    'Serves hover, completion and document links for references to standards (LSP). Default: --stdio.\n');
  process.exit(0);
}
const root = findPackageRoot();
if (args.includes('--version')) {
  process.stdout.write(`${packageVersion(root)}\n`);
  process.exit(0);
}
if (!args.some((a) => TRANSPORTS.some((t) => a.startsWith(t)))) process.argv.push('--stdio');

const connection = createConnection(ProposedFeatures.all);
startServer(connection, () => readCatalogSources(root), packageVersion(root));
