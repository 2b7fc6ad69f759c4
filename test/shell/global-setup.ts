/** Says once per run which Electron the shell specs run on (issue 10, part 3). */
export default function setup(): void {
  console.log(
    process.env.TWEESTAP_ELECTRON === 'real'
      ? 'shell specs: real Electron (TWEESTAP_ELECTRON=real, Playwright _electron.launch)'
      : 'shell specs: on the Electron stand-in (test/shell/stand-in); TWEESTAP_ELECTRON=real runs them on the real Electron',
  );
}
