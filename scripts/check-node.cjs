// Runs before `npm install`, `npm start` and `npm test` (package.json: preinstall, prestart,
// pretest) and stops them with one line when this Node is older than the project needs: on Node 20
// better-sqlite3 13 crashes the app with a segmentation fault instead of saying anything.
// Plain CommonJS with no dependencies and no newer syntax, so that any old Node can run it.
'use strict';

var REQUIRED = [22, 12];

function isSupported(version) {
  var parts = String(version).replace(/^v/, '').split('.');
  var major = Number(parts[0]);
  var minor = Number(parts[1]);
  return major > REQUIRED[0] || (major === REQUIRED[0] && minor >= REQUIRED[1]);
}

/** The README's recipe: Node 22 from the npm registry into .tools/, the machine's Node untouched. */
function message(version, platform, arch) {
  var os = platform === 'win32' ? 'win' : platform;
  var pathLine =
    platform === 'win32'
      ? 'set PATH=%CD%\\.tools\\node_modules\\node-win-' + arch + ';%PATH%'
      : 'export PATH="$PWD/.tools/node_modules/node-' + os + '-' + arch + '/bin:$PATH"';
  return (
    'Một Cửa Xã needs Node.js >= ' + REQUIRED.join('.') + ' but this is ' + version +
    '. Get Node 22 beside the system one (README, "The two commands"): npm install --prefix .tools node-' +
    os + '-' + arch + '@22.23.3 && ' + pathLine + ' — then run the command again.'
  );
}

if (require.main === module) {
  var version = process.env.MOTCUA_CHECK_NODE_VERSION || process.version;
  if (!isSupported(version)) {
    console.error(message(version, process.platform, process.arch));
    process.exit(1);
  }
}

module.exports = { isSupported: isSupported, message: message };
