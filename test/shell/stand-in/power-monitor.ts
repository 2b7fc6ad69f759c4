/**
 * Follows docs/api/power-monitor.md (Electron 45): an EventEmitter with getSystemIdleTime()
 * (seconds) and getSystemIdleState(threshold) ('active' | 'idle'). Events are fired by the test
 * (control: powerEvent), which also sets the idle time (setIdleSeconds). The doc marks
 * 'lock-screen' and 'unlock-screen' _macOS_ _Windows_: on Linux Electron never emits them, so the
 * stand-in refuses to fire them there; 'suspend', 'resume' and 'shutdown' exist on Linux.
 */
import { EventEmitter } from 'node:events';
import type { PowerMonitor } from 'electron';
import { record } from './record';

const LINUX_EVENTS = new Set(['suspend', 'resume', 'shutdown']);

class StandInPowerMonitor extends EventEmitter {
  idleSeconds = 0;

  getSystemIdleTime(): number {
    return this.idleSeconds;
  }

  getSystemIdleState(idleThreshold: number): string {
    return this.idleSeconds >= idleThreshold ? 'idle' : 'active';
  }

  isOnBatteryPower(): boolean {
    return false;
  }

  /** The OS reports `event` (test only). */
  fire(event: string): void {
    if (process.platform === 'linux' && !LINUX_EVENTS.has(event)) throw new Error(`powerMonitor does not emit '${event}' on Linux (power-monitor.md)`);
    record('powerMonitor', 'emit', event);
    this.emit(event, { preventDefault() {} });
  }
}

export const standInPowerMonitor = new StandInPowerMonitor();
export const powerMonitor = standInPowerMonitor as unknown as PowerMonitor;
