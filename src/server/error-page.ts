// Error pages written for a reader in a browser: a heading, one plain sentence about what happened, and
// links to go on from. The API keeps its JSON errors (app.ts); these pages never carry command-line hints,
// since the reader may not be the person who runs the server (a story id that does not exist says "There
// is no story 912 in this library.", not 'run "parallax stories"').
import { html, type SafeHtml } from '../report/escape.js';
import type { HttpError } from './http-error.js';
import { page } from './pages.js';

/** A message as a sentence for the page: clauses that name a command or a flag dropped, capital, full stop. */
export function readerSentence(message: string): string {
  const kept = message
    .split(/;\s*/)
    .filter((clause) => !/\bparallax\b|(^|\s)--[a-z]/i.test(clause))
    .join('; ')
    .trim();
  if (kept === '') return '';
  const sentence = kept[0]?.toUpperCase() + kept.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

const WAYS_ON = html`<p>From here: <a href="/">the stories</a> · <a href="/outlets">the outlets</a> · <a href="/search">search the articles</a>.</p>`;

function body(heading: string, sentence: SafeHtml | string, more: SafeHtml | string = ''): SafeHtml {
  return html`<section class="panel error-page"><h1>${heading}</h1><p>${sentence}</p>${more}${WAYS_ON}</section>`;
}

/** The page for an address nothing answers at. */
export function notFoundPage(path: string): string {
  return page('Not found', body('Not found', html`Nothing lives at <code>${path}</code>.`));
}

/** The page for a refusal or failure of a page route; `path` is the address asked for, without its query. */
export function errorPage(error: HttpError, path: string): string {
  const said = readerSentence(error.message);
  const story = /^there is no story (\d+)/i.exec(error.message);
  switch (true) {
    case error.status === 404:
      return page(
        'Not found',
        body(
          'Not found',
          story ? `There is no story ${story[1]} in this library.` : said || 'Nothing is here.',
        ),
      );
    case error.status === 401 || error.status === 403:
      return page(
        'Not allowed',
        body(
          'Not allowed',
          error.code === 'unauthorized'
            ? 'Changing this library needs the token of whoever runs this server; ask them for it and give it in the form.'
            : said || 'This server does not allow that request.',
        ),
      );
    case error.status === 503:
      return page(
        'Not available right now',
        body(
          'Not available right now',
          error.code === 'timeout'
            ? 'The library took too long to answer this page. Try again in a moment; a narrower search or filter helps.'
            : error.code === 'closing'
              ? 'The server is stopping. Try again once it is back.'
              : 'The library cannot answer just now (it may be busy with other work). Try again in a moment.',
        ),
      );
    case error.status === 500:
      return page(
        'Something went wrong',
        body(
          'Something went wrong',
          'An error on the server stopped this page. It has been noted in the server’s log; trying again may work.',
        ),
      );
    default:
      return page(
        'Cannot show this page',
        body(
          'Cannot show this page',
          said || 'The address asks for something this page cannot show.',
          html`<p><a href="${path}">Open this page without its options</a>.</p>`,
        ),
      );
  }
}
