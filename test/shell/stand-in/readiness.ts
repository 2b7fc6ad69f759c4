/** Whether the app part has emitted 'ready' (shared by parts that must not run before it). */
let ready = false;

export function isAppReady(): boolean {
  return ready;
}

export function markAppReady(): void {
  ready = true;
}
