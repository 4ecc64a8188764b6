import { beforeAll, describe, expect, it } from 'vitest';
import { csvCell } from '../src/lib/csv';
import { call, createSite, npsAnswer, store, surveyAnswer } from './helpers';

const start = Date.UTC(2026, 10, 2, 9, 0);
let keys: { readKey: string };

const exportPage = (query = '', headers: Record<string, string> = {}) =>
  call(`/v1/sites/export-site/responses${query}`, { headers: { Authorization: `Bearer ${keys.readKey}`, ...headers } });

interface Page {
  answers: { id: string; time: string; kind: string; value: unknown; survey: string; path: string; url: string }[];
  next: string | null;
}

/** A tiny RFC 4180 reader for the test: quoted cells, doubled quotes, CRLF rows. */
const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  return rows;
};

const HOSTILE = [
  '=HYPERLINK("https://evil.example","click")',
  '+1+2',
  '-2+3',
  '@SUM(A1:A2)',
  '\t=1+1',
  '\r=1+1',
  '＝1+1',
  'fine, "quoted" text\nover two lines',
];

beforeAll(async () => {
  keys = await createSite('export-site');
  await store(
    'export-site',
    [
      npsAnswer(9, { ts: start, url: '/pricing?plan=pro' }),
      surveyAnswer('text', 'Checkout is slow, mail me at ana@example.com', {
        ts: start + 1000,
        survey: 'nps',
        question: 'reason',
        url: '/checkout',
      }),
      surveyAnswer('multi', ['price', 'speed'], { ts: start + 2000, survey: 'why', question: 'why' }),
      ...HOSTILE.map((text, i) =>
        surveyAnswer('text', text, { ts: start + 10_000 + i, survey: 'csat', question: 'reason', device: 'mobile' }),
      ),
      { ...npsAnswer(0, { ts: start }), type: 'survey_dismissed' } as ReturnType<typeof npsAnswer>,
    ],
    start + 60_000,
  );
});

