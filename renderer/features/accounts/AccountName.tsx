/**
 * An account name (usually an e-mail address) that may wrap at sensible points, after the `@`
 * and the dots, rather than being cut off: `maarten.visser.ktjb@` / `hsleiden-test.nl`.
 */
import { Fragment } from 'react';

/** Splits before `@` and after `.`, `-`, `_` and `+`; the pieces join back to `text`. */
export function breakPoints(text: string): string[] {
  return text.split(/(?<=[.\-_+])|(?=@)/u).filter((piece) => piece !== '');
}

/** The name with a line-break opportunity (<wbr>) at each break point. */
export function AccountName({ text }: { text: string }) {
  const pieces = breakPoints(text);
  return (
    <>
      {pieces.map((piece, index) => (
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {piece}
        </Fragment>
      ))}
    </>
  );
}
