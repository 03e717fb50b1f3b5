#!/usr/bin/env node
import { main } from "../dist/cli.js";

// A reader that stops early (`minutes tree FILE | head`) closes the pipe: what it did not read
// was not wanted, so that is the end of the output, not a crash. Outputs on disk are written
// before the summary is printed, so nothing is left half-done.
process.stdout.on("error", (error) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await main(process.argv);
