// The OpenAPI description of the JSON API, served at /api/openapi.json. Written by hand next to the routes
// in app.ts; test/server.test.ts checks that every documented path answers and every route is documented.

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
      'Read a Parallax library (stories, one story’s report and why its articles are there, outlets, actors, search) and write to it (add articles, merge and split stories).',
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
          { name: 'until', in: 'query', schema: { type: 'string', format: 'date' } },
          {
            name: 'text',
            in: 'query',
            description:
              'Only stories holding one of the best full-text matches of these words (FTS5 syntax).',
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
        parameters: [STORY_ID],
        responses: {
          '200': json('A report with this one story, shaped as schema/report.schema.json', {
            $ref: 'https://parallax.invalid/schema/report.schema.json',
          }),
          '400': error,
          '404': error,
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
          'A JSON record {text | html, title, outlet, url, published}; {fetch: "https://…"} to fetch the page at that address (politely, as parallax ingest does); or the raw text, Markdown or HTML page as the body. Needs the token when the server has one.',
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
            'text/plain': { schema: { type: 'string' } },
            'text/html': { schema: { type: 'string' } },
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
          '413': error,
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
          '404': error,
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
          '404': error,
        },
      },
    },
    '/api/search': {
      get: {
        summary: 'Full-text search over titles and texts',
        parameters: [
          { name: 'q', in: 'query', required: true, schema: { type: 'string' } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 20 } },
        ],
        responses: {
          '200': json('Hits, best first, with the matched words between [ and ] in the snippet', {
            type: 'object',
            required: ['query', 'hits'],
            properties: {
              query: { type: 'string' },
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
          }),
          '400': error,
        },
      },
    },
  },
} as const;
