// The part of autocannon 8's programmatic API the benchmarks use (it ships no types).
declare module 'autocannon' {
  export interface AutocannonRequest {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string | Buffer
  }

  export interface RequestSpec extends AutocannonRequest {
    /** Called before each request; returns the request to send. */
    setupRequest?: (
      request: AutocannonRequest,
      context: Record<string, unknown>,
    ) => AutocannonRequest
    onResponse?: (
      status: number,
      body: string,
      context: Record<string, unknown>,
      headers: Record<string, string>,
    ) => void
  }

  export interface Options {
    url: string
    connections?: number
    pipelining?: number
    /** Seconds; ignored when `amount` is set. */
    duration?: number
    /** Total requests; each connection stops after its share, once answered. */
    amount?: number
    timeout?: number
    requests?: RequestSpec[]
  }

  export interface Histogram {
    average: number
    mean: number
    stddev: number
    min: number
    max: number
    p50: number
    p90: number
    p97_5: number
    p99: number
    p99_9: number
  }

  export interface Result {
    duration: number
    latency: Histogram
    requests: Histogram & { total: number; sent: number }
    errors: number
    timeouts: number
    non2xx: number
    resets: number
    '2xx': number
    statusCodeStats: Record<string, { count: number }>
  }

  /** A running load: awaitable for its result, stoppable, and ticking once a second. */
  export interface Instance extends PromiseLike<Result> {
    /** Ends the run early; the result covers what was answered. */
    stop: () => void
    on(event: 'tick', listener: (tick: { counter: number; bytes: number }) => void): Instance
  }

  function autocannon(options: Options): Instance
  export default autocannon
}
