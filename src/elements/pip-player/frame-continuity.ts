/**
 * `continuity="frame"`: the retailer's next page opens in a full-window same-origin
 * frame under the floating player, so a same-site link never stops the show (what
 * live-shopping vendors do on phones, where Document PiP does not exist). Loaded only by
 * players that opt in.
 *
 * - Followed: every same-origin `<a>` click of the page (left button, no modifier, target
 *   `_self`, not a jump within the page, not already handled by the page), and livecart's
 *   own `_self` buy and checkout links (`PipPlayer.continueAt`).
 * - The address bar and title follow the framed page. Opening pushes one history entry;
 *   a navigation inside the frame adds its own (browsers keep a frame's history in the
 *   tab's), so each frame `load` only replaces the URL of the entry it is on. Back walks
 *   the frame back, and past its first page closes the frame (`popstate`).
 * - Leaving the site (another origin, `target=_top`/`_parent`) or a page that refuses
 *   framing (`X-Frame-Options`, `frame-ancestors`: its document is not readable after
 *   `load`, or no load comes) becomes a plain navigation, with the show saved for the next
 *   page to resume, as `link-target="_self"` does without this mode.
 * - A form the framed page submits with POST, or to another origin, is submitted by the
 *   show page's window instead (M5): a payment, 3-D Secure, PayPal or a sign-in answers
 *   there, as it would without the frame. The frame could neither read that answer nor
 *   send the form again (a second payment), so it never hosts one. A form the page
 *   handles itself (its submit event cancelled) is left alone.
 */

/** Marks the frame, so a livecart inside it does not open a frame of its own. */
const MARK = 'data-livecart-continuity';
/** In `history.state` of the entries the frame shows. */
const FRAMED = { livecartFrame: true };
/** A navigation of the frame with no readable page after this long is taken as refused. */
const REFUSED_AFTER_MS = 15_000;
/** Targets that mean this browsing context or above it; any other name opens elsewhere. */
const OWN_TARGETS = ['_self', '_top', '_parent'];

/** What the mode needs from its player. */
export interface ContinuityHost {
  float(): Promise<void>;
  exitPip(): Promise<void>;
  saveForNextPage(returnUrl?: string): void;
}

export interface Continuity {
  /** Opens a same-origin URL in the frame (false for another origin: the caller navigates). */
  open(url: string): boolean;
  release(): void;
}

export function continueInFrame(host: ContinuityHost): Continuity {
  // Inside the frame the outer page does the work: a link here just navigates this frame.
  if (window.frameElement?.hasAttribute(MARK)) return { open: () => false, release: () => {} };
  return new FrameContinuity(host);
}

class FrameContinuity implements Continuity {
  private frame: HTMLIFrameElement | null = null;
  /** The URL the frame is navigating to, while no readable page has loaded for it. */
  private expected: string | null = null;
  private refusedTimer = 0;
  private showUrl = '';
  private showTitle = '';
  private overflow = '';
  private readonly abort = new AbortController();

  constructor(private readonly host: ContinuityHost) {
    const signal = this.abort.signal;
    // On the window, in the bubble phase: the page's own handlers have had their say.
    addEventListener('click', this.onPageClick, { signal });
    addEventListener('popstate', this.onPopState, { signal });
    // Leaving some other way (a reload, a typed URL, a `_top` form): the next page resumes.
    addEventListener('pagehide', () => this.frame && host.saveForNextPage(this.showUrl), { signal });
  }

  open(href: string, push = true): boolean {
    const url = new URL(href, document.baseURI);
    if (url.origin !== location.origin) return false;
    if (this.frame) {
      this.expect(url.href);
      this.frame.contentWindow!.location.assign(url.href);
      return true;
    }
    this.showUrl = location.href;
    this.showTitle = document.title;
    if (push) history.pushState(FRAMED, '', url.href);
    const frame = (this.frame = document.createElement('iframe'));
    frame.setAttribute(MARK, '');
    frame.title = url.href;
    // Under the floating player (z-index 2147483000), over the show page; the CSSOM, not a style attribute, for strict CSPs.
    Object.assign(frame.style, {
      position: 'fixed',
      inset: '0',
      width: '100%',
      height: '100%',
      border: '0',
      zIndex: '2147482999',
      background: 'Canvas',
    });
    frame.addEventListener('load', this.onFrameLoad);
    this.expect(url.href);
    frame.src = url.href;
    document.body.append(frame);
    // One scrollbar: the framed page's.
    this.overflow = document.documentElement.style.overflow;
    document.documentElement.style.overflow = 'hidden';
    void this.host.float();
    return true;
  }

  release(): void {
    this.abort.abort();
    this.close();
  }

  private expect(url: string): void {
    this.expected = url;
    clearTimeout(this.refusedTimer);
    this.refusedTimer = window.setTimeout(() => this.leave(url, true), REFUSED_AFTER_MS);
  }

