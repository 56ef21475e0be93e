import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';

/** Reads `.env` (if any) into process.env, silently: stdout belongs to the program's own output. */
export function readDotenv(path?: string): void {
  loadDotenv({ quiet: true, ...(path ? { path } : {}) });
}

/** A zod failure as one line per variable, naming it and what it should look like. */
export function describeEnvIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`);
}
