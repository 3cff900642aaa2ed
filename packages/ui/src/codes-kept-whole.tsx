// Browsers break a line after a hyphen or slash, which splits codes such as the
// SKU "MW-USER-MIGRATION" or the number "INV-000123" in running text. Each word
// with one inside is kept on one line; the other words wrap as usual.
const CODE_LIKE = /^\S*[-\u2010/]\S*$/u;

/** `text` with every code-like word (one with a hyphen or slash inside) unbreakable. */
export function CodesKeptWhole({ text }: { text: string }) {
  return (
    <>
      {text.split(/(\s+)/).map((part, index) =>
        CODE_LIKE.test(part) ? (
          <span key={index} className="whitespace-nowrap">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}
