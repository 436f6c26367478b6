/**
 * Carries a thread's frames between engine instances, so a socket attached to any
 * instance receives what every instance publishes on its thread. The hub follows a
 * thread while it has sockets attached and hands every frame it publishes to the relay.
 */
export interface FrameRelay {
  follow(threadPk: string): void;
  unfollow(threadPk: string): void;
  send(threadPk: string, text: string): void;
  /** Those of the threads some instance follows now (has a socket on); none when unknown. */
  listened(threadPks: string[]): Promise<Set<string>>;
  close(): Promise<void>;
}