describe('GET /v1/sites/:site/responses', () => {
  it('exports answers as JSON, newest first, values in their own type and PII scrubbed', async () => {
    const response = await exportPage();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const page = (await response.json()) as Page;
    expect(page.next).toBeNull();
    expect(page.answers).toHaveLength(3 + HOSTILE.length);
    expect(page.answers.map((answer) => answer.time)).toEqual(
      [...page.answers.map((answer) => answer.time)].sort().reverse(),
    );
    const [multi, reason, score] = page.answers.slice(-3);
    expect(multi).toMatchObject({ kind: 'multi', value: ['price', 'speed'], survey: 'why' });
    expect(reason).toMatchObject({ kind: 'text', value: 'Checkout is slow, mail me at [email]', path: '/checkout' });
    expect(score).toMatchObject({ kind: 'nps', value: 9, path: '/pricing', url: '/pricing?plan=pro' });
    expect(score!.time).toBe('2026-11-02T09:00:00.000Z');
  });

  it('pages with a cursor, in every format, until the last page', async () => {
    const seen: string[] = [];
    let query = '?limit=4';
    for (let pages = 0; pages < 10; pages++) {
      const response = await exportPage(query);
      const page = (await response.json()) as Page;
      seen.push(...page.answers.map((answer) => answer.id));
      if (!page.next) {
        expect(response.headers.get('link')).toBeNull();
        break;
      }
      expect(response.headers.get('link')).toBe(
        `</v1/sites/export-site/responses?limit=4&cursor=${page.next}>; rel="next"`,
      );
      expect(response.headers.get('pulse-next-cursor')).toBe(page.next);
      query = `?limit=4&cursor=${page.next}`;
    }
    expect(seen).toHaveLength(11);
    expect(new Set(seen).size).toBe(11);

    const first = await exportPage('?limit=5&format=ndjson');
    const lines = (await first.text()).split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[5]).toBe('');
    const cursor = first.headers.get('pulse-next-cursor')!;
    const rest = await exportPage(`?limit=100&format=ndjson&cursor=${cursor}`);
    const restIds = (await rest.text())
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { id: string }).id);
    expect([...lines.slice(0, 5).map((line) => (JSON.parse(line) as { id: string }).id), ...restIds]).toEqual(seen);
  });

  it('neutralises every cell that a spreadsheet would run as a formula', async () => {
    const response = await exportPage('?format=csv&survey=csat');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="pulse-export-site-responses.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A UTF-8 byte order mark first, so that spreadsheets read the file as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(
      text.startsWith('id,time,survey,response,question,kind,value,path,url,device,visitor,user,segments,friction\r\n'),
    ).toBe(true);
    const rows = parseCsv(text);
    const values = rows.slice(1).map((row) => row[6]);
    expect(values).toEqual(
      [
        '\'=HYPERLINK("https://evil.example","click")',
        "'+1+2",
        "'-2+3",
        "'@SUM(A1:A2)",
        "'\t=1+1",
        "'\r=1+1",
        "'＝1+1",
        'fine, "quoted" text\nover two lines',
      ].reverse(),
    );
    for (const row of rows) expect(row).toHaveLength(14);
  });

  it('quotes and neutralises cells by the rules', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(9)).toBe('9');
    expect(csvCell(null)).toBe('');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(' =1')).toBe(' =1');
  });

  it('picks CSV from the Accept header when no format is asked', async () => {
    const response = await exportPage('?limit=1', { Accept: 'text/csv' });
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    await response.text();
  });

  it('searches the text, and filters by survey, kind, device, path and time', async () => {
    const found = async (query: string) =>
      ((await (await exportPage(query)).json()) as Page).answers.map((answer) => answer.value);
    expect(await found('?q=SLOW')).toEqual(['Checkout is slow, mail me at [email]']);
    expect(await found('?q=%25')).toEqual([]);
    expect(await found('?q=_')).toEqual([]);
    expect(await found('?q=%22quoted%22')).toEqual(['fine, "quoted" text\nover two lines']);
    expect(await found('?survey=nps')).toEqual(['Checkout is slow, mail me at [email]', 9]);
    expect(await found('?kind=nps')).toEqual([9]);
    expect((await found('?device=mobile')).length).toBe(HOSTILE.length);
    expect(await found('?path=/checkout')).toEqual(['Checkout is slow, mail me at [email]']);
    expect(await found(`?from=${start + 1000}&to=${start + 2000}`)).toEqual(['Checkout is slow, mail me at [email]']);
  });

  it('answers a bad cursor, format or limit with 400', async () => {
    for (const query of ['?cursor=nonsense', '?cursor=WzEsMl0', '?format=xml', '?limit=0', '?limit=100000', '?q=']) {
      const response = await exportPage(query);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_request');
    }
  });

  it("lists each answer's segments, as the segment filters name them, in JSON and CSV", async () => {
    await store('export-site', [
      {
        ...surveyAnswer('rating', 4, { ts: start + 30_000, survey: 'segmented' }),
        locale: 'de-at',
        visits: 3,
        traits: { plan: 'pro' },
      } as ReturnType<typeof surveyAnswer>,
    ]);
    const page = (await (await exportPage('?survey=segmented')).json()) as { answers: { segments: object }[] };
    expect(page.answers.map((answer) => answer.segments)).toEqual([
      { locale: 'de-AT', visitor: 'returning', 'trait.plan': 'pro' },
    ]);
    const rows = parseCsv(await (await exportPage('?survey=segmented&format=csv')).text());
    expect(rows[1]![12]).toBe('locale=de-AT; visitor=returning; trait.plan=pro');
    const plain = (await (await exportPage('?survey=why')).json()) as { answers: { segments: object }[] };
    expect(plain.answers.map((answer) => answer.segments)).toEqual([{}]);
  });
});
