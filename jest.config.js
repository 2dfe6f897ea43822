// Jest: TypeScript through ts-jest (transpile only; `npm run typecheck` does the type checking).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // One worker per core: Jest's default leaves one core idle, which on a two-core machine halves
  // the speed of a suite whose time goes to its integration tests.
  maxWorkers: '100%',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {
        tsconfig: {
          module: 'commonjs',
          moduleResolution: 'node10',
          target: 'ES2022',
          esModuleInterop: true,
          isolatedModules: true,
        },
      },
    ],
  },
};
