/** Jest runs TypeScript through esbuild (ts-jest does not support TypeScript 7). */
module.exports = {
  // The script's Date runs in the manifest's time zone whatever the machine's (see the file).
  testEnvironment: '<rootDir>/test/support/script-zone-environment.cjs',
  roots: ['<rootDir>/test'],
  globalSetup: '<rootDir>/test/support/build-once.cjs',
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': '<rootDir>/test/support/esbuild-transform.cjs' },
  moduleFileExtensions: ['ts', 'js', 'cjs', 'json'],
};