  private onFrameLoad = () => {
    const frame = this.frame!;
    const doc = readableDocument(frame);
    if (!doc) {
      // Refused framing, or a navigation to another site that was not a link click.
      this.leave(this.expected, true);
      return;
    }
    clearTimeout(this.refusedTimer);
    this.expected = null;
    history.replaceState(FRAMED, '', doc.URL);
    document.title = frame.title = doc.title;
    doc.defaultView!.addEventListener('click', this.onFrameClick);
    doc.defaultView!.addEventListener('submit', this.onFrameSubmit);
    // Keys and screen readers go on in the page the shopper now sees.
    frame.contentWindow!.focus();
  };

  /** The show page's links: a same-origin one opens in the frame. */
  private onPageClick = (event: MouseEvent) => {
    const link = followedLink(event, document);
    if (link?.target === '_self' && this.open(link.url.href)) event.preventDefault();
  };

  /** The framed page's links: same-origin ones navigate the frame; the rest leave the show page. */
  private onFrameClick = (event: MouseEvent) => {
    const link = followedLink(event, (event.currentTarget as Window).document);
    if (!link) return;
    if (link.target === '_self' && link.url.origin === location.origin) this.expect(link.url.href);
    else {
      event.preventDefault();
      this.leave(link.url.href, false);
    }
  };

  /** The framed page's forms: a GET to this origin navigates the frame; any other goes to the show page's window. */
  private onFrameSubmit = (event: SubmitEvent) => {
    if (event.defaultPrevented) return;
    const form = event.target as HTMLFormElement;
    // The submit button's own formmethod, formaction and formtarget win over the form's.
    const submitter = event.submitter as HTMLButtonElement | HTMLInputElement | null;
    const method = (submitter?.hasAttribute('formmethod') ? submitter.formMethod : form.method).toLowerCase();
    if (method === 'dialog') return;
    const action = new URL(submitter?.hasAttribute('formaction') ? submitter.formAction : form.action);
    const named = (submitter?.hasAttribute('formtarget') ? submitter.formTarget : form.target) || form.ownerDocument.querySelector('base[target]')?.getAttribute('target');
    const target = (named || '_self').toLowerCase();
    // Another tab or frame: not this one's to keep.
    if (!OWN_TARGETS.includes(target)) return;
    if (method === 'get' && target === '_self' && action.origin === location.origin) {
      action.search = new URLSearchParams(new FormData(form, submitter) as unknown as string[][]).toString();
      return this.expect(action.href);
    }
    // Read as the submission goes on, after this event: the window above the frame, the show page's.
    if (submitter?.hasAttribute('formtarget')) submitter.formTarget = '_parent';
    form.target = '_parent';
  };

  /** Back past the frame's first page closes it; Forward again opens it. */
  private onPopState = (event: PopStateEvent) => {
    const framed = (event.state as typeof FRAMED | null)?.livecartFrame === true;
    if (!framed && this.frame) this.close();
    else if (framed && !this.frame) this.open(location.href, false);
  };

  /**
   * Navigates the tab to `url` with the show saved for the next page (`replace`: in place
   * of the entry that failed to frame it). With no URL to go to, the show page comes back.
   */
  private leave(url: string | null, replace: boolean): void {
    const showUrl = this.showUrl;
    this.close();
    if (!url) {
      history.replaceState(null, '', showUrl);
      return;
    }
    this.host.saveForNextPage(showUrl);
    if (!replace) return location.assign(url);
    // The entry that failed to frame it was never shown: the show page is its true referrer.
    history.replaceState(null, '', showUrl);
    location.replace(url);
  }

  private close(): void {
    clearTimeout(this.refusedTimer);
    this.expected = null;
    if (!this.frame) return;
    this.frame.remove();
    this.frame = null;
    document.title = this.showTitle;
    document.documentElement.style.overflow = this.overflow;
    void this.host.exitPip();
  }
}

/** The frame's document when it is a same-origin page (not a refusal's error page, not about:blank). */
function readableDocument(frame: HTMLIFrameElement): Document | null {
  try {
    const doc = frame.contentDocument;
    return doc && doc.URL !== 'about:blank' ? doc : null;
  } catch {
    return null;
  }
}

/** The link a click follows in this browsing context or above, if it is a plain one. */
function followedLink(event: MouseEvent, doc: Document): { url: URL; target: string } | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  // By name, not instanceof: the frame's elements come from another realm.
  const a = event.composedPath().find((node) => (node as Element).localName === 'a') as HTMLAnchorElement | undefined;
  if (typeof a?.href !== 'string' || !a.href || a.hasAttribute('download')) return null;
  const url = new URL(a.href);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // A jump within the page is no page change.
  if (url.hash && url.href.split('#')[0] === doc.URL.split('#')[0]) return null;
  const target = (a.target || doc.querySelector('base[target]')?.getAttribute('target') || '_self').toLowerCase();
  return OWN_TARGETS.includes(target) ? { url, target } : null;
}
