import { z } from 'zod';

/**
 * zod, set up once for every schema of ours: jitless, so it never compiles a parser with
 * `new Function`. The built app's Content-Security-Policy forbids eval, and zod's probe for it
 * would be reported as a violation even though zod copes. Schemas read the setting when they
 * are built, so every schema file imports `z` from here, never from 'zod' directly.
 */
z.config({ jitless: true });

export { z };
