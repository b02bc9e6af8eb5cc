// Original file: agent.proto

import type { ContainerRef as _tugboat_v1_ContainerRef, ContainerRef__Output as _tugboat_v1_ContainerRef__Output } from '../../tugboat/v1/ContainerRef.js';

export interface ExecStart {
  'ref'?: (_tugboat_v1_ContainerRef | null);
  'command'?: (string)[];
  'stdin'?: (boolean);
  'tty'?: (boolean);
}

export interface ExecStart__Output {
  'ref': (_tugboat_v1_ContainerRef__Output | null);
  'command': (string)[];
  'stdin': (boolean);
  'tty': (boolean);
}
