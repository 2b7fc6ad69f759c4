/**
 * Shown when the window's messages cannot be loaded (a damaged install): with no messages to
 * translate from, it says so in both languages, instead of leaving the window blank.
 */
export function MessagesMissing() {
  return (
    <main className="centered messages-missing">
      <h1>Tweestap</h1>
      <p role="alert" lang="nl">
        Tweestap kan zijn teksten niet laden. Installeer Tweestap opnieuw.
      </p>
      <p role="alert" lang="en">
        Tweestap cannot load its texts. Please install Tweestap again.
      </p>
    </main>
  );
}
