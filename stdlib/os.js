'use strict';
// node:os (nodejs.org/api/os.html): operating-system facts from the `os` binding, which
// reports a failed libuv call through a ctx object; those become ERR_SYSTEM_ERROR.

const binding = internalBinding('os');
const { systemError } = require('internal/system_error');
const { validateInt32 } = require('internal/validators');

// Calls binding function `fn` with a trailing ctx; throws a SystemError if it failed.
function checked(fn, ...args) {
  const ctx = {};
  const result = fn(...args, ctx);
  if (ctx.code !== undefined) throw systemError(ctx);
  return result;
}

let osInfo; // [sysname, version, release, machine], read once
function osInformation() {
  if (osInfo === undefined) osInfo = checked(binding.getOSInformation);
  return osInfo;
}

const arch = () => process.arch;
const platform = () => process.platform;
const type = () => osInformation()[0];
const version = () => osInformation()[1];
const release = () => osInformation()[2];
const machine = () => osInformation()[3];
const hostname = () => checked(binding.getHostname);
const homedir = () => checked(binding.getHomeDirectory);
const uptime = () => checked(binding.getUptime);
const freemem = () => binding.getFreeMem();
const totalmem = () => binding.getTotalMem();
const availableParallelism = () => binding.getAvailableParallelism();
const endianness = () => (binding.isBigEndian ? 'BE' : 'LE');

function tmpdir() {
  let path = process.env.TMPDIR || process.env.TMP || process.env.TEMP || '/tmp';
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path;
}

function loadavg() {
  const loads = new Float64Array(3);
  binding.getLoadAvg(loads);
  return [loads[0], loads[1], loads[2]];
}

function cpus() {
  const data = binding.getCPUs() || [];
  const result = [];
  for (let i = 0; i < data.length; i += 7) {
    result.push({
      model: data[i],
      speed: data[i + 1],
      times: {
        user: data[i + 2], nice: data[i + 3], sys: data[i + 4], idle: data[i + 5],
        irq: data[i + 6],
      },
    });
  }
  return result;
}

// The prefix length of a netmask, or null when its one bits are not contiguous.
function maskBits(netmask, family) {
  const v4 = family === 'IPv4';
  const parts = v4 ? netmask.split('.').map(Number) : expandIPv6(netmask);
  const width = v4 ? 8 : 16;
  let bits = 0;
  let ended = false;
  for (const part of parts) {
    for (let bit = width - 1; bit >= 0; bit--) {
      if (part & (1 << bit)) {
        if (ended) return null;
        bits++;
      } else {
        ended = true;
      }
    }
  }
  return bits;
}

function expandIPv6(text) {
  const [head, tail] = text.split('::');
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const groups = [...h, ...new Array(8 - h.length - t.length).fill('0'), ...t];
  return groups.map((g) => parseInt(g, 16));
}

function networkInterfaces() {
  const data = checked(binding.getInterfaceAddresses) || [];
  const result = {};
  for (let i = 0; i < data.length; i += 7) {
    const name = data[i];
    const entry = {
      address: data[i + 1],
      netmask: data[i + 2],
      family: data[i + 3],
      mac: data[i + 4],
      internal: data[i + 5],
      cidr: null,
    };
    const bits = maskBits(entry.netmask, entry.family);
    entry.cidr = bits === null ? null : `${entry.address}/${bits}`;
    if (entry.family === 'IPv6') entry.scopeid = data[i + 6];
    (result[name] ??= []).push(entry);
  }
  return result;
}

function getPriority(pid = 0) {
  validateInt32(pid, 'pid');
  return checked(binding.getPriority, pid);
}

function setPriority(pid, priority) {
  if (priority === undefined) {
    priority = pid;
    pid = 0;
  }
  validateInt32(pid, 'pid');
  validateInt32(priority, 'priority', -20, 19);
  checked(binding.setPriority, pid, priority);
}

function userInfo(options = undefined) {
  const info = checked(binding.getUserInfo);
  if (options !== null && typeof options === 'object' && options.encoding === 'buffer') {
    const { Buffer } = require('buffer');
    for (const key of ['username', 'homedir', 'shell']) {
      if (typeof info[key] === 'string') info[key] = Buffer.from(info[key]);
    }
  }
  return info;
}

// Node lets these be used where a string is expected (`${os.hostname}`).
for (const fn of [arch, availableParallelism, endianness, freemem, homedir, hostname, platform,
  release, tmpdir, totalmem, type, uptime, version, machine]) {
  fn[Symbol.toPrimitive] = () => fn();
}

const constants = binding.constants;

module.exports = {
  arch,
  availableParallelism,
  cpus,
  endianness,
  freemem,
  getPriority,
  homedir,
  hostname,
  loadavg,
  networkInterfaces,
  platform,
  release,
  setPriority,
  tmpdir,
  totalmem,
  type,
  userInfo,
  uptime,
  version,
  machine,
};
Object.defineProperties(module.exports, {
  constants: { configurable: false, enumerable: true, value: constants },
  EOL: { configurable: true, enumerable: true, writable: false, value: '\n' },
  devNull: { configurable: true, enumerable: true, writable: false, value: '/dev/null' },
});
