import { isServer } from 'lit';
import { atom, computed, type ReadableAtom, type WritableAtom } from 'nanostores';
import type { Product } from '../core/product.js';
import { ancestors } from '../platform/dom.js';
import { emit, type LivecartEventMap, type PipMode } from '../core/events.js';

export type PlayerStateName = 'idle' | 'loading' | 'playing' | 'paused' | 'buffering' | 'ended' | 'error';

export interface PlayerState {
  state: PlayerStateName;
  pipMode: PipMode;
  /** The stream is live (no end). */
  live: boolean;
  /** Live, and far enough behind the live edge to offer "go live". */
  behindLive: boolean;
}

/** What a show needs from its player: picture-in-picture inside a click, a save before leaving, the continuity frame. */
export interface PlayerHandle {
  enterPip(): Promise<PipMode>;
  saveForNextPage(): void;
  continueAt(url: string): boolean;
}

/** A player's state before it plays, and after it leaves the page. */
export const IDLE: PlayerState = { state: 'idle', pipMode: 'inline', live: false, behindLive: false };

/** Whether `patch` changes anything in `state`. */
const changes = (state: PlayerState, patch: Partial<PlayerState>): boolean =>
  Object.entries(patch).some(([key, value]) => state[key as keyof PlayerState] !== value);

/** Settings of the whole show, set by its `<live-stream>`; every element of the show follows them. */
export interface ShowSettings {
  /** Where retailer links open (default `_blank`). */
  linkTarget?: '_blank' | '_self';
  /** `false`: watch-only, no buy buttons and no cart (`shopping="off"`). */
  shopping?: boolean;
}

/**
 * One live shopping show: its catalog, the product on screen and its player. Elements
 * find their show by id (see `resolveShowId`); everything they render comes from here.
 */
export class Show {
  readonly $products = atom<readonly Product[]>([]);
  readonly $featuredId = atom<string | null>(null);
  /** The featured product; null when none is, or when the feed does not know it yet. */
  readonly $featured: ReadableAtom<Product | null> = computed(
    [this.$featuredId, this.$products],
    (id, products) => (id === null ? null : (products.find((p) => p.id === id) ?? null)),
  );
  /** The state of the show's player (see `attachPlayer`); idle while it has none. */
  readonly $player = atom<PlayerState>(IDLE);
  /** How many of the show's elements are loading a feed: its catalog is "loading", not empty, meanwhile. */
  readonly $loadingFeeds = atom(0);
  readonly $settings = atom<ShowSettings>({});
  /** The players in the page, in the order they came: the first is the show's player. */
  private readonly players: PlayerHandle[] = [];
  /** Each player's state (see `stateOf`). */
  private readonly states = new WeakMap<object, WritableAtom<PlayerState>>();
  private stopFollowing?: () => void;
  /** The show's player while it is out of the page for a moment (a move); the next one takes over after. */
  private leaving?: PlayerHandle;
  /** Consoles (`<show-console>`) featuring the show's products by hand: a show with one has a source of products. */
  producers = 0;
  /** Connected elements of this show; events are dispatched from the first one. */
  private readonly hosts = new Set<HTMLElement>();
  private ready = false;

  constructor(readonly id: string) {
    this.$featured.listen((product) => this.emit('livecart-featured-change', { show: id, product }));
  }

  product(id: string | null | undefined): Product | undefined {
    return id == null ? undefined : this.$products.get().find((p) => p.id === id);
  }

  /**
   * Shows `id` as the product on screen; null clears it. It holds until the stream's tags
   * or the schedule say something new (media/product-on-screen.ts decides between them).
   */
  feature(id: string | null): void {
    this.$featuredId.set(id);
  }

  /** Adds to the catalog; a product already there is replaced in place. */
  addProducts(products: readonly Product[]): void {
    const byId = new Map(this.$products.get().map((p) => [p.id, p]));
    for (const product of products) byId.set(product.id, product);
    this.$products.set([...byId.values()]);
    if (!this.ready) {
      this.ready = true;
      this.emit('livecart-ready', { show: this.id });
    }
  }

  /**
   * Where `player`'s state lives: its controllers write it, the element reflects it, and
   * `$player` follows it while it is the show's player. Each player has its own, so two
   * players in one show (e.g. two on a page with no `show`) never share one.
   */
  stateOf(player: object): WritableAtom<PlayerState> {
    if (!this.states.has(player)) this.states.set(player, atom(IDLE));
    return this.states.get(player)!;
  }

  /** The show's player: the first one still in the page. */
  private get player(): PlayerHandle | undefined {
    return this.players[0];
  }

