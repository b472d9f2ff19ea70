// The example program of PROGRAM_RULES §2, shipped as the default program.

import { loadProgram, type Program } from './program.ts';
import exampleFile from './programs/example.json' with { type: 'json' };

export const exampleProgramFile: unknown = exampleFile;
export const exampleProgram: Program = loadProgram(exampleFile);
