import { join } from 'node:path'
import { DataDirLockedError } from '@yardstick/db'
import { respondentPath } from './campaigns/tokens'
import { loadConfig } from './config'
import { startServer } from './start'

/** `pnpm start`: one process, one port; prints the URL and the demo accounts. */
async function main() {
  const config = loadConfig()
  const server = await startServer(config)
  const lines = [
    '',
    `  标尺 Yardstick is running at ${server.url}`,
    `  API reference: ${server.url}/api/docs`,
    `  Database: ${server.database.kind === 'pglite' ? `embedded PGlite in ${config.DATA_DIR}` : `PostgreSQL (DATABASE_URL${config.DATABASE_REPLICA_URL ? '; dashboards and exports read DATABASE_REPLICA_URL' : ''})`}`,
  ]
  if (server.demoAccounts.length > 0) {
    lines.push('', '  Demo accounts (role · email · password):')
    for (const a of server.demoAccounts)
      lines.push(`    ${a.role.padEnd(9)} ${a.email.padEnd(28)} ${a.password}`)
  }
  const quiz = server.demoQuiz
  if (quiz?.tokens[0]) {
    lines.push(
      '',
      `  Demo quiz (${quiz.name}, ${quiz.unit}, ${quiz.minutes} min, ${quiz.tokens.length} one-time tokens in ${join(config.DATA_DIR, 'demo-quiz.json')}):`,
      `    ${server.url}${respondentPath(quiz.slug, quiz.tokens[0])}`,
    )
  }
  console.log(`${lines.join('\n')}\n`)
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`${signal}: stopping`)
    await server.stop()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((error) => {
  if (error instanceof DataDirLockedError) {
    console.error(`\n  ${error.message}\n`)
    process.exit(1)
  }
  console.error(error)
  process.exit(1)
})
