// Entry of the language server in Node: `normref-language-server --stdio` for any LSP client;
// VS Code starts it over IPC. The transport is chosen from the command line.
import { createConnection, ProposedFeatures, StreamMessageReader } from 'vscode-languageserver/node';
import { findPackageRoot, packageVersion, readCatalogSources, readMessageBundle } from './data-files';
import { FramingCheck } from './framing';
import { FileWorkspace } from './file-workspace';
import { FlatTextDocument } from './flat-text-document';
import { IdleCollection } from './idle-collection';
import { KeptBufferWriter } from './message-writer';
import { ConfigFiles } from './config-files';
import { startServer } from './server';
import { fileURLToPath } from 'node:url';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];
const args = process.argv.slice(2);

if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write('Usage: normref-language-server [--stdio | --node-ipc | --socket=<port> | --pipe=<name>]\n' +
    'Serves references to standards over LSP: hover, completion, links, diagnostics and quick fixes,\n' +
    'references, symbols. Reads .normrefrc.json / normref.config.json next to the documents. Default: --stdio.\n');
  process.exit(0);
}
const root = findPackageRoot();
if (args.includes('--version')) {
  process.stdout.write(`${packageVersion(root)}\n`);
  process.exit(0);
}

const stdio = !args.some((a) => TRANSPORTS.some((t) => a.startsWith(t))) || args.includes('--stdio');
const reader = stdio ? stdinReader() : undefined;
const connection = reader ? createConnection(ProposedFeatures.all, reader, new KeptBufferWriter(process.stdout)) : createConnection(ProposedFeatures.all);
const files = { loadCatalog: () => readCatalogSources(root), loadMessages: (locale: string) => readMessageBundle(locale, root) };
const idle = IdleCollection.start();
const server = startServer(connection, files, packageVersion(root), {
  folderWorkspace: (folders) => new FileWorkspace(folders.map((uri) => fileURLToPath(uri))),
  documents: FlatTextDocument.configuration,
  idleWork: idle,
  configFiles: new ConfigFiles(),
});
// Any message from the client is work: a collection due to start would delay its answer.
if (idle) {
  if (reader) process.stdin.on('data', () => idle.busy());
  else process.on('message', () => idle.busy());
}
// Given a reader rather than a stream, the library leaves the end of input to us: exit as it would.
reader?.onClose(() => process.exit(server.shutdownReceived() ? 0 : 1));

/**
 * The reader of messages from stdin, which ends the server when the framing breaks. After a header
 * without a usable Content-Length nothing says where the next message starts; guessing could drop
 * a didChange and leave the server's copy of a document silently different from the editor's.
 * Exiting says so at once, and the client restarts the server with its documents. A well-framed
 * message whose body is not JSON leaves the stream in step: that one is only logged.
 */
function stdinReader(): StreamMessageReader {
  const checked = process.stdin.pipe(new FramingCheck());
  checked.on('error', (error) => outOfStep(error.message));
  const reader = new StreamMessageReader(checked);
  reader.onError((error) => {
    if (error instanceof SyntaxError) {
      process.stderr.write(`normref-language-server: a message that is not JSON was ignored: ${error.message}\n`);
      return;
    }
    // The library's own header checks; FramingCheck says these first. Anything else failed on a
    // message read whole (a $/cancelRequest without an id): the stream is in step, and serving goes on.
    if (LIBRARY_FRAMING_ERROR.test(error.message)) outOfStep(error.message.split('\n')[0]);
    process.stderr.write(`normref-language-server: a message that could not be handled was ignored: ${error.message.split('\n')[0]}\n`);
  });
  return reader;
}

const LIBRARY_FRAMING_ERROR = /^(?:Header must provide a Content-Length|Content-Length value must be)/;

function outOfStep(problem: string): never {
  process.stderr.write(`normref-language-server: malformed message framing (${problem}); exiting, as the stream is out of step\n`);
  process.exit(1);
}
