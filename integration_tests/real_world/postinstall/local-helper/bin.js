#!/usr/bin/env node
console.log('bin', JSON.stringify(require('./generated.json')));
