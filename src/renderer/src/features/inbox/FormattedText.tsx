import type { ReactNode } from 'react';
import { formatMessage, type FormatNode } from '../../../../shared/message-format';

const TAGS = { bold: 'strong', italic: 'em', strike: 's' } as const;

function render(nodes: FormatNode[]): ReactNode[] {
  return nodes.map((node, index) => {
    switch (node.kind) {
      case 'text':
        return node.text;
      case 'code':
        return <code key={index}>{node.text}</code>;
      case 'block':
        return (
          <pre key={index} className="bubble__block">
            {node.text}
          </pre>
        );
      case 'link':
        // Leaving the app is main's decision (external-links.ts): it shows the address and asks first.
        return (
          <a key={index} href={node.href} target="_blank" rel="noopener noreferrer" data-testid="message-link">
            {node.text}
          </a>
        );
      default: {
        const Tag = TAGS[node.kind];
        return <Tag key={index}>{render(node.children)}</Tag>;
      }
    }
  });
}

/** A message's text with WhatsApp's formatting and its web links, built as elements (React escapes every string). */
export function FormattedText({ text }: { text: string }) {
  return <>{render(formatMessage(text))}</>;
}
