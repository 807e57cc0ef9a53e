/** The machine a run was measured on, for the report's header. */
import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';

export interface Machine {
  date: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  chromium: string;
  /** One-minute load averages at the start and the end of the run. */
  loadStart: number;
  loadEnd: number;
}

export const loadNow = (): number => loadavg()[0]!;

/** This machine now; `loadStart` is the load average taken when the run began. */
export function thisMachine(chromium: string, loadStart: number): Machine {
  const cpu = cpus();
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    cpu: cpu[0]?.model.trim() ?? 'unknown CPU',
    cores: cpu.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    os: `${osType()} ${release()}`,
    node: process.version,
    chromium,
    loadStart,
    loadEnd: loadNow(),
  };
}
