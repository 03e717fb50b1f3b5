/**
 * Resident memory of a process and all its descendants (the batch's worker processes), from
 * /proc: Linux only; elsewhere every figure is 0.
 */
import { readFileSync } from "node:fs";

function residentKb(pid) {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "latin1"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function childrenOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "latin1").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Resident KB of `pid` and of each of its descendants: `[main, ...descendants]`. */
export function treeResidentKb(pid) {
  const pids = [pid];
  for (let index = 0; index < pids.length; index += 1) pids.push(...childrenOf(pids[index]));
  return pids.map(residentKb);
}
