/**
 * Automated agents that run a page's JavaScript and so could send events: crawlers that render pages, headless and
 * driven browsers, audit and uptime tools, link previewers. Plain HTTP clients (curl, node, python-requests) are not
 * here: they run no script, so what they send is a deliberate server-side integration. Neither are test tools' own
 * HTTP clients (Playwright's request context): browsers they drive send HeadlessChrome or a device's user agent.
 */
const BOT =
  /(?<!cu)bot\b|bot\/|crawl|spider|slurp|scraper|headless|phantomjs|slimerjs|selenium|webdriver|cypress|jsdom|happydom|lighthouse|pagespeed|gtmetrix|pingdom|uptimerobot|statuscake|site24x7|synthetics|prerender|rendertron|facebookexternalhit|embedly|bingpreview|google-inspectiontool|google-read-aloud|mediapartners-google|feedfetcher|yandex(?:metrika|images|bot)|baiduspider|bytespider|petalbot|applebot/i;

/** Tells whether a User-Agent belongs to a bot or a headless browser. A missing User-Agent is not a bot. */
export const isBot = (userAgent: string | undefined): boolean => !!userAgent && BOT.test(userAgent);
