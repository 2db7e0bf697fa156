// Runs at install time under the `node` the package manager puts on PATH.
const fs = require('node:fs');
const path = require('node:path');
const info = {
  argv: process.argv.slice(2),
  event: process.env.npm_lifecycle_event,
  pkg: process.env.npm_package_name,
  cwdIsPackage: fs.realpathSync(process.cwd()) === fs.realpathSync(__dirname),
};
fs.writeFileSync(path.join(__dirname, 'generated.json'), JSON.stringify(info));
console.log('local-helper postinstall done');