  setPlayerState(player: object, patch: Partial<PlayerState>): void {
    const $state = this.stateOf(player);
    const current = $state.get();
    if (changes(current, patch)) $state.set({ ...current, ...patch });
  }

  /**
   * The player registers itself. The first one in the page is the show's player: `$player`
   * follows its state, and a buy button anywhere asks it for PiP. Another player in the
   * same show plays on its own and does not take the show over, until the show's player
   * leaves the page: the next one then becomes the show's. A move within the page (out
   * and back in at once, as a single-page app's route change does) keeps its place.
   */
  attachPlayer(player: PlayerHandle): () => void {
    if (this.leaving === player) {
      this.leaving = undefined;
      this.players.unshift(player);
    } else if (!this.players.includes(player)) this.players.push(player);
    if (this.player === player) this.follow(player);
    return () => {
      const index = this.players.indexOf(player);
      if (index === -1) return;
      this.players.splice(index, 1);
      if (index === 0) {
        // Unfollowed first: `$player` keeps its state through a move.
        this.unfollow();
        this.leaving = player;
        queueMicrotask(() => {
          if (this.leaving !== player) return;
          this.leaving = undefined;
          this.follow(this.player);
        });
      }
      // A player out of the page is idle.
      this.stateOf(player).set(IDLE);
      this.states.delete(player);
    };
  }

  /** `$player` follows `player`'s state; with none, it is idle. */
  private follow(player: PlayerHandle | undefined): void {
    this.unfollow();
    const set = (state: PlayerState) => changes(this.$player.get(), state) && this.$player.set(state);
    if (player) this.stopFollowing = this.stateOf(player).subscribe(set);
    else set(IDLE);
  }

  private unfollow(): void {
    this.stopFollowing?.();
    this.stopFollowing = undefined;
  }

  /**
   * Asks the show's player for picture-in-picture. Call it synchronously inside a click:
   * the browser only grants PiP to a user gesture. Resolves to the mode reached.
   */
  requestPip(): Promise<PipMode> {
    return this.player?.enterPip() ?? Promise.resolve<PipMode>('inline');
  }

  /** Opens a same-site URL under the playing show when its player has `continuity="frame"`; false: navigate. */
  continueAt(url: string): boolean {
    return this.player?.continueAt(url) ?? false;
  }

  /** Saves the player's place for the next page of the site (a same-site link is being followed). */
  saveForNextPage(): void {
    this.player?.saveForNextPage();
  }

  connect(host: HTMLElement): () => void {
    this.hosts.add(host);
    return () => this.hosts.delete(host);
  }

  /** Dispatches from this show's main element (its `<live-stream>` when it has one). */
  emit<K extends keyof LivecartEventMap>(name: K, detail: LivecartEventMap[K]['detail'], cancelable = false): boolean {
    const hosts = [...this.hosts];
    const target = hosts.find((h) => SHOW_SCOPE in h) ?? hosts[0] ?? (isServer ? undefined : document);
    // On a server no one listens: a show rendered there has nothing to tell.
    return target ? emit(target, name, detail, { cancelable }) : true;
  }
}

/** Marks an element whose descendants belong to its show (`<live-stream>`). */
export const SHOW_SCOPE = Symbol.for('livecart.show-scope');

const shows = new Map<string, Show>();

export function getShow(id = 'default'): Show {
  let show = shows.get(id);
  if (!show) shows.set(id, (show = new Show(id)));
  return show;
}

/**
 * The show an element belongs to: its own `show` attribute, else the nearest enclosing
 * `<live-stream>` (across shadow roots), else `default`.
 */
export function resolveShowId(element: Element): string {
  // The property first: it is set before Lit reflects it to the attribute.
  const own = (element as { show?: unknown }).show ?? element.getAttribute('show');
  if (typeof own === 'string' && own) return own;
  return showScopeOf(element)?.[SHOW_SCOPE] ?? 'default';
}

/** A `<live-stream>` (or any element marked SHOW_SCOPE) the node is inside of. */
export interface ShowScope extends Element {
  readonly [SHOW_SCOPE]: string;
}

/**
 * Where retailer links from an element open: its own `link-target` (a `<buy-now-button>`
 * overriding it for itself), else its show's setting, else a new tab.
 */
export function linkTargetOf(element: Element): '_blank' | '_self' {
  const own = (element as { linkTarget?: unknown }).linkTarget ?? element.getAttribute('link-target');
  const target = own === '_self' || own === '_blank' ? own : getShow(resolveShowId(element)).$settings.get().linkTarget;
  return target === '_self' ? '_self' : '_blank';
}

export function showScopeOf(node: Node): ShowScope | null {
  for (const n of ancestors(node)) if (SHOW_SCOPE in n) return n as ShowScope;
  return null;
}
