/**
 * Tabs libyaml refuses and the `yaml` package accepts. go-yaml v2's scanner
 * (yaml_parser_scan_to_next_token) skips tabs only in flow context or where a simple key is
 * not allowed; in block context a simple key is allowed at the start of a line and right after
 * `:`, `-` and `?`. A tab there cannot start a token: `key:\tvalue`, `-\tx`, a line of tabs.
 * The scanner error names the tab's editor line.
 */
import { CST, Lexer } from 'yaml';

/** Offset of the first tab go-yaml v2 rejects in the first document, if any. */
export function rejectedTabOffset(text: string): number | undefined {
  if (!text.includes('\t')) return undefined;
  let offset = 0;
  let flow = 0;
  let allowed = true;
  let scalarSource = false;
  let content = false;
  for (const token of new Lexer().lex(text)) {
    if (token === CST.SCALAR) {
      scalarSource = true;
      continue;
    }
    if (token === CST.DOCUMENT || token === CST.FLOW_END) continue;
    const start = offset;
    offset += token.length;
    if (scalarSource) {
      scalarSource = false;
      content = true;
      allowed = token.endsWith('\n');
      continue;
    }
    switch (CST.tokenType(token)) {
      case 'space': {
        const tab = token.indexOf('\t');
        if (tab >= 0 && allowed && flow === 0) return start + tab;
        break;
      }
      case 'newline':
        if (flow === 0) allowed = true;
        break;
      case 'comment':
        break;
      case 'map-value-ind':
      case 'seq-item-ind':
      case 'explicit-key-ind':
        allowed = flow === 0 || allowed;
        content = true;
        break;
      case 'flow-map-start':
      case 'flow-seq-start':
        flow++;
        content = true;
        break;
      case 'flow-map-end':
      case 'flow-seq-end':
        flow = Math.max(0, flow - 1);
        allowed = false;
        break;
      case 'doc-start':
        if (content) return undefined;
        allowed = false;
        break;
      default:
        allowed = false;
        content = true;
    }
  }
  return undefined;
}
