'use strict';
// The REPL's dot-commands: .break .clear .editor .exit .help .load .save. Each action
// runs with `this` the REPLServer and shows the next prompt itself.

const fs = require('fs');

function defineDefaultCommands(repl) {
  repl.defineCommand('break', {
    help: 'Sometimes you get stuck, this gets you out',
    action() {
      this.clearBufferedCommand();
      this.displayPrompt();
    },
  });

  repl.defineCommand('clear', {
    help: repl.useGlobal ? 'Alias for .break' : 'Break, and also clear the local context',
    action() {
      this.clearBufferedCommand();
      if (!this.useGlobal) {
        this.output.write('Clearing context...\n');
        this.resetContext();
      }
      this.displayPrompt();
    },
  });

  repl.defineCommand('exit', {
    help: 'Exit the REPL',
    action() {
      this.close();
    },
  });

  repl.defineCommand('help', {
    help: 'Print this help message',
    action() {
      const names = Object.keys(this.commands).sort();
      const width = Math.max(...names.map((name) => name.length));
      for (const name of names) {
        const { help = '' } = this.commands[name];
        const pad = ' '.repeat(width - name.length + 3);
        this.output.write(`.${name}${help ? pad + help : ''}\n`);
      }
      this.output.write('\nPress Ctrl+C to abort current expression, ' +
                        'Ctrl+D to exit the REPL\n');
      this.displayPrompt();
    },
  });

  repl.defineCommand('save', {
    help: 'Save all evaluated commands in this REPL session to a file',
    action(file) {
      try {
        fs.writeFileSync(file, this.lines.join('\n'));
        this.output.write(`Session saved to: ${file}\n`);
      } catch {
        this.output.write(`Failed to save: ${file}\n`);
      }
      this.displayPrompt();
    },
  });

  repl.defineCommand('load', {
    help: 'Load JS from a file into the REPL session',
    action(file) {
      let data;
      try {
        if (!fs.statSync(file).isFile()) {
          this.output.write(`Failed to load: ${file} is not a valid file\n`);
          this.displayPrompt();
          return;
        }
        data = fs.readFileSync(file, 'utf8');
      } catch {
        this.output.write(`Failed to load: ${file}\n`);
        this.displayPrompt();
        return;
      }
      this.clearBufferedCommand();
      this.evalInput(data);
    },
  });

  if (repl.terminal) {
    repl.defineCommand('editor', {
      help: 'Enter editor mode',
      action() {
        this.editorMode = true;
        this.editorLines = [];
        this.output.write('// Entering editor mode (Ctrl+D to finish, Ctrl+C to cancel)\n');
        require('readline').Interface.prototype.setPrompt.call(this, '');
      },
    });
  }
}

module.exports = { defineDefaultCommands };
