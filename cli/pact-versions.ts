/**
 * `npm run pact:versions`: the Node.js, pact-js and pact core this checkout runs with. Exits 1 when pact-js
 * loads another pact core than the harness does (a pact core installed beside a pact-js that does not
 * accept it), which would leave the consumer tests asking the wrong library about the mock server.
 */
import { prefixed } from '../src/errors';
import { describeInstalledPact, installedPact, splitPactCore } from '../src/pact/installed';
import { runMain } from './main';

runMain(() => {
  const root = process.cwd();
  const pact = installedPact(root);
  process.stdout.write(`${prefixed(`Node.js ${process.version}, ${describeInstalledPact(pact)}`)}\n`);
  const split = splitPactCore(pact, root);
  if (split) process.stderr.write(`${prefixed(`two pact cores: ${split}`)}\n`);
  return split ? 1 : 0;
});
