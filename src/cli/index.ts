#!/usr/bin/env node
// The `maand` command line: parse argv, run one command, map errors to one line and an exit code.
import { runCli } from './program.ts';

process.exitCode = await runCli(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr });
