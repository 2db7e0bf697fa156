#!/usr/bin/env node
// A small CLI: commander parses, chalk 5 (ES module only) colours the output.
import { Command } from 'commander';
import chalk, { Chalk } from 'chalk';

const program = new Command();
program.name('rw-cli').version('1.2.3').description('greets and sums');
program.command('greet <name>').option('-l, --loud', 'shout').action((name, opts) => {
  const c = new Chalk({ level: 1 });
  const text = `hello ${name}`;
  console.log(c.green(opts.loud ? text.toUpperCase() : text));
});
program.command('sum <numbers...>').action((numbers) => {
  const c = new Chalk({ level: 3 });
  console.log(c.bold.hex('#ff8800')(String(numbers.map(Number).reduce((a, b) => a + b, 0))));
});
program.command('plain').action(() => {
  console.log(`level=${chalk.level} supports=${JSON.stringify(chalk.level > 0)}`);
  console.log(chalk.red('no colour when not a TTY'));
});
program.parse();
