// The reference y-websocket server (@y/websocket-server 0.1.1, no persistence), as the
// baseline for the co-editing benchmark. Run as a child process by bench/collab.ts.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setupWSConnection } from '@y/websocket-server/utils'
import { WebSocketServer } from 'ws'

const server = createServer()
const wss = new WebSocketServer({ server })
wss.on('connection', (socket, request) => setupWSConnection(socket, request))
server.listen(0, '127.0.0.1', () => {
  console.log(`running at http://127.0.0.1:${(server.address() as AddressInfo).port}`)
})
process.on('SIGUSR2', () => {
  ;(globalThis as { gc?: () => void }).gc?.()
  console.log(`memory ${JSON.stringify(process.memoryUsage())}`)
})
