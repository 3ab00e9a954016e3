// Runs zod without code generation: the app's Content-Security-Policy forbids eval, and zod's
// probe for it would otherwise be reported as a policy violation. Imported first by main.tsx.
import { z } from 'zod';

z.config({ jitless: true });
