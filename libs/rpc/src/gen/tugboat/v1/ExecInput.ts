// Original file: agent.proto

import type { ExecStart as _tugboat_v1_ExecStart, ExecStart__Output as _tugboat_v1_ExecStart__Output } from '../../tugboat/v1/ExecStart.js';
import type { TerminalSize as _tugboat_v1_TerminalSize, TerminalSize__Output as _tugboat_v1_TerminalSize__Output } from '../../tugboat/v1/TerminalSize.js';

export interface ExecInput {
  'start'?: (_tugboat_v1_ExecStart | null);
  'stdin'?: (Buffer | Uint8Array | string);
  'stdin_close'?: (boolean);
  'resize'?: (_tugboat_v1_TerminalSize | null);
  'input'?: "start"|"stdin"|"stdin_close"|"resize";
}

export interface ExecInput__Output {
  'start'?: (_tugboat_v1_ExecStart__Output | null);
  'stdin'?: (Buffer);
  'stdin_close'?: (boolean);
  'resize'?: (_tugboat_v1_TerminalSize__Output | null);
  'input'?: "start"|"stdin"|"stdin_close"|"resize";
}
