/**
 * Jest's Node environment with the script's clock: Apps Script runs a script's Date in the project's
 * time zone (appsscript.json), so every test file starts in that zone, whatever the machine's TZ. Jest
 * hands a test file a copy of process.env, on which setting TZ would change nothing; here setting
 * `process.env.TZ` (as the emulator does for a workbook's script zone) moves this process's zone, as
 * it does in Node. The machine's zone is restored when the file ends.
 */
const { TestEnvironment } = require('jest-environment-node');
const { timeZone } = require('../../appsscript.json');

class ScriptZoneEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.hostZone = process.env.TZ;
    process.env.TZ = timeZone;
    const host = process.env;
    this.global.process.env = new Proxy(this.global.process.env, {
      set(env, key, value) {
        env[key] = value;
        if (key === 'TZ') host.TZ = value;
        return true;
      },
    });
  }

  async teardown() {
    if (this.hostZone === undefined) delete process.env.TZ;
    else process.env.TZ = this.hostZone;
    await super.teardown();
  }
}

module.exports = ScriptZoneEnvironment;
