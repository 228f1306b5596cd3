// The OpenAPI description of the JSON API, served at /api/openapi.json. Written by hand next to the routes
// in api-routes.ts and write-routes.ts; test/server.test.ts checks that every documented path answers and every route is documented.

const error = {
  description: 'An error: a code and a one-line message.',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: { code: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
    },
  },
};

/** The `{id}` of a story path. */
const STORY_ID = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } } as const;

const SPREAD_BY = {
  name: 'by',
  in: 'query',
  description: 'The outlet directory field outlets are grouped by',
  schema: { enum: ['leaning', 'country', 'language', 'owner'], default: 'leaning' },
} as const;

const NOTE_ID = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } } as const;
const SAVED_SEARCH_ID = NOTE_ID;

/** A shape of schema/kept-work.schema.json. */
const keptWork = (name: string) => ({
  $ref: `https://parallax.invalid/schema/kept-work.schema.json#/$defs/${name}`,
});

const json = (description: string, schema: object) => ({
  description,
  content: { 'application/json': { schema } },
});

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'Parallax library API',
    version: '1',
    description:
      'Read a Parallax library (stories, one story’s report and why its articles are there, outlets, actors, search) and write to it (add articles, merge and split stories). Every request must name the server by an allowed host name (localhost, 127.0.0.1, [::1], the address serve listens on, and those given with --allowed-host); any other Host header, or two of them, is answered 421 or 400 (code "bad-host"). Writes take a JSON body (Content-Type: application/json, else 415 "unsupported-media-type") and are refused when a browser says they come from another site’s page (Origin or Sec-Fetch-Site; 403 "cross-site"). Answers are gzip-compressed for clients that accept it.',
  },
  paths: {
    '/api/health': {
      get: {
        summary: 'Whether the server and its library answer',
        responses: {
          '200': json('Counts of the library', {
            type: 'object',
            required: ['ok', 'articles', 'stories'],
            properties: { ok: { const: true }, articles: { type: 'integer' }, stories: { type: 'integer' } },
          }),
          '503': error,
        },
      },
    },
    '/api/stories': {
      get: {
        summary: 'Stories, newest activity first',
        parameters: [
          { name: 'since', in: 'query', schema: { type: 'string', format: 'date' } },
          { name: 'outlet', in: 'query', schema: { type: 'string' } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 50 } },
          {
            name: 'page',
            in: 'query',
            description: 'Which page of `limit` stories (1 is the first); the answer gives the total.',
            schema: { type: 'integer', minimum: 1, default: 1 },
          },
          {
            name: 'min_outlets',
            in: 'query',
            description:
              'Only stories covered by at least this many outlets (2: those with something to compare).',
            schema: { type: 'integer', minimum: 1, default: 1 },
          },
          { name: 'until', in: 'query', schema: { type: 'string', format: 'date' } },
          {
            name: 'text',
            in: 'query',
            description:
              'Only stories holding one of the best full-text matches of these words (FTS5 syntax, bounded as /api/search’s q).',
            schema: { type: 'string' },
          },
          {
            name: 'sort',
            in: 'query',
            description:
              'contested: the largest share of shared actors labelled in differing tones (splits / (shared + 3)), then most labels.',
            schema: { enum: ['newest', 'biggest', 'contested'], default: 'newest' },
          },
        ],
        responses: {
          '200': json('The listing, shaped as schema/stories.schema.json', {
            $ref: 'https://parallax.invalid/schema/stories.schema.json',
          }),
          '400': error,
        },
      },
    },
    '/api/stories/{id}': {
      get: {
        summary: 'One story’s comparison report',
        parameters: [
          STORY_ID,
          {
            name: 'outlet',
            in: 'query',
            description:
              'Compare only these outlets (repeat the parameter; at most 16; unknown names are ignored), each through its article closest to the story’s centre. Without it the whole story is compared. Applies to stories of more than 12 distinct articles; smaller ones are always compared whole.',
            schema: { type: 'array', items: { type: 'string' } },
            style: 'form',
            explode: true,
          },
        ],
        responses: {
          '200': json('A report with this one story, shaped as schema/report.schema.json', {
            $ref: 'https://parallax.invalid/schema/report.schema.json',
          }),
          '400': error,
          '404': error,
        },
      },
    },
    '/api/stories/{id}/spread': {
      get: {
        summary:
          'How the story’s voices (near-copies counted once) fall across the groups of one outlet directory field, and whether only one group covers it',
        parameters: [STORY_ID, SPREAD_BY],
        responses: {
          '200': json('The spread, shaped as schema/spread.schema.json#/$defs/storySpread', {
            $ref: 'https://parallax.invalid/schema/spread.schema.json#/$defs/storySpread',
          }),
          '400': error,
          '404': error,
        },
      },
    },
    '/api/blindspots': {
      get: {
        summary:
          'Stories covered by two or more outlets of one group (leaning, country, language or owner) and by no outlet of another, newest first',
        parameters: [
          SPREAD_BY,
          {
            name: 'group',
            in: 'query',
            description: 'Only the blindspots of this group',
            schema: { type: 'string' },
          },
          { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 50 } },
        ],
        responses: {
          '200': json('One page of blindspots, shaped as schema/spread.schema.json#/$defs/blindspots', {
            $ref: 'https://parallax.invalid/schema/spread.schema.json#/$defs/blindspots',
          }),
          '400': error,
        },
      },
    },
    '/api/stories/{id}/why': {
      get: {
        summary: 'Why each article is in the story: the decision recorded at placement and its fit now',
        parameters: [STORY_ID],
        responses: {
          '200': json('The story and its members', { type: 'object' }),
          '400': error,
          '404': error,
        },
      },
    },
    '/api/outlets': {
      get: {
        summary: 'Every outlet of the library, most articles first',
        responses: {
          '200': json('Outlets', {
            type: 'object',
            required: ['outlets'],
            properties: {
              outlets: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['outlet', 'articles', 'stories', 'firstPublished', 'lastPublished'],
                  properties: {
                    outlet: { type: 'string' },
                    articles: { type: 'integer' },
                    stories: { type: 'integer' },
                    firstPublished: { type: ['string', 'null'] },
                    lastPublished: { type: ['string', 'null'] },
                  },
                },
              },
            },
          }),
        },
      },
    },
    '/api/outlets/{name}': {
      get: {
        summary:
          'An outlet’s profile: labels for the actors it covers most against other outlets, tone, coverage over time, exclusives and omissions',
        parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': json('The profile', {
            type: 'object',
            required: ['outlet', 'months', 'tones', 'actors', 'coverage'],
          }),
          '404': error,
        },
      },
    },
    '/api/actors': {
      get: {
        summary: 'People and organizations named by the most outlets (labelled at least once)',
        parameters: [{ name: 'prefix', in: 'query', schema: { type: 'string' } }],
        responses: { '200': json('Actors', { type: 'object', required: ['actors'] }) },
      },
    },
    '/api/actors/{key}': {
      get: {
        summary: 'How every outlet has named and labelled one person or organization, by outlet and by month',
        parameters: [{ name: 'key', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': json('The actor’s record', {
            type: 'object',
            required: ['actor', 'keys', 'outlets', 'months'],
          }),
          '404': error,
        },
      },
    },
    '/api/articles': {
      post: {
        summary: 'Add one article; it is ingested and placed in its story',
        description:
          'A JSON record {text | html, title, outlet, url, published}, or {fetch: "https://…"} to fetch the page at that address (politely, as parallax ingest does). The body must be JSON (Content-Type: application/json); a page from another site cannot post it. Needs the token when the server has one.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  fetch: { type: 'string', format: 'uri' },
                  text: { type: 'string' },
                  html: { type: 'string' },
                  title: { type: 'string' },
                  outlet: { type: 'string' },
                  url: { type: 'string' },
                  published: { type: 'string', format: 'date' },
                },
              },
            },
          },
        },
        responses: {
          '201': json('Stored: each added article with the story it joined or started', {
            type: 'object',
            required: ['added', 'existing', 'refused'],
            properties: {
              added: {
                type: 'array',
                items: {
                  type: 'object',
                  required: [
                    'articleId',
                    'inputId',
                    'title',
                    'storyId',
                    'storyTitle',
                    'storyArticles',
                    'created',
                    'duplicateOf',
                  ],
                },
              },
              existing: { type: 'integer' },
              refused: { type: 'array', items: { type: 'string' } },
            },
          }),
          '200': json('Already stored; nothing changed', { type: 'object' }),
          '400': error,
          '401': error,
          '403': error,
          '413': error,
          '415': error,
          '422': error,
        },
      },
    },
    '/api/stories/{id}/merge': {
      post: {
        summary: 'Fold another story into this one (a user decision later ingests keep)',
        parameters: [STORY_ID],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { type: 'object', required: ['other'], properties: { other: { type: 'integer' } } },
            },
          },
        },
        responses: {
          '200': json('The merged story', { type: 'object' }),
          '400': error,
          '401': error,
          '403': error,
          '404': error,
          '415': error,
        },
      },
    },
    '/api/stories/{id}/split': {
      post: {
        summary: 'Move articles of this story into a new story (a user decision later ingests keep)',
        parameters: [STORY_ID],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['articles'],
                properties: { articles: { type: 'array', items: { type: 'string' } } },
              },
            },
          },
        },
        responses: {
          '200': json('Both stories', { type: 'object' }),
          '400': error,
          '401': error,
          '403': error,
          '404': error,
          '415': error,
        },
      },
    },
    '/api/search': {
      get: {
        summary: 'Full-text search over titles and texts, narrowed by outlet, days and story, with a count',
        description:
          'q uses SQLite FTS5 syntax: words, "phrases", OR, NOT, NEAR, prefix*. A query of more than 500 characters, 16 words, 4 prefix searches, 15 operators, or with a prefix of fewer than 3 letters is refused with 400 (code "query-too-complex", the message naming the bound); malformed syntax with 400 ("bad-query"). outlet, since, until and story narrow the hits (and total counts the narrowed hits); sort orders them: relevance (best match first, the default), newest or oldest (by publication day, undated articles last). A bad day, story number or sort is refused with 400 ("bad-parameter"). A search not answered within 10 s gets 503 ("timeout"). The answer’s shape is schema/search.schema.json.',
        parameters: [
          { name: 'q', in: 'query', required: true, schema: { type: 'string' } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 20 } },
          {
            name: 'page',
            in: 'query',
            description: 'Which page of limit hits (page × limit hits are skipped first).',
            schema: { type: 'integer', minimum: 1, maximum: 500, default: 1 },
          },
          {
            name: 'outlet',
            in: 'query',
            description: 'Only articles of this outlet (its exact name).',
            schema: { type: 'string' },
          },
          {
            name: 'since',
            in: 'query',
            description: 'Only articles published on or after this day; undated articles are left out.',
            schema: { type: 'string', format: 'date' },
          },
          {
            name: 'until',
            in: 'query',
            description: 'Only articles published on or before this day; undated articles are left out.',
            schema: { type: 'string', format: 'date' },
          },
          {
            name: 'story',
            in: 'query',
            description: 'Only articles of this story.',
            schema: { type: 'integer', minimum: 1 },
          },
          {
            name: 'sort',
            in: 'query',
            schema: { type: 'string', enum: ['relevance', 'newest', 'oldest'], default: 'relevance' },
          },
        ],
        responses: {
          '200': json(
            'A page of hits in the order asked, with the matched words between [ and ] in the snippet, and the number of all hits',
            {
              type: 'object',
              required: ['query', 'filters', 'sort', 'total', 'offset', 'limit', 'hits'],
              properties: {
                query: { type: 'string' },
                filters: {
                  type: 'object',
                  properties: {
                    outlet: { type: 'string' },
                    since: { type: 'string', format: 'date' },
                    until: { type: 'string', format: 'date' },
                    story: { type: 'integer' },
                  },
                },
                sort: { type: 'string', enum: ['relevance', 'newest', 'oldest'] },
                total: { type: 'integer', minimum: 0 },
                offset: { type: 'integer', minimum: 0 },
                limit: { type: 'integer', minimum: 1 },
                hits: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['id', 'title', 'outlet', 'published', 'snippet', 'story'],
                    properties: {
                      id: { type: 'string' },
                      title: { type: ['string', 'null'] },
                      outlet: { type: ['string', 'null'] },
                      published: { type: ['string', 'null'] },
                      snippet: { type: 'string' },
                      story: { type: ['integer', 'null'] },
                    },
                  },
                },
              },
            },
          ),
          '400': error,
          '503': error,
        },
      },
    },
    '/api/notes': {
      get: {
        summary: 'Every note, oldest first, each with the story it is on now',
        responses: { '200': json('The notes', keptWork('noteList')), '503': error },
      },
    },
    '/api/stories/{id}/notes': {
      get: {
        summary: 'The notes on one story as it is now (notes follow their article through re-clustering)',
        parameters: [STORY_ID],
        responses: { '200': json('The story’s notes', keptWork('noteList')), '400': error },
      },
      post: {
        summary: 'Adds a note on the story, or on one of its findings',
        parameters: [STORY_ID],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['text'],
                properties: {
                  text: { type: 'string', description: 'The note, 1 to 4,000 characters' },
                  finding: {
                    type: ['string', 'null'],
                    description:
                      'The finding’s anchor on the story page (fact-f3, actor-a1, s0-q-q2, s0-d0); absent or null: the story',
                  },
                },
              },
            },
          },
        },
        responses: {
          '201': json('The note', keptWork('noteAnswer')),
          '400': error,
          '401': error,
          '403': error,
          '404': error,
          '415': error,
        },
      },
    },
    '/api/notes/{id}': {
      patch: {
        summary: 'Replaces a note’s text',
        parameters: [NOTE_ID],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { type: 'object', required: ['text'], properties: { text: { type: 'string' } } },
            },
          },
        },
        responses: {
          '200': json('The note', keptWork('noteAnswer')),
          '400': error,
          '404': error,
          '415': error,
        },
      },
      delete: {
        summary: 'Deletes a note',
        parameters: [NOTE_ID],
        responses: { '200': json('Deleted', keptWork('deleted')), '404': error },
      },
    },
    '/api/saved-searches': {
      get: {
        summary:
          'Saved searches by name, each run now: its results and how many were stored since it was last opened',
        responses: { '200': json('The saved searches', keptWork('savedSearchList')), '503': error },
      },
      post: {
        summary: 'Saves a search (the same parameters saved before are returned, created false)',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['query'],
                properties: {
                  query: {
                    type: 'string',
                    description: 'The /search URL parameters: q=storm&outlet=Example',
                  },
                  name: { type: 'string', description: 'Up to 200 characters; by default the search words' },
                },
              },
            },
          },
        },
        responses: {
          '201': json('Saved', keptWork('savedSearchAnswer')),
          '200': json('Saved before', keptWork('savedSearchAnswer')),
          '400': error,
          '415': error,
        },
      },
    },
    '/api/saved-searches/{id}/seen': {
      post: {
        summary: 'Marks a saved search opened now: its results so far are no longer new',
        parameters: [SAVED_SEARCH_ID],
        responses: {
          '200': json('The saved search', keptWork('savedSearchAnswer')),
          '404': error,
          '415': error,
        },
      },
    },
    '/api/queue': {
      get: {
        summary:
          'The ingest queue of a PostgreSQL library: jobs waiting, running and failed (with reasons); on a library file an empty queue that says why',
        responses: {
          '200': json('The queue', { $ref: 'https://parallax.invalid/schema/queue.schema.json' }),
          '503': error,
        },
      },
    },
    '/api/queue/retry': {
      post: {
        summary: 'Puts one failed job (id) or every failed job (all: true) back to run',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  id: {
                    type: 'string',
                    pattern: '^\\d+$',
                    description: 'A failed job, as /api/queue lists it',
                  },
                  all: { type: 'boolean', description: 'true: every failed job' },
                },
              },
            },
          },
        },
        responses: {
          '200': json('How many jobs were put back', {
            type: 'object',
            required: ['retried'],
            properties: { retried: { type: 'integer', minimum: 0 } },
          }),
          '400': error,
          '404': error,
          '415': error,
        },
      },
    },
    '/api/saved-searches/{id}': {
      delete: {
        summary: 'Removes a saved search',
        parameters: [SAVED_SEARCH_ID],
        responses: { '200': json('Removed', keptWork('deleted')), '404': error },
      },
    },
  },
} as const;
