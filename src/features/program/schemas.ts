// zod schema of GET /api/v1/program.
import { z } from 'zod';
import { programFileSchema } from '../../domain/program.ts';
import { isoDateSchema } from '../portal/schemas.ts';

export const programResponseSchema = z.object({
  version: z.number().int().describe('The loaded program version (0: the example program, before any load)'),
  today: isoDateSchema.describe("The server's today: the calculator's default date"),
  program: programFileSchema.describe('The program file as loaded (PROGRAM_RULES §2)'),
});
