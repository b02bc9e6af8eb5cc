/**
 * GET pods/<name>/log: the container's log from its node's agent (AgentService.Logs), answered as
 * chunked text/plain. Headers wait for the first chunk (or a short grace period, so `-f` on a quiet
 * container still sees 200 at once), which lets an agent's early error still become a Status.
 * The HTTP response owns the gRPC stream: it is cancelled when the client goes away.
 */
import { ApiError, toApiError } from '@tugboat/api';
import { fromServiceError } from '@tugboat/rpc';
import type { HandlerContext } from '../handlers/context.js';
import { sendError } from '../http/respond.js';
import type { AgentDialer } from './agent-dialer.js';
import { checkLogsAvailable } from './container.js';
import { parseLogOptions } from './log-options.js';
import { agentFor, resolvePodTarget } from './pod-target.js';

/** how long a silent log stream may keep the client waiting for its response headers */
const HEADER_GRACE_MS = 1_000;

export async function handleLog(ctx: HandlerContext, dialer: AgentDialer): Promise<void> {
  if (ctx.request.verb !== 'get') throw new ApiError('MethodNotAllowed', 'pods/log only supports GET');
  const opts = parseLogOptions(ctx.request.query);
  const target = await resolvePodTarget(ctx.storage, ctx.request.namespace!, ctx.request.name!, opts.container);
  checkLogsAvailable(target.pod, target.ref.container, opts.previous);
  const client = await agentFor(ctx.storage, dialer, target.node);
  const call = client.Logs({
    ref: target.ref,
    follow: opts.follow,
    timestamps: opts.timestamps,
    previous: opts.previous,
    tail_lines: opts.tailLines,
    since_seconds: opts.sinceSeconds,
    limit_bytes: opts.limitBytes,
  });
  const { res } = ctx;
  await new Promise<void>((resolve) => {
    const startBody = (): void => {
      clearTimeout(grace);
      if (!res.headersSent) res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache' });
    };
    const grace = setTimeout(startBody, HEADER_GRACE_MS);
    const finish = (): void => {
      clearTimeout(grace);
      ctx.signal.removeEventListener('abort', cancel);
      res.off('drain', resume);
      resolve();
    };
    const cancel = (): void => {
      call.cancel();
      finish();
    };
    const resume = (): void => {
      call.resume();
    };
    ctx.signal.addEventListener('abort', cancel, { once: true });
    res.on('drain', resume);
    call.on('data', (chunk: { data: Buffer }) => {
      startBody();
      if (!res.write(chunk.data)) call.pause();
    });
    call.on('end', () => {
      startBody();
      res.end();
      finish();
    });
    call.on('error', (err) => {
      if (ctx.signal.aborted) return finish();
      const apiErr = fromServiceError(err);
      if (!res.headersSent) sendError(res, apiErr);
      else {
        // the body has started: all that is left is to cut it short
        ctx.log.warn({ err: toApiError(apiErr), pod: target.ref }, 'log stream failed');
        res.end();
      }
      finish();
    });
  });
}
