import { testStores } from '@yardstick/db/testing'
import { availableOrSkip } from '@yardstick/testing'
import { Redis } from 'ioredis'

/** The Redis the scale-out tests use. */
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

async function redisAnswers(): Promise<boolean> {
  const client = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 2000,
  })
  client.on('error', () => {})
  try {
    await client.connect()
    return (await client.ping()) === 'PONG'
  } catch {
    return false
  } finally {
    client.disconnect()
  }
}

/**
 * Whether Redis and PostgreSQL answer, for a test of processes sharing documents. Absent in CI,
 * an error; elsewhere a loud warning naming the test that does not run.
 */
export async function scaleOutReady(name: string): Promise<boolean> {
  return availableOrSkip({
    available: (await testStores()).includes('postgres') && (await redisAnswers()),
    missing: `Redis (${REDIS_URL}) or PostgreSQL is not reachable`,
    skipped: `${name} does not run`,
  })
}

/** A channel prefix of its own, so runs never hear each other. */
export const redisPrefix = () => `yardstick-test:${process.pid}:${Date.now()}:${Math.random()}:`
