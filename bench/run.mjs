#!/usr/bin/env node
/*
 * `npm run bench` (full) and `node bench/run.mjs --tiny` (the smoke run in `npm test`): loads the
 * TypeScript bench through Vite's module runner, since Node 20 cannot run TypeScript itself.
 */
import { resolve } from "node:path";
import { runnerImport } from "vite";

const { module } = await runnerImport(resolve(import.meta.dirname, "main.ts"));
process.exitCode = await module.main(process.argv.slice(2));
