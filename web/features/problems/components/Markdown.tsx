import { Anchor, Badge, Code, Text, Typography } from '@mantine/core';
import Markdown, { defaultUrlTransform } from 'react-markdown';
import { Link } from 'react-router';
import type { CommentView } from '../api/problems.ts';

/**
 * The safe Markdown subset of the board: paragraphs, emphasis, lists, quotes, code and links. Raw HTML is
 * never rendered (react-markdown builds React elements and `skipHtml` drops HTML nodes), images and
 * headings are not part of the subset, and links keep only http(s) and mailto addresses.
 */
const ALLOWED = ['p', 'strong', 'em', 'del', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'a', 'br', 'hr'];
const MENTION_HREF = /^(user|org):([0-9a-f-]{36})$/i;
/** `@[name](org:id)` becomes a plain link the chip renders with its own @. */
const MENTION_TOKEN = /@\[([^\]\n]{1,200})\]\(((?:user|org):[0-9a-f-]{36})\)/gi;

type Mention = CommentView['mentions'][number];

export function SafeMarkdown({ children, mentions = [] }: { children: string; mentions?: Mention[] }) {
  return (
    <Typography fz="sm" style={{ overflowWrap: 'anywhere' }}>
      <Markdown
        skipHtml
        allowedElements={ALLOWED}
        unwrapDisallowed
        urlTransform={(url) => (MENTION_HREF.test(url) ? url : safeUrl(url))}
        components={{
          a: ({ href, children: label }) => {
            const mention = href?.match(MENTION_HREF);
            if (mention)
              return <MentionChip kind={mention[1]!} id={mention[2]!} mentions={mentions} label={label} />;
            if (!href) return <>{label}</>;
            return (
              <Anchor href={href} target="_blank" rel="noopener noreferrer nofollow">
                {label}
              </Anchor>
            );
          },
          code: ({ children: code }) => <Code>{code}</Code>,
        }}
      >
        {children.replace(MENTION_TOKEN, '[$1]($2)')}
      </Markdown>
    </Typography>
  );
}

function safeUrl(url: string) {
  const cleaned = defaultUrlTransform(url);
  return /^(https?:|mailto:)/i.test(cleaned) ? cleaned : '';
}

/** A mention the server kept shows the name from the database; one it ignored stays plain text. */
function MentionChip({
  kind,
  id,
  mentions,
  label,
}: {
  kind: string;
  id: string;
  mentions: Mention[];
  label: React.ReactNode;
}) {
  const type = kind.toLowerCase() === 'org' ? 'organisation' : 'user';
  const known = mentions.find((m) => m.type === type && m.id === id.toLowerCase());
  if (!known)
    return (
      <Text span inherit>
        @{label}
      </Text>
    );
  if (type === 'organisation')
    return (
      <Badge
        component={Link}
        to={`/organisations/${known.id}`}
        variant="light"
        tt="none"
        style={{ cursor: 'pointer' }}
      >
        @{known.name}
      </Badge>
    );
  return (
    <Badge variant="light" color="grape" tt="none">
      @{known.name}
    </Badge>
  );
}
