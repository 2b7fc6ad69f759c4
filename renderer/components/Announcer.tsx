/**
 * A polite live region for short confirmations ("Code copied"), read by screen readers and shown
 * briefly as a toast.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

type Announce = (text: string) => void;
const AnnounceContext = createContext<Announce>(() => {});

const TOAST_MS = 2500;

/** Renders the live region and provides `announce(text)` below it. */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<{ text: string; id: number } | null>(null);
  const counter = useRef(0);
  const announce = useCallback<Announce>((text) => {
    counter.current += 1;
    setMessage({ text, id: counter.current });
  }, []);

  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(null), TOAST_MS);
    return () => clearTimeout(timer);
  }, [message]);

  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div className="toast-region" role="status" aria-live="polite" data-testid="announcer">
        {message && (
          <p className="toast" key={message.id}>
            {message.text}
          </p>
        )}
      </div>
    </AnnounceContext.Provider>
  );
}

/** The function that shows and announces a short confirmation. */
export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}
