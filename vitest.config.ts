import { defineConfig } from 'vitest/config';

// Unit tests run in plain Node: everything below the UI must work without a DOM.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'threads',
  },
});
