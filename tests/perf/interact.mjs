// What a respondent waits for: the time from navigation until a click takes effect, not until a
// control is in the page. Shared by the benchmark (tests/perf/bench.mjs), which prints medians.
//   start page     until a click on "Start the assessment" (with a side chosen) shows the first question
//   question page  until a click on an answer of a saved assessment is counted (in storage)
// Each is measured from a fresh context, on the desktop or a phone-like profile (the CPU slowed
// four times and a fast 4G network, through the DevTools protocol), and on a second visit, when the
// service worker serves the build from its cache.
import { seededAssessment } from './measure.mjs';

/** DevTools' "Fast 4G" preset, and a mid-range phone's CPU as Lighthouse models it (×4). */
export const PROFILES = {
  desktop: null,
  phone: { cpu: 4, network: { offline: false, latency: 60, downloadThroughput: (9 * 1024 * 1024) / 8, uploadThroughput: (1.5 * 1024 * 1024) / 8 } },
};

export const ACTIONS = {
  'start page': { hash: '', seed: false },
  'question page': { hash: '#/a/perf1/d/service-definition', seed: true },
};

/**
 * Tries the action every few milliseconds from the document's start and resolves with the time
 * (ms since navigation) when it first took effect. Runs inside the page, before its scripts.
 */
function watchAction(kind) {
  window.__bitaAction = new Promise((resolve) => {
    const tryIt = () => {
      if (kind === 'start page') {
        if (document.querySelector('fieldset.question')) return resolve(performance.now());
        const side = document.querySelector('form.start input[type=radio]');
        const start = document.querySelector('form.start button[type=submit]');
        if (side && start) {
          side.click();
          start.click();
        }
      } else {
        const a = JSON.parse(localStorage.getItem('bita.assessment.perf1') ?? '{}');
        if (a.answers?.['sd-01'] === 'na') return resolve(performance.now());
        document.querySelector('#sd-01-na')?.click();
      }
      setTimeout(tryIt, 4);
    };
    tryIt();
  });
}

async function throttle(page, profile) {
  const p = PROFILES[profile];
  if (!p) return;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: p.cpu });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', p.network);
}

/**
 * One fresh load of `base` + the action's hash in a new context: { ms, fcpMs }, and with `second`
 * also the same page again once the service worker has taken the build into its cache.
 */
export async function interact(browser, base, action, profile, { second = false } = {}) {
  const { hash, seed } = ACTIONS[action];
  const context = await browser.newContext({ serviceWorkers: second ? 'allow' : 'block' });
  if (seed) {
    // Seeded once: the second visit finds the answer of the first and clears it first.
    await context.addInitScript((a) => {
      if (!localStorage.getItem(`bita.assessment.${a.id}`) || sessionStorage.getItem('bita-perf-reseed')) {
        localStorage.setItem(`bita.assessment.${a.id}`, JSON.stringify(a));
        sessionStorage.removeItem('bita-perf-reseed');
      }
    }, seededAssessment());
  }
  await context.addInitScript(watchAction, action);
  const page = await context.newPage();
  await throttle(page, profile);
  const once = async () => {
    // From a blank page, so that even the same address loads afresh rather than moving within it.
    await page.goto('about:blank');
    await page.goto(base + hash);
    const ms = await page.evaluate(() => window.__bitaAction);
    const fcpMs = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
    return { ms, fcpMs };
  };
  try {
    const first = await once();
    if (!second) return first;
    // The service worker precaches the build after the first view; the next visit is served by it.
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      if (reg.active?.state !== 'activated') await new Promise((r) => reg.active.addEventListener('statechange', r));
    });
    await page.evaluate(() => sessionStorage.setItem('bita-perf-reseed', '1'));
    const again = await once();
    return { ...first, secondMs: again.ms, secondFcpMs: again.fcpMs };
  } finally {
    await context.close();
  }
}
