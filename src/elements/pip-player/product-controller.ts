import { warn } from '../../core/warn.js';
import { ProductOnScreen } from '../../media/product-on-screen.js';
import type { Stream } from '../../media/stream.js';
import type { PlayerStateName } from '../../store/show.js';
import { PlayerController, type PlayerHost, type ShowBinding } from './player-controller.js';

export interface ProductHost extends PlayerHost {
  readonly schedule: string;
  readonly live: boolean;
  readonly state: PlayerStateName;
}

/** Seconds of playback without a featured product after which a show counts as unshoppable. */
const UNSHOPPABLE_AFTER_S = 3;

/**
 * The product on screen, written to the show: media/product-on-screen.ts decides it from
 * the stream's cues and tags and the `schedule`. A show that plays with no source of
 * products at all is told how to become shoppable. The player loads this module (with
 * product-on-screen.ts) as it is made, beside hls.js, off the path to the first frame.
 */
export class ProductController extends PlayerController<ProductHost> {
  private productOnScreen?: ProductOnScreen;
  /** The `schedule` being followed. */
  private schedule?: string;
  /** Where checkShoppable started counting (a live stream starts far from 0); true once it has looked. */
  private shoppableFrom: number | true | null = null;

  constructor(
    host: ProductHost,
    shows: ShowBinding,
    /** The player's stream (program date-times, date-range tags, its live tolerance). */
    private readonly stream: () => Stream | undefined,
  ) {
    super(host, shows);
  }

  protected attach(signal: AbortSignal): void {
    const { host } = this;
    host.video.addEventListener('timeupdate', this.checkShoppable, { signal });
    const productOnScreen = (this.productOnScreen = new ProductOnScreen({
      video: host.video,
      show: () => this.show(),
      stream: this.stream,
      live: () => host.live || host.state === 'loading' || host.state === 'idle',
      report: (message, problems) => this.report('schedule', message, problems),
    }));
    signal.addEventListener('abort', () => {
      productOnScreen.stop();
      this.productOnScreen = undefined;
    });
    this.follow();
  }

  hostUpdate(): void {
    if (this.productOnScreen && this.host.schedule !== this.schedule) this.follow();
    // The show is over: its schedule's connection (or re-reads) ends with it.
    if (this.host.state === 'ended') this.productOnScreen?.stopListening();
  }

  private follow(): void {
    const url = (this.schedule = this.host.schedule);
    void this.productOnScreen!.setSchedule(url && new URL(url, document.baseURI).href);
  }

  /**
   * A show that plays for a while and has featured nothing, with no source of products
   * (no product cues or tags in the stream, no schedule, no console featuring by hand), is a video without shopping:
   * most likely a set-up mistake, so say once how to make it shoppable.
   */
  private checkShoppable = () => {
    const time = this.host.video.currentTime;
    if (this.shoppableFrom === true) return;
    this.shoppableFrom ??= time;
    if (time - this.shoppableFrom < UNSHOPPABLE_AFTER_S) return;
    this.shoppableFrom = true;
    if (this.productOnScreen!.hasSpoken() || this.show().$featuredId.get() !== null || this.show().producers) return;
    warn(this.host, { kind: 'unshoppable', seconds: UNSHOPPABLE_AFTER_S }, 'unshoppable');
  };
}
