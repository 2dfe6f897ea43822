// Jest: TypeScript through ts-jest (transpile only; `npm run typecheck` does the type checking).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // One worker per core: Jest's default leaves one core idle, which on a two-core machine halves
  // the speed of a suite whose time goes to its integration tests.
  maxWorkers: '100%',
  // The local runtime makes a Node VM context per execution, and Node keeps some memory of every
  // context a process made (https://github.com/nodejs/node/issues/33439): a worker that has grown
  // past this after a test file is replaced, so hundreds of files never add up to its heap limit.
  workerIdleMemoryLimit: '2GB',
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
