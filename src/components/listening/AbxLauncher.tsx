// The blind test's closed disclosure as the page first shows it. The test itself (AbxTest.tsx, its session logic and
// the binomial test) loads when the reader opens it, or at once when a test stored in this browser is to be resumed.
import { useEffect, useState } from 'preact/hooks';
import { retryingImport } from '../../lib/retryImport';
import type { AbxTestProps } from './AbxTest';

type AbxTestComponent = typeof import('./AbxTest').AbxTest;

const LOAD_FAILED_MESSAGE = "Couldn't load the blind test. Check your connection, then close this and open it again.";

const loadAbxTest = retryingImport(async (): Promise<AbxTestComponent> => (await import('./AbxTest')).AbxTest);

/** Where a listening panel's unfinished or finished test is kept in localStorage. */
export const abxStorageKey = (testId: string): string => `amp-lab:abx:${testId}`;

function hasStoredTest(testId: string): boolean {
  try {
    return localStorage.getItem(abxStorageKey(testId)) !== null;
  } catch {
    return false;
  }
}

/** The disclosure's summary and what a blind test is: shown the same before and after the test has loaded. */
export function AbxIntro() {
  return (
    <>
      <summary>Blind test (ABX)</summary>
      <p class="abx-intro">
        Can you really hear the difference? In each trial X is A or B, drawn at random. Listen to A, B and X as often as
        you like, then say which one X is. Levels are as in the panel above; your answers stay in this browser.
      </p>
    </>
  );
}

export function AbxLauncher(props: AbxTestProps) {
  const [Test, setTest] = useState<AbxTestComponent | null>(null);
  const [opened, setOpened] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = () => {
    setError(null);
    loadAbxTest().then(
      (component) => setTest(() => component),
      () => {
        setOpened(false);
        setError(LOAD_FAILED_MESSAGE);
      },
    );
  };

  useEffect(() => {
    if (hasStoredTest(props.testId)) load();
  }, [props.testId]);

  if (Test) return <Test {...props} initiallyOpen={opened} />;
  return (
    <details
      class="abx"
      data-abx-state="idle"
      onToggle={(event) => {
        if (!event.currentTarget.open || opened) return;
        setOpened(true);
        load();
      }}>
      <AbxIntro />
      {error && <p class="abx-error" role="alert">{error}</p>}
    </details>
  );
}
