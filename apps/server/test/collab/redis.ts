import { testStores } from '@yardstick/db'
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
  const ready = (await testStores()).includes('postgres') && (await redisAnswers())
  if (!ready) {
    if (process.env.CI)
      throw new Error(`Redis (${REDIS_URL}) or PostgreSQL is not reachable, and CI is set`)
    console.warn(`⚠ Redis (${REDIS_URL}) or PostgreSQL is not reachable: ${name} does not run`)
  }
  return ready
}

/** A channel prefix of its own, so runs never hear each other. */
export const redisPrefix = () => `yardstick-test:${process.pid}:${Date.now()}:${Math.random()}:`
